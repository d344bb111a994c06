// Rewrites the generated option tables of the reference pages from the option table (src/core).
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceGenerated, type ReferenceSurface } from '../src/core/options/options-reference.ts';

/** Each page with a generated table, and which. */
export const optionPages: [string, ReferenceSurface][] = [
  ['content/authoring/fence-options.mdx', 'fence'],
  ['content/authoring/memory-diagram-component.mdx', 'prop'],
  ['content/reference/cli.md', 'flag'],
];

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [page, surface] of optionPages) {
    const path = new URL(`../${page}`, import.meta.url);
    writeFileSync(path, replaceGenerated(readFileSync(path, 'utf8'), surface, page.endsWith('.mdx')));
    console.log(`wrote the ${surface} options of ${page}`);
  }
}
