// A diagram wider than its column scrolls sideways: the scroller says which edges have more beyond
// them (data-more="left right"), and the page's CSS fades those edges and shows "scroll →" until
// the reader scrolls.
export function attachScrollCue(scroller: HTMLElement | null): void {
  const stage = scroller?.querySelector<HTMLElement>('.memlane-stage');
  if (!scroller || !stage) return;
  const update = (): void => {
    const beyond = stage.scrollWidth - stage.clientWidth;
    const more = [stage.scrollLeft > 1 ? 'left' : '', stage.scrollLeft < beyond - 1 ? 'right' : '']
      .filter(Boolean)
      .join(' ');
    if (more) scroller.dataset.more = more;
    else delete scroller.dataset.more;
  };
  stage.addEventListener('scroll', update, { passive: true });
  // Also on the first layout, and whenever the column's width changes (rotation, resized window).
  new ResizeObserver(update).observe(stage);
}
