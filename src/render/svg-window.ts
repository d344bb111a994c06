// The hand-over of a DOM window, kept for the code that still makes it (src/node/svgdom-window.ts,
// the page's live editor): render writes SVG markup itself (svg-element.ts) and draws in no window.

/** Accepts the window render once drew in and keeps nothing: Node and the browser write the same bytes without one. */
export function useSvgWindow(window: Window): void {
  void window;
}
