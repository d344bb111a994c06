// `astro dev` only (memlane() injects it there): a page that shows snippet problems asks the dev
// server to raise Vite's error overlay for them (src/integration/dev-overlay.ts words it), so a broken
// fence is as loud as a broken component, and stays so across reloads.
/// <reference types="astro/client" />
const problems = [...document.querySelectorAll<HTMLElement>('[data-memlane-problem]')].map(
  (block) => block.dataset.memlaneProblem,
);
// The event is dev-overlay.ts's overlayEvent (that module is Node's, so it is not imported here).
if (import.meta.hot && problems.length > 0) import.meta.hot.send('memlane:problems', { problems });
