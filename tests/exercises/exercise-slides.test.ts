// `memlane render --all-steps` marks exercise steps: the question on the step before its line, the answer after.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempDir } from '../cli/run-cli.ts';

describe('exercise slides', () => {
  test('question and answer slides', async () => {
    const dir = tempDir();
    const file = join(dir, 'rebind.py');
    writeFileSync(
      file,
      ['first = [1, 2]', 'second = first', 'second = second + [3]  # @predict second', 'print(len(first))'].join('\n'),
    );
    const result = await runCli(['render', file, '--all-steps', '--out-dir', join(dir, 'steps')]);
    assert.equal(result.code, 0, result.stderr);
    const slides = readdirSync(join(dir, 'steps'))
      .sort((a, b) => parseInt(a.slice(5), 10) - parseInt(b.slice(5), 10))
      .map((name) => readFileSync(join(dir, 'steps', name), 'utf8'));
    const captions = slides.map((svg) => /<text [^>]*font-size="18"[^>]*>([^<]*)<\/text>/.exec(svg)?.[1]);
    const question = captions.indexOf('Predict, line 3: Where will second point after this line runs?');
    assert.ok(question >= 0, `no question slide among ${JSON.stringify(captions)}`);
    assert.equal(captions[question + 1], 'Answer: second names a new object, the list [1, 2, 3].');
    assert.equal(captions.filter(Boolean).length, 2);
    // The shown code has no question comment in it.
    assert.ok(slides.every((svg) => !svg.includes('@predict')));
    assert.match(slides[question]!, /<title[^>]*>rebind\.py, step \d+ of \d+\. Predict, line 3/);
  });
});
