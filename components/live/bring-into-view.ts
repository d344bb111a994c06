// After a run the new diagram is what the reader looks at: unless its top already shows in the
// upper part of the window, the page scrolls so that the run's controls and status sit at the top
// (below the page's sticky header) with the diagram right under them. Focus is left alone.
export function bringIntoView(diagram: HTMLElement, controls: HTMLElement): void {
  const top = diagram.getBoundingClientRect().top;
  // Starlight keeps anchors clear of its header with scroll-padding-top; scrollIntoView honours it too.
  const headerRoom = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  if (top >= headerRoom && top <= innerHeight * 0.6) return;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  controls.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
}
