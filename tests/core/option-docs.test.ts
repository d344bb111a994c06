// The option reference pages list every option their surface takes, as generated from the option table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cliOptionNames, optionNames, optionTable } from '../../src/core/index.ts';
import { replaceGenerated } from '../../src/core/options/options-reference.ts';
import { optionPages } from '../../scripts/generate-option-docs.ts';

describe('the option reference pages', () => {
  for (const [page, surface] of optionPages) {
    it(`${page} has the ${surface} table of today's option table (run scripts/generate-option-docs.ts)`, () => {
      const text = readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8');
      assert.equal(text, replaceGenerated(text, surface, page.endsWith('.mdx')));
      for (const name of surface === 'flag' ? cliOptionNames : optionNames)
        assert.ok(
          text.includes(`\`${surface === 'flag' ? '--' : ''}${surface === 'prop' ? name : optionTable[name].fence}\``),
          `${page} lists ${name}`,
        );
    });
  }
});
