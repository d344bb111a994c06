// `memlane --help`, `memlane help render` and `memlane render --help`: usage with the README's
// examples and every flag with its meaning and default; an unknown flag or command ends with
// status 2, names it, suggests the nearest and points to --help.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliOptionNames, optionTable } from '../../src/core/options/option-table.ts';
import { outputFlags } from '../../src/slides/slide-options.ts';
import { fixture, repoRoot } from './run-cli.ts';
import { runMain } from './run-main.ts';

/** A command line without its comment and with single spaces, as typed. */
const typed = (line: string) => line.replace(/#.*$/, '').trim().replace(/\s+/g, ' ');

/** The commands of README's "Slides from the command line", without `npm run memlane --`. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Slides from the command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .filter((line) => line.startsWith('npm run memlane -- '))
    .map((line) => typed(line.replace('npm run memlane -- ', '')));
}

/** Each flag of a help text with its lines joined: `--theme VALUE ... Default: light.` */
function flagEntries(help: string): Map<string, string> {
  const entries = new Map<string, string>();
  let current: string | undefined;
  for (const line of help.split('\n')) {
    const head = /^ {2}(?:-[a-z], )?--([a-z-]+)/.exec(line);
    if (head) entries.set((current = head[1]!), line.trim());
    else if (current && line.startsWith('      ')) entries.set(current, `${entries.get(current)} ${line.trim()}`);
    else current = undefined;
  }
  return entries;
}

async function helpOf(args: string[]): Promise<string> {
  const result = await runMain(args);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.toString();
}

describe('memlane --help', () => {
  it('prints the same usage for memlane help render, render --help and render -h', async () => {
    const [viaHelp, viaFlag, viaShort] = await Promise.all([
      helpOf(['help', 'render']),
      helpOf(['render', '--help']),
      helpOf(['render', '-h']),
    ]);
    assert.equal(viaFlag, viaHelp);
    assert.equal(viaShort, viaHelp);
    assert.match(viaHelp, /^Usage: memlane render FILE\.py \[options\]/);
  });

  it('shows the README examples in the help of their command', async () => {
    const examples = readmeExamples();
    assert.ok(examples.length >= 4, 'the README lists its command-line examples');
    for (const example of examples) {
      const command = example.split(' ')[0]!;
      const lines = (await helpOf(['help', command])).split('\n').map(typed);
      assert.ok(lines.includes(`memlane ${example}`), `memlane help ${command} shows "memlane ${example}"`);
    }
  });

  it('gives every render flag its meaning and default, the diagram flags from the option table', async () => {
    const entries = flagEntries(await helpOf(['render', '--help']));
    const entryOf = (flag: string) => entries.get(flag) ?? assert.fail(`--help lists --${flag}`);
    for (const [flag, spec] of Object.entries(outputFlags)) {
      const entry = entryOf(flag);
      assert.ok(entry.includes(spec.does), `--${flag} says what it does`);
      assert.ok(entry.includes(`Default: ${spec.default}.`), `--${flag} gives its default`);
    }
    for (const name of cliOptionNames) {
      const option = optionTable[name];
      const entry = entryOf(option.fence);
      assert.ok(entry.includes(option.does.replace(/`/g, '')), `--${option.fence} says what it does`);
      assert.match(entry, /Default: [^ ]+/, `--${option.fence} gives its default`);
    }
    assert.match(entryOf('theme'), /Default: light\./);
    assert.match(entryOf('max-steps'), /Default: 1000\./);
  });

  it('lists the trace flags with their defaults, and the commands in memlane --help', async () => {
    const trace = flagEntries(await helpOf(['trace', '--help']));
    assert.deepEqual([...trace.keys()], ['max-steps', 'max-memory', 'timeout', 'max-output', 'show-modules']);
    for (const entry of trace.values()) assert.match(entry, /Default: [^ ]+\.$/);
    assert.match(trace.get('timeout')!, /^--timeout MS .* Default: 10000\.$/);
    const top = await helpOf(['--help']);
    assert.match(top, /^ {2}render /m);
    assert.match(top, /^ {2}trace /m);
    assert.equal(await helpOf(['help']), top);
  });
});

describe('memlane: unknown flags and commands', () => {
  it('names an unknown render flag, suggests the nearest and points to --help, with status 2', async () => {
    const result = await runMain(['render', fixture('aliasing.py'), '-o', 'x.svg', '--wach']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /memlane render: unknown option --wach\n/);
    assert.match(result.stderr, /hint: did you mean --watch\?/);
    assert.match(result.stderr, /run "memlane render --help"/);
  });

  it('does the same for trace flags and for commands', async () => {
    const flag = await runMain(['trace', fixture('aliasing.py'), '--max-step', '5']);
    assert.equal(flag.code, 2);
    assert.equal(flag.stdout.length, 0);
    assert.match(flag.stderr, /memlane trace: unknown option --max-step\nhint: did you mean --max-steps\?/);
    assert.match(flag.stderr, /run "memlane trace --help"/);
    const command = await runMain(['rendr', 'x.py']);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /unknown command "rendr"\nhint: did you mean "render"\?.*memlane --help/);
    const help = await runMain(['help', 'tarce']);
    assert.equal(help.code, 2);
    assert.match(help.stderr, /unknown command "tarce"\nhint: did you mean "trace"\?/);
  });
});
