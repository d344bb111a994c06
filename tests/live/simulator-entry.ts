// The browser bundle under test: the live simulator alone, on window for the tests to drive.
import { createBrowserSimulator } from '../../src/live/browser-simulator.ts';

(globalThis as { memlaneLive?: unknown }).memlaneLive = { createBrowserSimulator };
