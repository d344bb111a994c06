// Texts whose ink leaves their box or the picture, found in Chromium in a page whose first <svg> is a
// diagram: shared by the tests of text fit on pages and in standalone files.
/** Runs in the page, returning messages. Plain JavaScript in a string, so the test's compiler adds no
 * helpers the page would not have. */
export const overflowsInPage = `(() => {
  const svg = document.querySelector('svg');
  const view = svg.viewBox.baseVal;
  const problems = [];
  const where = (t, b) => '"' + t.textContent + '" at ' + b.x.toFixed(1) + '..' + (b.x + b.width).toFixed(1);
  for (const group of svg.querySelectorAll('g[data-object-id], g[data-frame-id]')) {
    const outline = group.querySelector('[class^="ml-outline-"]');
    if (!outline) continue;
    const box = outline.getBBox();
    for (const text of group.querySelectorAll('text')) {
      const ink = text.getBBox();
      if (ink.x < box.x - 0.5 || ink.x + ink.width > box.x + box.width + 0.5) {
        problems.push(
          (group.dataset.objectId || group.dataset.frameId) + ': ' + where(text, ink) +
            ' in a box at ' + box.x + '..' + (box.x + box.width),
        );
      }
    }
  }
  for (const text of svg.querySelectorAll('text')) {
    const ink = text.getBBox();
    if (ink.x < 0 || ink.x + ink.width > view.width || ink.y < 0 || ink.y + ink.height > view.height) {
      problems.push(where(text, ink) + ' leaves the ' + view.width + 'x' + view.height + ' picture');
    }
  }
  return problems;
})()`;
