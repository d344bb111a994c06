// The house's floors: no file imports from a floor above its own, no circle of files, and components/
// reach Memlane only through its public entries (`memlane`, `memlane/browser`), never lib/ or src/ paths.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { circles, importEdges, sourceFiles, writtenImports, type ImportEdge } from './import-graph.ts';

const root = resolve(import.meta.dirname, '../..');

/** Lowest first: a file may import from its own floor and those below. Folders of src/ unless marked. */
const floors: string[][] = [
  ['fonts'],
  ['trace'],
  ['simulate', 'layout'],
  ['render'],
  ['core', 'exercises', 'compare'],
  ['page'],
  ['live', 'highlight'],
  ['node'],
  ['slides', 'integration', 'cli'],
  ['api.ts', 'browser.ts'],
  ['components/'],
];

// Known upward imports and circles, each with the branch whose change removes it; the tests fail once
// one is gone, so that it is struck here too.
const pendingMoves: Record<string, string> = {};
const pendingCircles: Record<string, string> = {};

function floorOf(file: string): number {
  const place = file.startsWith('components/') ? 'components/' : file.split('/')[1]!;
  const floor = floors.findIndex((names) => names.includes(place));
  const hint = `add "${place}" to the floors in tests/structure/import-graph.test.ts`;
  assert.ok(floor >= 0, `${file}: its folder is on no floor\nhint: ${hint}`);
  return floor;
}

const files = sourceFiles(root, ['src', 'components']).filter((file) => file !== 'src/content.config.ts');
const allEdges = importEdges(root, files);
// Between Memlane's own modules: package.json (read for the version) is on no floor.
const edges = allEdges.filter((edge) => /^(src|components)\//.test(edge.to));
const where = (edge: ImportEdge) => `${edge.from}:${edge.line} imports '${edge.specifier}'`;

describe('the import graph', () => {
  it('is read from the files: specifiers of every form, lines, comments left out', () => {
    const text =
      "// import x from './no.ts';\nimport a, { b } from './a.ts';\nimport type {\n  C,\n} from '../c.ts';\n" +
      "export * from './d.ts';\nexport { e } from './e.ts';\nimport './f.css';\nconst g = await import('./g.ts');\n";
    assert.deepEqual(writtenImports(text), [
      { specifier: './a.ts', line: 2 },
      { specifier: '../c.ts', line: 3 },
      { specifier: './d.ts', line: 6 },
      { specifier: './e.ts', line: 7 },
      { specifier: './f.css', line: 8 },
      { specifier: './g.ts', line: 9 },
    ]);
    assert.ok(edges.some((edge) => edge.from === 'components/live/diagram-worker.ts' && edge.to === 'src/browser.ts'));
    for (const edge of edges) assert.ok(existsSync(join(root, edge.to)), `${where(edge)}, which is not there`);
  });

  it('finds circles, long and short', () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, line: 1, specifier: to });
    const twoCircles = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd'), edge('e', 'e')];
    assert.deepEqual(circles(twoCircles), [['a', 'b', 'c'], ['e']]);
    assert.deepEqual(circles([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')]), []);
  });

  it('has no circle of files', () => {
    const found = circles(edges).map((circle) => circle.join(' -> '));
    assert.deepEqual(
      found.filter((circle) => !(circle in pendingCircles)),
      [],
    );
    const gone = Object.keys(pendingCircles).filter((circle) => !found.includes(circle));
    assert.deepEqual(gone, [], 'gone: strike them from pendingCircles');
  });

  it('never goes up a floor', () => {
    const upward = edges.filter((edge) => floorOf(edge.to) > floorOf(edge.from));
    const unexplained = upward.filter((edge) => !(`${edge.from} -> ${edge.to}` in pendingMoves));
    assert.deepEqual(unexplained.map(where), [], 'a lower floor imports a higher one');
    const written = new Set(upward.map((edge) => `${edge.from} -> ${edge.to}`));
    const struck = Object.keys(pendingMoves).filter((move) => !written.has(move));
    assert.deepEqual(struck, [], 'these upward imports are gone: strike them from pendingMoves');
  });

  it('keeps src/page/ environment-free: nothing it reaches imports a Node module or touches the DOM', () => {
    const reached = new Set(files.filter((file) => file.startsWith('src/page/')));
    for (const file of reached) for (const edge of edges) if (edge.from === file) reached.add(edge.to);
    const nodeOnly = [...reached].flatMap((file) =>
      writtenImports(readFileSync(join(root, file), 'utf8'))
        .filter(({ specifier }) => specifier.startsWith('node:') || builtinModules.includes(specifier))
        .map(({ specifier, line }) => `${file}:${line} imports '${specifier}'`),
    );
    assert.deepEqual(nodeOnly, []);
    const domUse = /(?<![\w$.'/-])(?:document|window|navigator)\.|\bHTMLElement\b/;
    const domOnly = [...reached].filter((file) => domUse.test(readFileSync(join(root, file), 'utf8')));
    assert.deepEqual(domOnly, []);
  });

  it('leads from components/ into Memlane only through its public entries', () => {
    const fromComponents = allEdges.filter((edge) => edge.from.startsWith('components/'));
    const backDoors = fromComponents.filter(
      (edge) => !edge.to.startsWith('components/') && !edge.specifier.startsWith('memlane'),
    );
    assert.deepEqual(backDoors.map(where), []);
    const libPaths = fromComponents.filter((edge) => /(^|\/)lib\//.test(edge.specifier)).map(where);
    assert.deepEqual(libPaths, []);
  });
});
