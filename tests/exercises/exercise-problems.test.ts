// Each authoring mistake in a `# @predict` stops the diagram with the line as written, a caret and a hint.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { codeToDiagram, defaultDiagramOptions, fenceSpelling, flagSpelling, problemText } from '../../src/core/index.ts';
import { closeSimulator, processSimulator } from '../../src/node/simulator-handle.ts';

async function firstProblem(lines: string[], options = {}, spelling = fenceSpelling): Promise<string> {
  const outcome = await codeToDiagram({
    written: lines.join('\n'), options: { ...defaultDiagramOptions, ...options }, spelling, simulator: await processSimulator(),
  });
  assert.equal(outcome.ok, false, 'the diagram should not be made');
  if (outcome.ok) return '';
  return problemText(outcome.problems[0]!, 'content/course/lesson.mdx', 20);
}

describe('exercise build errors', () => {
  after(() => closeSimulator());

  test('a name the line does not bind, placed by its written line past a standalone note', async () => {
    const text = await firstProblem(['# @note A list.', 'items = [1]', 'items.append(2)  # @predict items']);
    assert.match(text, /^content\/course\/lesson\.mdx:22: line 2 \(`items\.append\(2\)`\) does not bind `items`/);
    assert.match(text, /22 \| items\.append\(2\)  # @predict items\n\s+\^+/);
    assert.match(text, /hint: ask about a name the line assigns/);
  });

  test('a line that prints nothing', async () => {
    assert.match(await firstProblem(['x = 1  # @predict output']), /lesson\.mdx:20: line 1 prints nothing[^]*hint: put `# @predict output` on a line that prints/);
  });

  test('a line never reached', async () => {
    assert.match(await firstProblem(['if False:', '    y = 2  # @predict y', 'z = 0']), /lesson\.mdx:21: line 2 never runs/);
  });

  test('a line that raises, even when raises= expects it', async () => {
    const text = await firstProblem(['t = (1, [2])', 't[1] += [3]  # @predict output'], { raises: 'TypeError' });
    assert.match(text, /lesson\.mdx:21: line 2 never finishes/);
  });

  test('a question alone on its line', async () => {
    assert.match(await firstProblem(['x = [1]', '# @predict x']), /lesson\.mdx:21: `# @predict` stands alone on its line/);
  });

  test('an answer drawn inside its container, worded for the surface', async () => {
    const lines = ['n = 300', 'n = n + 1  # @predict n'];
    assert.match(await firstProblem(lines, { scalars: 'inline' }), /does not draw as a box[^]*hint: draw scalars as boxes with scalars=heap/);
    assert.match(await firstProblem(lines, { scalars: 'inline' }, flagSpelling), /hint: draw scalars as boxes with --scalars heap/);
  });

  test('a misspelt name gets a did-you-mean', async () => {
    assert.match(await firstProblem(['total = 1  # @predict totl']), /hint: did you mean `# @predict total`\?/);
  });
});
