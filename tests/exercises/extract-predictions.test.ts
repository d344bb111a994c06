// `# @predict` comments leave the shown code, keep every line number and report mistakes on their line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractPredictions } from '../../src/exercises/extract-predictions.ts';

describe('extractPredictions', () => {
  test('pointer and output questions, with and without wording', () => {
    const got = extractPredictions(
      [
        'a = [1]',
        'b = a + [2]  # @predict b',
        'print(a is b)  # @predict output: True or False?',
        's = "# @predict s"',
      ].join('\n'),
    );
    assert.equal(got.code, ['a = [1]', 'b = a + [2]', 'print(a is b)', 's = "# @predict s"'].join('\n'));
    assert.deepEqual(got.predictions, [
      { kind: 'pointer', line: 2, name: 'b' },
      { kind: 'output', line: 3, wording: 'True or False?' },
    ]);
    assert.deepEqual(got.problems, []);
  });
  test('a question alone on its line or naming no name is a problem on that line', () => {
    const got = extractPredictions(['# @predict b', 'b = 1  # @predict 3b'].join('\n'));
    assert.deepEqual(
      got.problems.map((p) => [p.line, p.message]),
      [
        [1, '`# @predict` stands alone on its line'],
        [2, '`# @predict 3b` names no name'],
      ],
    );
    assert.equal(got.code, '\nb = 1');
  });
  test('other comments stay', () => {
    assert.equal(extractPredictions('x = 1  # one').code, 'x = 1  # one');
  });
});
