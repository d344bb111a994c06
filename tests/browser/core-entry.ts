// The browser bundle under test: the core with render drawing in the page's own window.
import { useSvgWindow } from '../../src/render/svg-window.ts';
import { drawRecorded } from './draw-recorded.ts';

useSvgWindow(window);
(globalThis as { memlane?: unknown }).memlane = { drawRecorded };
