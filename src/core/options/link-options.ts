// The options a playground link carries, so "Open in playground" draws the program as the lesson
// did: those that change the picture or what a run may do. Not the title (the playground has its
// own), the id (the page's anchor) nor editable (the playground is an editor).
import {
  defaultDiagramOptions,
  optionNames,
  optionTable,
  type DiagramOptionName,
  type DiagramOptions,
} from './option-table.ts';
import { fenceSpelling, propToString, readDiagramOptions, type OptionsRead } from './read-options.ts';

export const linkedOptionNames: readonly DiagramOptionName[] = [
  'step',
  'scalars',
  'hide',
  'exited',
  'raises',
  'theme',
  'shortenAbove',
  'fitWidth',
  'maxSteps',
  'maxMemory',
];

const byFence = new Map(linkedOptionNames.map((name) => [optionTable[name].fence as string, name]));

/** The linked options that differ from the defaults, as [fence spelling, value] pairs in table order. */
export function optionsToLink(options: DiagramOptions): [string, string][] {
  return optionNames
    .filter(
      (name) =>
        linkedOptionNames.includes(name) &&
        propToString(name, options[name]) !== propToString(name, defaultDiagramOptions[name]),
    )
    .map((name) => [optionTable[name].fence, propToString(name, options[name])]);
}

/** `base` with the options a link gives, checked as a fence's would be; names a link does not carry are ignored. */
export function optionsFromLink(pairs: [string, string][], base: DiagramOptions): OptionsRead {
  const raw: Partial<Record<DiagramOptionName, string>> = {};
  for (const [fence, value] of pairs) {
    const name = byFence.get(fence);
    if (name) raw[name] = value;
  }
  return readDiagramOptions(raw, fenceSpelling, base);
}
