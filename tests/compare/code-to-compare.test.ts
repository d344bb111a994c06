// Comparisons traced by real CPython: shallow and deep copies, one row three times or three rows,
// rebinding or mutating, a mutable default or None. The marks and the sentence come at the moments
// the programs part ways; a side that raises is named with its fence-body line.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { codeToCompare } from '../../src/compare/index.ts';
import type { Comparison } from '../../src/compare/types.ts';
import { defaultDiagramOptions, fenceSpelling, problemText, type Problem } from '../../src/core/index.ts';
import type { DiagramOptions } from '../../src/core/index.ts';
import { closeSimulator, processSimulator } from '../../src/node/simulator-handle.ts';
import { foldTrace } from '../../src/trace/fold-trace.ts';
import { itemsOf } from '../../src/trace/heap-fields.ts';

const copies = [
  '# @side copy.copy',
  'import copy',
  'grid = [[1, 2], [3, 4]]',
  'clone = copy.copy(grid)',
  '# @side copy.deepcopy',
  'import copy',
  'grid = [[1, 2], [3, 4]]',
  'clone = copy.deepcopy(grid)',
];
const boards = [
  '# @side [row] * 3',
  'board = [["."] * 3] * 3',
  'board[1][1] = "X"',
  '# @side comprehension',
  'board = [["."] * 3 for _ in range(3)]',
  'board[1][1] = "X"',
];
const rebinding = [
  '# @side b = b + [2]',
  'a = [1]',
  'b = a',
  'b = b + [2]',
  '# @side b += [2]',
  'a = [1]',
  'b = a',
  'b += [2]',
];
const defaults = [
  '# @side acc=[]',
  'def add(x, acc=[]):',
  '    acc.append(x)',
  '    return acc',
  'first = add(1)',
  'second = add(2)',
  '# @side acc=None',
  'def add(x, acc=None):',
  '    if acc is None:',
  '        acc = []',
  '    acc.append(x)',
  '    return acc',
  'first = add(1)',
  'second = add(2)',
];

/** A fence's comparison as pages make it: the figure's id prefixes the ids inside its pictures. */
async function outcomeOf(lines: string[], options: Partial<DiagramOptions> = {}) {
  return codeToCompare({
    written: lines.join('\n'),
    options: { ...defaultDiagramOptions, ...options },
    spelling: fenceSpelling,
    simulator: await processSimulator(),
    renderDefaults: { idPrefix: options.id ?? 'diagram-1' },
  });
}

async function comparisonOf(lines: string[], options: Partial<DiagramOptions> = {}): Promise<Comparison> {
  const outcome = await outcomeOf(lines, options);
  assert.ok(outcome.ok, `the comparison should be made: ${outcome.ok ? '' : JSON.stringify(outcome.problems)}`);
  return outcome.comparison;
}

async function problemOf(lines: string[], options: Partial<DiagramOptions> = {}): Promise<Problem> {
  const outcome = await outcomeOf(lines, options);
  assert.equal(outcome.ok, false, 'the comparison should not be made');
  if (outcome.ok) throw new Error('unreachable');
  return outcome.problems[0]!;
}

/** What side `s` runs at moment `m` (1-based): the step's event and its line as written, `line b = a`. */
function runsAt(comparison: Comparison, m: number, s: number): string {
  const { diagram } = comparison.sides[s]!;
  const step = diagram.trace.steps[comparison.moments[m - 1]!.steps[s]! - 1]!;
  return `${step.event} ${diagram.snippet.code.split('\n')[step.line - 1]!.trim()}`;
}

/** The 1-based moments at which side `s` has just moved to a step that runs `what`. */
function momentsRunning(comparison: Comparison, s: number, what: string): number[] {
  return comparison.moments.flatMap((moment, i) => {
    const moved = i === 0 || moment.steps[s] !== comparison.moments[i - 1]!.steps[s];
    return moved && runsAt(comparison, i + 1, s) === what ? [i + 1] : [];
  });
}

