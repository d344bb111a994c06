// The package proved from outside the repo: the packed tarball, installed with npm into empty
// folders, is fit to publish, installs for the CLI without Astro, runs its CLI (init, trace, render),
// its API, and builds a plain Astro + MDX starter whose pages have diagrams that step in Chromium.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tarballProblems } from '../../scripts/package-checks.ts';
import { checkStarter } from './starter-in-chromium.ts';
import { binary, installTarball, packRepo, run, runOk, scratchFolder } from './package-harness.ts';

/** Installs and builds take minutes (longer on a busy machine or a cold npm cache); a hang still ends. */
const slow = { timeout: 40 * 60_000 };

describe('the installed memlane package', slow, () => {
  const scratch = scratchFolder();
  let tarball = '';
  const tools = join(scratch, 'tools');

  before(async () => {
    tarball = await packRepo(scratch);
    mkdirSync(tools);
    writeFileSync(join(tools, 'package.json'), '{ "name": "tools", "private": true }\n');
    await installTarball(tools, tarball);
  }, slow);
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('is fit to publish: publint finds nothing, no "private", a bin, every import declared', async () => {
    assert.deepEqual(await tarballProblems(tarball), []);
  });

  it('installs for the command alone without Astro (an optional peer dependency)', () => {
    assert.ok(!existsSync(join(tools, 'node_modules', 'astro')), 'astro is not installed');
    assert.ok(!existsSync(join(tools, 'node_modules', '@astrojs')), 'no @astrojs package is installed');
  });

  it('ships compiled JavaScript with declarations, and no TypeScript to run', () => {
    const installed = join(tools, 'node_modules', 'memlane');
    const shipped = [
      'lib/integration/index.js',
      'lib/integration/index.d.ts',
      'lib/api.js',
      'lib/api.d.ts',
      'lib/browser.js',
      'lib/browser.d.ts',
      'lib/simulate/sandbox-host.mjs',
      'lib/cli/launcher.js',
      'lib/cli/server/client.js',
      'lib/build.json',
      'components/MemoryDiagram.astro',
      'components/memlane.css',
    ];
    for (const file of shipped) {
      assert.ok(existsSync(join(installed, file)), `the package has ${file}`);
    }
    assert.ok(!existsSync(join(installed, 'src')), 'the TypeScript sources stay in the repo');
    assert.ok(!existsSync(join(tools, 'node_modules', 'tsx')), 'tsx is not installed with it');
  });

  it('runs memlane trace and memlane render from the folder it was installed into', async () => {
    writeFileSync(join(tools, 'alias.py'), 'a = [1, 2]\nb = a\nb.append(3)\n');
    const traced = await runOk(binary(tools, 'memlane'), ['trace', 'alias.py'], tools);
    const trace = JSON.parse(traced.stdout) as { format: string; version: number; steps: unknown[] };
    assert.equal(trace.format, 'memlane-trace');
    assert.equal(trace.version, 1);
    assert.ok(trace.steps.length >= 3, `${trace.steps.length} steps`);
    await runOk(binary(tools, 'memlane'), ['render', 'alias.py', '-o', 'alias.svg'], tools);
    const svg = readFileSync(join(tools, 'alias.svg'), 'utf8');
    assert.match(svg, /<svg[^>]*class="memlane-diagram/);
    assert.match(svg, /<text[^>]*>b<\/text>/);
  });

  it("answers memlane render from the installed package's render server, the same bytes as without it", async () => {
    writeFileSync(join(tools, 'served.py'), 'a = [1, 2]\nb = a\n');
    // A socket folder of the test's own, and the server stopped after it.
    const sockets = mkdtempSync(join(tmpdir(), 'mlp-'));
    const served = { MEMLANE_SERVER: '1', MEMLANE_SERVER_DIR: sockets };
    const memlane = binary(tools, 'memlane');
    try {
      const alone = await runOk(memlane, ['render', 'served.py'], tools, { MEMLANE_SERVER: '0' });
      await runOk(memlane, ['render', 'served.py'], tools, served);
      let status = await run(memlane, ['server', 'status'], tools, served);
      for (let waited = 0; status.code !== 0 && waited < 90_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = await run(memlane, ['server', 'status'], tools, served);
      }
      assert.equal(status.code, 0, `no server came up: ${status.stdout}${status.stderr}`);
      const built = JSON.parse(readFileSync(join(tools, 'node_modules', 'memlane', 'lib', 'build.json'), 'utf8')) as {
        id: string;
      };
      assert.ok(status.stdout.includes(`(code ${built.id})`), `the key names the installed build: ${status.stdout}`);
      const warm = await runOk(memlane, ['render', 'served.py'], tools, served);
      assert.equal(warm.stdout, alone.stdout);
      assert.equal(warm.stderr, alone.stderr);
      assert.match((await runOk(memlane, ['server', 'status'], tools, served)).stdout, /, 1 requests answered/);
    } finally {
      await run(memlane, ['server', 'stop'], tools, served);
      rmSync(sockets, { recursive: true, force: true });
    }
  });

  it('gives Node tools the pipeline through memlane/api', async () => {
    const script = [
      'import { codeToDiagram, defaultDiagramOptions, flagSpelling, processSimulator, closeSimulator } from ' +
        "'memlane/api';",
      "const outcome = await codeToDiagram({ written: 'x = [1]\\ny = x\\n', options: defaultDiagramOptions, " +
        'spelling: flagSpelling, simulator: await processSimulator() });',
      'await closeSimulator();',
      'console.log(JSON.stringify({ ok: outcome.ok, steps: outcome.ok ? outcome.diagram.trace.steps.length : ' +
        "0, svg: outcome.ok && outcome.diagram.svg.startsWith('<svg') }));",
    ].join('\n');
    writeFileSync(join(tools, 'use-api.mjs'), script);
    const result = await runOk(process.execPath, ['use-api.mjs'], tools);
    const answer = JSON.parse(result.stdout) as { ok: boolean; steps: number; svg: boolean };
    assert.deepEqual({ ok: answer.ok, svg: answer.svg }, { ok: true, svg: true });
    assert.ok(answer.steps >= 2);
  });

  it('memlane init refuses a folder that is not empty, with a hint', async () => {
    const taken = join(scratch, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'notes.txt'), 'keep me\n');
    const refused = await run(binary(tools, 'memlane'), ['init', taken], tools);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not empty \(notes\.txt\)\nhint: .*--force/);
    assert.equal(readFileSync(join(taken, 'notes.txt'), 'utf8'), 'keep me\n');
  });

  // The Starlight starter is made, installed and built by the README's own commands (readme-new-site.test.ts).
  for (const flavour of ['plain'] as const) {
    it(
      `memlane init${flavour === 'plain' ? ' --plain' : ''} writes a site that installs, builds and steps in Chromium`,
      slow,
      async () => {
        const site = join(scratch, `${flavour}-site`);
        await runOk(binary(tools, 'memlane'), ['init', site, ...(flavour === 'plain' ? ['--plain'] : [])], tools);
        const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as {
          dependencies: Record<string, string>;
        };
        assert.ok(
          manifest.dependencies.memlane && manifest.dependencies.astro,
          'the starter depends on memlane and astro',
        );
        assert.ok(
          flavour === 'plain' ? manifest.dependencies['@astrojs/mdx'] : manifest.dependencies['@astrojs/starlight'],
        );
        // Made by a memlane installed from the tarball, the starter asks for that tarball.
        assert.equal(manifest.dependencies.memlane, `file:../${basename(tarball)}`);
        await runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], site);
        await runOk(binary(site, 'astro'), ['build'], site);

        assert.doesNotMatch(readFileSync(join(site, 'dist', 'index.html'), 'utf8'), /starlight/i);
        await checkStarter(join(site, 'dist'), flavour === 'plain' ? '/' : '/lessons/names-and-lists/');
      },
    );
  }
});
