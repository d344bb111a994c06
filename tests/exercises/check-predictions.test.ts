// Predictions checked against real traces: the steps around the line, the answer, the reason, the mistakes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPredictions } from '../../src/exercises/check-predictions.ts';
import { extractPredictions } from '../../src/exercises/extract-predictions.ts';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';

let simulator: Simulator;
async function check(lines: string[]) {
  const { code, predictions, problems } = extractPredictions(lines.join('\n'));
  assert.deepEqual(problems, []);
  const trace = await simulator.trace(code, { maxSteps: 2_000 });
  return { trace, ...checkPredictions(code, trace, predictions) };
}

describe('checkPredictions', () => {
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());

  test('b = b + [3] names a new list while first keeps the old one', async () => {
    const { trace, exercises, problems } = await check([
      'first = [1, 2]',
      'b = first',
      'b = b + [3]  # @predict b',
      'print(first)',
    ]);
    assert.deepEqual(problems, []);
    const [exercise] = exercises;
    assert.equal(exercise?.kind, 'pointer');
    if (exercise?.kind !== 'pointer') return;
    assert.equal(trace.steps[exercise.before - 1]!.line, 3);
    assert.equal(trace.steps[exercise.after - 1]!.line, 4);
    const firstRef = trace.steps[exercise.after - 1]!.stack[0]!.locals.find(([n]) => n === 'first')![1].ref;
    assert.notEqual(exercise.answer, firstRef);
    assert.equal(exercise.answerIsNew, true);
    assert.equal(exercise.answerWords, 'the list [1, 2, 3]');
    assert.equal(exercise.question, 'Where will b point after this line runs?');
    assert.equal(
      exercise.explanation,
      '`b = b + [3]` makes a new list and binds `b` to it; `first` still names the old list.',
    );
  });

  test('b += [3] keeps b on the list first names', async () => {
    const { exercises } = await check([
      'first = [1, 2]',
      'b = first',
      'b += [3]  # @predict b: Which list does b name now?',
      'x = 0',
    ]);
    const [exercise] = exercises;
    if (exercise?.kind !== 'pointer') return assert.fail('expected a pointer exercise');
    assert.equal(exercise.answerIsNew, false);
    assert.equal(exercise.question, 'Which list does b name now?');
    assert.equal(
      exercise.explanation,
      '`b += [3]` works on the object `b` already named, so `b` still names the list [1, 2, 3], as `first` does.',
    );
  });

  test('a name bound to an object already drawn', async () => {
    const { exercises } = await check(['a = [1]', 'b = [2]', 'a = b  # @predict a', 'x = 0']);
    const [exercise] = exercises;
    if (exercise?.kind !== 'pointer') return assert.fail('expected a pointer exercise');
    assert.equal(exercise.answerIsNew, false);
    assert.equal(exercise.explanation, '`a = b` binds `a` to the list [2], which `b` already names.');
  });

  test("a question inside a function is about that call's frame, the first time the line runs", async () => {
    const { trace, exercises } = await check([
      'def grow(items):',
      '    items = items + [0]  # @predict items',
      '    return items',
      'kept = [5]',
      'grow(kept)',
      'grow(kept)',
    ]);
    const [exercise] = exercises;
    if (exercise?.kind !== 'pointer') return assert.fail('expected a pointer exercise');
    const stack = trace.steps[exercise.before - 1]!.stack;
    assert.equal(stack.at(-1)!.name, 'grow');
    assert.equal(exercise.frame, stack.at(-1)!.id);
    assert.equal(trace.steps[exercise.after - 1]!.line, 3);
    assert.match(exercise.explanation, /`kept` still names the old list/);
  });

  test('output: what the line printed, and why in words', async () => {
    const { exercises } = await check(['a = [1]', 'b = a', 'print(a is b)  # @predict output', 'print("done")']);
    const [exercise] = exercises;
    if (exercise?.kind !== 'output') return assert.fail('expected an output exercise');
    assert.equal(exercise.answer, 'True');
    assert.equal(exercise.question, 'What will this line print?');
    assert.equal(
      exercise.explanation,
      'When `print(a is b)` runs, `a` and `b` name the same object, the list [1], so it prints `True`.',
    );
  });

  test('output: attributes and string keys are followed, callables left to their steps', async () => {
    const { exercises } = await check([
      'import weakref',
      'class Node:',
      '    pass',
      'root = Node()',
      'leaf = Node()',
      'leaf.parent = weakref.ref(root)',
      'settings = {"plugins": ["spell"]}',
      'del root',
      'print(leaf.parent())  # @predict output',
      'print("spell" in settings["plugins"])  # @predict output',
      'def label():',
      '    return "made"',
      'print(label())  # @predict output',
    ]);
    assert.deepEqual(
      exercises.map((e) => e.explanation),
      [
        'When `print(leaf.parent())` runs, `leaf.parent` is the weak reference, now dead, so it prints `None`.',
        'When `print("spell" in settings["plugins"])` runs, `settings["plugins"]` is the list [\'spell\'], ' +
          'so it prints `True`.',
        'Step back through the call of `label` to see where `made` came from.',
      ],
    );
  });

  test('output: an object freed while the line runs is named', async () => {
    const { code, predictions } = extractPredictions(
      [
        'class Photo:',
        '    def __del__(self):',
        '        print("freed")',
        'recent = [Photo()]',
        'recent.clear()  # @predict output',
        'x = 0',
      ].join('\n'),
    );
    const trace = await simulator.trace(code, { maxSteps: 2_000 });
    // The trace format's `freed`: on the step where CPython deallocated the object, among its `gone`.
    const photo = Object.entries(
      trace.steps.find((s) => s.heap && Object.values(s.heap).some((o) => o.type === 'Photo'))!.heap,
    ).find(([, o]) => o.type === 'Photo')![0];
    const leaving = trace.steps.find((s) => s.gone?.includes(photo))!;
    leaving['freed'] ??= [photo];
    const { exercises } = checkPredictions(code, trace, predictions);
    assert.equal(
      exercises[0]?.explanation,
      'When `recent.clear()` runs, `recent` names the list [Photo]; the line frees the Photo instance, so it ' +
        'prints `freed`.',
    );
  });

  test('a name bound to an object only another object holds says where it is held', async () => {
    const { exercises } = await check([
      'class Box:',
      '    items = []',
      'mine = Box()',
      'found = mine.items  # @predict found',
      'x = 0',
    ]);
    const [exercise] = exercises;
    if (exercise?.kind !== 'pointer') return assert.fail('expected a pointer exercise');
    assert.equal(
      exercise.explanation,
      "`found = mine.items` binds `found` to the list [], the object in the class Box's `items`.",
    );
  });

  test('authoring mistakes are problems on their line, with hints', async () => {
    const { problems } = await check([
      'a = [1]',
      'a.append(2)  # @predict a',
      'x = 1  # @predict output',
      'if False:',
      '    y = 2  # @predict y',
      'total = sum(a)  # @predict totl',
    ]);
    assert.deepEqual(
      problems.map((p) => p.line),
      [2, 3, 5, 6],
    );
    assert.match(problems[0]!.message, /does not bind `a`/);
    assert.match(problems[1]!.message, /prints nothing/);
    assert.match(problems[2]!.message, /never runs/);
    assert.equal(problems[3]!.hint, 'did you mean `# @predict total`?');
  });

  test('a line that raises never finishes', async () => {
    const { code, predictions } = extractPredictions(['a = (1, [2])', 'a[1] += [3]  # @predict output'].join('\n'));
    const trace = await simulator.trace(code);
    const { problems } = checkPredictions(code, trace, predictions);
    assert.match(problems[0]!.message, /never finishes/);
  });
  test('freed: the drawn objects CPython frees while the line runs, and why each other one lives on', async () => {
    const { trace, exercises, problems } = await check([
      'basket = ["apple", 1000]',
      'count = 11',
      'spare = basket',
      'basket = None',
      'spare = None  # @predict freed',
      'x = 0',
    ]);
    assert.deepEqual(problems, []);
    const [exercise] = exercises;
    if (exercise?.kind !== 'freed') return assert.fail('expected a freed exercise');
    assert.equal(exercise.question, 'Which objects does this line free?');
    const idOf = (words: string) => Object.entries(exercise.choices).find(([, w]) => w === words)?.[0];
    const list = idOf("the list ['apple', 1000]")!;
    const thousand = idOf('the int 1000')!;
    // 1000 lives on: the list was built from the code's constants, which still hold it.
    assert.deepEqual(exercise.answer, [list]);
    assert.match(exercise.reasons[thousand]!, /^The int 1000 is not freed: .*a constant of the code/);
    // The answer is CPython's: every id is among the trace's `freed` between the two steps.
    const freed = trace.steps
      .slice(exercise.before, exercise.after)
      .flatMap((s) => (s['freed'] as string[] | undefined) ?? []);
    for (const id of exercise.answer) assert.ok(freed.includes(id));
    assert.equal(
      exercise.reasons[list],
      "The list ['apple', 1000] lost its last reference, `spare`: its count fell to zero.",
    );
    assert.match(exercise.reasons[idOf('the int 11')!]!, /^The int 11 is a cached small int/);
    assert.match(exercise.reasons[idOf("the str 'apple'")!]!, /^The str 'apple' (is an interned string|is not freed)/);
  });

  test('freed: a line that frees nothing drawn says so', async () => {
    const { exercises } = await check(['a = [1]', 'b = a', 'a = None  # @predict freed', 'x = 0']);
    const [exercise] = exercises;
    if (exercise?.kind !== 'freed') return assert.fail('expected a freed exercise');
    assert.deepEqual(exercise.answer, []);
    assert.equal(exercise.explanation, 'The list [1] is not freed: `b` still refers to it.');
    assert.equal(
      exercise.reasons[Object.keys(exercise.choices).find((id) => exercise.choices[id] === 'the list [1]')!],
      'The list [1] is not freed: `b` still refers to it.',
    );
  });
});