/** Side `s`'s module names at its last step, and the items of each, read from the trace; `frame` is the module's id. */
function namesAtEnd(comparison: Comparison, s: number) {
  const states = foldTrace(comparison.sides[s]!.diagram.trace);
  const last = states.at(-1)!;
  const module = last.stack.find((frame) => frame.name === '<module>')!;
  const names = new Map(
    module.locals.map(([name, ref]) => {
      const obj = last.heap.get(ref.ref);
      return [name, { id: ref.ref, items: obj ? itemsOf(obj).map((item) => item.ref) : [] }];
    }),
  );
  return Object.assign(names, { frame: module.id });
}

/** The `data-differs` groups of an SVG, as the object id or the `from>to` of each. */
const differsIn = (svg: string) =>
  (svg.match(/<g\b[^>]*\sdata-differs="true"[^>]*>/g) ?? []).map((tag) => {
    const object = /data-object-id="([^"]*)"/.exec(tag)?.[1];
    return object ?? `${/data-arrow-from="([^"]*)"/.exec(tag)![1]}>${/data-arrow-to="([^"]*)"/.exec(tag)![1]}`;
  });

const sorted = (values: string[]) => [...new Set(values)].sort();

describe('codeToCompare with CPython', () => {
  after(() => closeSimulator());

  it('marks the rows a shallow copy shares, once the copy is made, and says so', async () => {
    const comparison = await comparisonOf(copies);
    assert.deepEqual(
      comparison.sides.map((side) => [side.label, side.firstLine]),
      [
        ['copy.copy', 2],
        ['copy.deepcopy', 6],
      ],
    );
    // Every line differs only in the call: each step has its moment on both sides.
    assert.deepEqual(
      comparison.moments.map((moment) => moment.steps),
      [1, 2, 3, 4, 5].map((n) => [n, n]),
    );
    const last = comparison.moments.length;
    assert.equal(runsAt(comparison, last, 0), 'return clone = copy.copy(grid)');
    for (const moment of comparison.moments.slice(0, -1)) {
      assert.equal(moment.sentence, '', 'nothing differs before the copy is made');
      assert.deepEqual(moment.marks, [
        { objects: [], arrows: [] },
        { objects: [], arrows: [] },
      ]);
    }
    const { marks, sentence } = comparison.moments[last - 1]!;
    assert.equal(
      sentence,
      '`clone[0]` is `grid[0]` and `clone[1]` is `grid[1]` on the copy.copy side, not on the copy.deepcopy side.',
    );
    const [shallow, deep] = [namesAtEnd(comparison, 0), namesAtEnd(comparison, 1)];
    const arrowsTo = (names: typeof shallow, name: string) =>
      names.get(name)!.items.map((row) => `${names.get(name)!.id}>${row}`);
    assert.deepEqual(shallow.get('clone')!.items, shallow.get('grid')!.items, 'the shallow copy holds the same rows');
    assert.deepEqual(marks[0], {
      objects: sorted(shallow.get('grid')!.items),
      arrows: sorted([...arrowsTo(shallow, 'grid'), ...arrowsTo(shallow, 'clone')]),
    });
    assert.deepEqual(marks[1], {
      objects: sorted([...deep.get('grid')!.items, ...deep.get('clone')!.items]),
      arrows: sorted([...arrowsTo(deep, 'grid'), ...arrowsTo(deep, 'clone')]),
    });
    // The picture of each side shows the last moment, its marks written in.
    assert.equal(comparison.shownMoment, last);
    for (const [s, side] of comparison.sides.entries()) {
      assert.deepEqual(sorted(differsIn(side.diagram.svg)), sorted([...marks[s]!.objects, ...marks[s]!.arrows]));
    }
  });

  it('tells one row three times from three rows, and runs the comprehension while the other side holds', async () => {
    const comparison = await comparisonOf(boards, { scalars: 'inline' });
    const steps = comparison.moments.map((moment) => moment.steps);
    const rowsBuilt = momentsRunning(comparison, 0, 'line board[1][1] = "X"');
    assert.equal(rowsBuilt.length, 1);
    // While the comprehension runs its loop, the [row] * 3 side holds on its first line.
    for (const moment of steps.slice(1, rowsBuilt[0]! - 1)) assert.equal(moment[0], 2);
    assert.equal(runsAt(comparison, rowsBuilt[0]!, 1), 'line board[1][1] = "X"');
    assert.deepEqual(comparison.moments[0]!.marks, [
      { objects: [], arrows: [] },
      { objects: [], arrows: [] },
    ]);
    assert.equal(comparison.moments[0]!.sentence, '');
    const sentence =
      '`board[0]`, `board[1]` and `board[2]` are one object on the [row] * 3 side, three on the comprehension side.';
    assert.equal(comparison.moments[rowsBuilt[0]! - 1]!.sentence, sentence);
    const last = comparison.moments.at(-1)!;
    assert.equal(last.sentence, sentence);
    const [once, thrice] = [namesAtEnd(comparison, 0).get('board')!, namesAtEnd(comparison, 1).get('board')!];
    assert.equal(new Set(once.items).size, 1);
    assert.equal(new Set(thrice.items).size, 3);
    assert.deepEqual(last.marks, [
      { objects: [once.items[0]!], arrows: [`${once.id}>${once.items[0]}`] },
      { objects: sorted(thrice.items), arrows: sorted(thrice.items.map((row) => `${thrice.id}>${row}`)) },
    ]);
  });

  it('marks `b` rebound by `b = b + [2]` and kept by `b += [2]`, only after that line runs', async () => {
    const comparison = await comparisonOf(rebinding);
    const before = momentsRunning(comparison, 0, 'line b = b + [2]');
    assert.equal(before.length, 1);
    assert.equal(runsAt(comparison, before[0]!, 1), 'line b += [2]');
    for (const moment of comparison.moments.slice(0, before[0]!)) assert.equal(moment.sentence, '');
    const last = comparison.moments.at(-1)!;
    assert.equal(last.sentence, '`b` is `a` on the b += [2] side, not on the b = b + [2] side.');
    const [rebound, mutated] = [namesAtEnd(comparison, 0), namesAtEnd(comparison, 1)];
    assert.notEqual(rebound.get('a')!.id, rebound.get('b')!.id);
    assert.equal(mutated.get('a')!.id, mutated.get('b')!.id);
    const arrowsOf = (names: typeof rebound, ...held: string[]) =>
      sorted(held.map((name) => `${names.frame}>${names.get(name)!.id}`));
    assert.deepEqual(last.marks, [
      { objects: sorted([rebound.get('a')!.id, rebound.get('b')!.id]), arrows: arrowsOf(rebound, 'a', 'b') },
      { objects: [mutated.get('a')!.id], arrows: arrowsOf(mutated, 'a') },
    ]);
  });

  it('names the default list both calls share, in the second call and after, and the default one has', async () => {
    const comparison = await comparisonOf(defaults);
    const appends = momentsRunning(comparison, 0, 'line acc.append(x)');
    assert.equal(appends.length, 2, 'add() appends once per call');
    for (const m of appends) assert.equal(runsAt(comparison, m, 1), 'line acc.append(x)');
    const onlyDefault = '`add.__defaults__[0]` only on the acc=[] side.';
    assert.equal(comparison.moments[0]!.sentence, '', 'before `def` runs, neither side has add()');
    assert.equal(comparison.moments[appends[0]! - 1]!.sentence, onlyDefault);
    assert.equal(
      comparison.moments[appends[1]! - 1]!.sentence,
      `\`acc\` in add() is \`first\` on the acc=[] side, not on the acc=None side; ${onlyDefault}`,
    );
    const last = comparison.moments.at(-1)!;
    assert.equal(last.sentence, `\`second\` is \`first\` on the acc=[] side, not on the acc=None side; ${onlyDefault}`);
    const [shared, fresh] = [namesAtEnd(comparison, 0), namesAtEnd(comparison, 1)];
    assert.deepEqual(last.marks[0]!.objects, [shared.get('first')!.id]);
    assert.equal(shared.get('second')!.id, shared.get('first')!.id);
    assert.deepEqual(last.marks[1]!.objects, sorted([fresh.get('first')!.id, fresh.get('second')!.id]));
  });

  it("stops at a side that raises, naming the side's label and the fence-body line", async () => {
    const lines = ['# @side int("12")', 'n = int("12")', '', '# @side int("x")', 'n = 0', 'n = int("x")'];
    const found = await problemOf(lines);
    assert.match(found.message, /^int\("x"\): /);
    assert.match(found.message, /ValueError/);
    assert.equal(found.line, 6);
    const text = problemText(found, 'content/course/numbers.mdx', 11);
    assert.match(text, /^content\/course\/numbers\.mdx:16: int\("x"\): /);
    assert.match(text, /16 \| n = int\("x"\)/);
    assert.match(text, /raises=ValueError/, 'the hint names the option that expects it');
  });

  it('draws a side that raises when its `# @side` line expects it, and not the other side', async () => {
    const comparison = await comparisonOf([
      '# @side int("12")',
      'n = int("12")',
      'm = [n]',
      '# @side int("x") raises=ValueError',
      'n = int("x")',
      'm = [n]',
    ]);
    // The raising side stops at its exception and holds it while the other side runs its last line.
    const raised = foldTrace(comparison.sides[1]!.diagram.trace).filter((state) => state.exception);
    assert.equal(raised[0]?.exception?.type, 'ValueError');
    const lastSteps = comparison.sides.map((side) => side.diagram.trace.steps.length);
    assert.deepEqual(comparison.moments.at(-1)!.steps, lastSteps);
    const lastLine = momentsRunning(comparison, 0, 'line m = [n]');
    assert.equal(lastLine.length, 1);
    assert.notEqual(runsAt(comparison, lastLine[0]!, 1), 'line m = [n]', 'the raising side never runs it');
    assert.match(comparison.moments.at(-1)!.sentence, /`m` only on the int\("12"\) side/);
    assert.deepEqual(
      comparison.sides.map((side) => side.label),
      ['int("12")', 'int("x")'],
    );
    assert.equal(comparison.sides[1]!.diagram.options.raises, 'ValueError');
    assert.equal(comparison.sides[0]!.diagram.options.raises, null);
    // The option is the side's own: the side that runs through is not expected to raise.
    const found = await problemOf([
      '# @side int("12") raises=ValueError',
      'x = 0',
      'n = int("12")',
      '# @side int("x")',
      'n = 1',
    ]);
    assert.match(found.message, /^int\("12"\): raises=ValueError says .* ran to its end without an exception/);
    assert.equal(found.line, 3, "placed on the side's last line run, in the fence body");
    assert.equal(found.excerpt, 'n = int("12")');
  });

  it("refuses an option of the whole figure on a side's line, on that line", async () => {
    const found = await problemOf(['# @side a', 'x = [1]', '# @side b title="B"', 'x = [2]']);
    assert.equal(found.line, 3);
    assert.match(found.message, /belongs to the whole figure/);
  });

  it("titles each side's picture with its label, with ids of its own, under the fence's id and title", async () => {
    const comparison = await comparisonOf(boards, { id: 'pair', title: 'Rows' });
    const ids = comparison.sides.flatMap((side) => [...side.diagram.svg.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
    assert.deepEqual(ids, [...new Set(ids)], 'no id is used twice');
    for (const [s, side] of comparison.sides.entries()) {
      const svg = side.diagram.svg;
      assert.match(svg, new RegExp(`aria-labelledby="pair-s${s + 1}-title pair-s${s + 1}-desc"`));
      assert.equal(/<title id="[^"]*">([^<]*)<\/title>/.exec(svg)![1], side.label);
    }
  });
});
