// memlane/browser: the one entry for code that runs in a reader's browser (components/, page scripts):
// the environment-free pipeline and page HTML, and the page's interpreter. Nothing Node-only.
export {
  caretExcerpt,
  codeToDiagram,
  fenceSpelling,
  optionsFromLink,
  propsToRawOptions,
  type DiagramOptions,
  type Problem,
  type SimulatorHandle,
} from './core/index.ts';
export { codeToCompare, hasSides } from './compare/index.ts';
export { compareToHtml } from './page/compare-to-html.ts';
export { defaultOptions as simulateDefaults } from './simulate/simulate-options.ts';
export { replyToTrace } from './simulate/reply-to-trace.ts';
export type { RunReply } from './simulate/sandbox-reply.ts';
export type { Trace } from './trace/types.ts';
export { escapeMarkup } from './render/escape-markup.ts';
export { diagramToHtml, type DiagramParts, type LiveSettings } from './page/diagram-to-html.ts';
export { readableColor } from './page/contrast.ts';
export { codeToHtml, shownCodeHtml } from './highlight/code-to-html.ts';
export { pythonHighlighter } from './highlight/python-tokens.ts';
export { tokenCss } from './highlight/token-css.ts';
export { readShareHash, shareHash, withCode, type LinkOptions } from './page/share-link.ts';
export { createBrowserSimulator, type BrowserSimulator } from './live/browser-simulator.ts';
