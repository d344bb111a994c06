// Each authoring mistake in a `# @predict` stops the diagram with the line as written, a caret and a hint.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  codeToDiagram,
  defaultDiagramOptions,
  fenceSpelling,
  flagSpelling,
  problemText,
} from '../../src/core/index.ts';
import { closeSimulator, processSimulator } from '../../src/node/simulator-handle.ts';

async function firstProblem(lines: string[], options = {}, spelling = fenceSpelling): Promise<string> {
  const outcome = await codeToDiagram({
    written: lines.join('\n'),
    options: { ...defaultDiagramOptions, ...options },
    spelling,
    simulator: await processSimulator(),
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
    assert.match(text, /22 \| items\.append\(2\) {2}# @predict items\n\s+\^+/);
    assert.match(text, /hint: ask about a name the line assigns/);
  });

  test('a line that prints nothing', async () => {
    assert.match(
      await firstProblem(['x = 1  # @predict output']),
      /lesson\.mdx:20: line 1 prints nothing[\s\S]*hint: put `# @predict output` on a line that prints/,
    );
  });

  test('a line never reached', async () => {
    assert.match(
      await firstProblem(['if False:', '    y = 2  # @predict y', 'z = 0']),
      /lesson\.mdx:21: line 2 never runs/,
    );
  });

  test('a line that raises, even when raises= expects it', async () => {
    const text = await firstProblem(['t = (1, [2])', 't[1] += [3]  # @predict output'], { raises: 'TypeError' });
    assert.match(text, /lesson\.mdx:21: line 2 never finishes/);
  });

  test('a question alone on its line', async () => {
    assert.match(
      await firstProblem(['x = [1]', '# @predict x']),
      /lesson\.mdx:21: `# @predict` stands alone on its line/,
    );
  });

  test('an answer drawn inside its container, worded for the surface', async () => {
    const lines = ['n = 300', 'n = n + 1  # @predict n'];
    assert.match(
      await firstProblem(lines, { scalars: 'inline' }),
      /does not draw as a box[\s\S]*hint: draw scalars as boxes with scalars=heap/,
    );
    assert.match(
      await firstProblem(lines, { scalars: 'inline' }, flagSpelling),
      /hint: draw scalars as boxes with --scalars heap/,
    );
  });

  test('a misspelt name gets a did-you-mean', async () => {
    assert.match(await firstProblem(['total = 1  # @predict totl']), /hint: did you mean `# @predict total`\?/);
  });
  test('a step after the first question would show its answer first', async () => {
    const lines = ['# @note Two names.', 'a = [1]', 'b = a', 'b = b + [2]  # @predict b', 'c = 0'];
    const text = await firstProblem(lines, { step: 'last' });
    assert.match(
      text,
      /^content\/course\/lesson\.mdx:23: step=last shows step \d+, after this line's `# @predict` question/,
    );
    assert.match(text, /23 \| b = b \+ \[2\] {2}# @predict b\n/);
    assert.match(
      text,
      new RegExp(
        String.raw`hint: drop step=last \(a diagram with questions opens at step (\d+), just before the first\), or` +
          String.raw` choose a step from 1 to \1$`,
      ),
    );
    assert.match(
      await firstProblem(lines, { step: 5 }, flagSpelling),
      /--step 5 shows step 5[\s\S]*hint: drop --step 5/,
    );
  });
});

describe('the step a diagram with questions opens at', () => {
  after(() => closeSimulator());

  const diagram = async (lines: string[], options = {}) => {
    const outcome = await codeToDiagram({
      written: lines.join('\n'),
      options: { ...defaultDiagramOptions, ...options },
      spelling: fenceSpelling,
      simulator: await processSimulator(),
    });
    if (!outcome.ok) return assert.fail(outcome.problems.map((p) => p.message).join('; '));
    return outcome.diagram;
  };

  test('by default, the step just before the first question; the last step without one', async () => {
    const asked = await diagram([
      'a = [1]',
      'print(a)  # @predict output',
      'b = a',
      'b = b + [2]  # @predict b',
      'c = 0',
    ]);
    assert.equal(asked.shownStep, asked.exercises[0]!.before);
    assert.equal(asked.trace.steps[asked.shownStep - 1]!.line, 2);
    assert.equal(
      asked.trace.stdout.length > 0 && asked.trace.steps[asked.shownStep - 1]!.stdout,
      0,
      'nothing printed yet',
    );
    const plain = await diagram(['a = [1]', 'b = a']);
    assert.equal(plain.shownStep, plain.trace.steps.length);
  });

  test('a slide may show any step: the CLI asks for the answer step too', async () => {
    const lines = ['a = [1]', 'b = a', 'b = b + [2]  # @predict b', 'c = 0'];
    const outcome = await codeToDiagram({
      written: lines.join('\n'),
      options: { ...defaultDiagramOptions, step: 'last' },
      spelling: flagSpelling,
      simulator: await processSimulator(),
      anyStep: true,
    });
    assert.equal(outcome.ok && outcome.diagram.shownStep, outcome.ok && outcome.diagram.trace.steps.length);
  });

  test('an earlier step the author chose, or the step of the question itself', async () => {
    const lines = ['a = [1]', 'b = a', 'b = b + [2]  # @predict b', 'c = 0'];
    assert.equal((await diagram(lines, { step: 'first' })).shownStep, 1);
    const at = (await diagram(lines)).shownStep;
    assert.equal((await diagram(lines, { step: at })).shownStep, at);
  });
});
