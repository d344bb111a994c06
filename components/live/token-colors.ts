// Python token colours for code drawn in the browser (the editor and the code pane after a run):
// the Night Owl pair the build's Shiki highlighting uses, made readable on the code pane like it.
import { classHighlighter, highlightCode } from '@lezer/highlight';
import type { Tree } from '@lezer/common';
import { readableColor } from 'memlane/browser';

/** [light, dark] per lezer class (classHighlighter's `tok-*` names). */
const nightOwl: Record<string, [string, string]> = {
  keyword: ['#994cc3', '#c792ea'],
  string: ['#4876d6', '#ecc48d'],
  number: ['#aa0982', '#f78c6c'],
  bool: ['#bc5454', '#ff5874'],
  null: ['#bc5454', '#ff5874'],
  comment: ['#989fb1', '#637777'],
  operator: ['#0c969b', '#7fdbca'],
  variableName: ['#403f53', '#d6deeb'],
  definition: ['#4876d6', '#82aaff'],
  propertyName: ['#0c969b', '#80cbc4'],
  className: ['#111111', '#ffcb8b'],
  typeName: ['#111111', '#ffcb8b'],
  punctuation: ['#403f53', '#d6deeb'],
  atom: ['#bc5454', '#ff5874'],
  string2: ['#4876d6', '#ecc48d'],
  variableName2: ['#0c969b', '#addb67'],
};

const readable = Object.fromEntries(Object.entries(nightOwl).map(([name, [light, dark]]) => [name, [readableColor(light, 'light'), readableColor(dark, 'dark')]]));

/** The colour variables of a `tok-*` class list, in the code pane's `--shiki-light/dark` spelling. */
export function tokenStyle(classes: string): string {
  for (const name of classes.split(' ').map((c) => c.replace(/^tok-/, '')).reverse()) {
    const pair = readable[name];
    if (pair) return `--shiki-light:${pair[0]};--shiki-dark:${pair[1]}${name === 'comment' ? ';--shiki-light-font-style:italic;--shiki-dark-font-style:italic' : ''}`;
  }
  return '';
}

/** Calls `put(text, style)` for each run of highlighted code and `line()` at each line break. */
export function highlightPythonTree(code: string, tree: Tree, put: (text: string, style: string) => void, line: () => void): void {
  highlightCode(code, tree, classHighlighter, (text, classes) => put(text, classes ? tokenStyle(classes) : ''), line);
}

/** CSS that colours the editor's `tok-*` spans like the code pane's. */
export function tokenCss(scope: string): string {
  return Object.keys(readable).map((name) => `${scope} .tok-${name}{${tokenStyle(`tok-${name}`)}}`).join('\n');
}
