// The browser bundle under test: the core, drawing recorded traces in the page.
import { drawRecorded } from './draw-recorded.ts';

(globalThis as { memlane?: unknown }).memlane = { drawRecorded };
