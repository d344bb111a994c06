// The page's one interpreter for live editing: started when a reader first presses "Edit code" (or
// opens the playground) and shared by every diagram on the page.
import { createBrowserSimulator, type BrowserSimulator } from 'memlane/browser';

let simulator: BrowserSimulator | undefined;

export function pageSimulator(liveUrl: string): BrowserSimulator {
  simulator ??= createBrowserSimulator(liveUrl);
  return simulator;
}
