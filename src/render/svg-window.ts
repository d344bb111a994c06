// The DOM window svg.js draws in, handed over at the edge: svgdom in Node
// (src/node/svgdom-window.ts), the page's own window in a browser. Render itself imports neither.
import { SVG, registerWindow, type Svg } from '@svgdotjs/svg.js';

let provided = false;

/** Makes `window` the one render draws in; call once, before the first layoutToSvg. */
export function useSvgWindow(window: Window): void {
  registerWindow(window, window.document);
  provided = true;
}

/** A fresh root <svg> for one diagram. */
export function createRoot(): Svg {
  if (!provided) {
    throw new Error('memlane render: no SVG window to draw in\nhint: in Node import src/node/svgdom-window.ts first; in a browser call useSvgWindow(window)');
  }
  return SVG();
}
