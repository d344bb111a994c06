// Every Astro major memlane's peer range names, proved from the packed tarball: a plain Astro + MDX
// site and a Starlight site of that major, installed with a plain `npm install`, build with diagrams
// in their .md and .mdx pages (fences and <MemoryDiagram>), and a failing snippet stops the build
// naming its page and line. The newest line builds on Node 22 LTS, the others on this Node (24).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { astroLines, peerMajors } from './astro-lines.ts';
import { installNode, packRepo, run, runOk, scratchFolder } from './package-harness.ts';

const slow = { timeout: 40 * 60_000 };

type Flavour = 'plain' | 'starlight';

const fence = (id: string, code: string): string => [`\`\`\`python memory id=${id}`, code, '```'].join('\n');
const markdownPage = (title: string, layout: string | null, body: string): string =>
  ['---', `title: ${title}`, ...(layout ? [`layout: ${layout}`] : []), '---', '', body, ''].join('\n');

/** The site's files: one .md and one .mdx page, each with diagrams, in the places each flavour reads. */
function siteFiles(flavour: Flavour): Map<string, string> {
  const files = new Map<string, string>();
  const pages = flavour === 'plain' ? 'src/pages' : 'src/content/docs';
  const layout = flavour === 'plain' ? '../layouts/Page.astro' : null;
  files.set(
    `${pages}/names.md`,
    markdownPage('Names', layout, `Two names, one list.\n\n${fence('alias', 'a = [1, 2]\nb = a\nb.append(3)')}\n`),
  );
  files.set(
    `${pages}/copies.mdx`,
    markdownPage(
      'Copies',
      layout,
      [
        "import MemoryDiagram from 'memlane/components/MemoryDiagram.astro';",
        '',
        'A copy is a list of its own, and MDX is still MDX: {1 + 1} lists.',
        '',
        fence('copy', 'a = [1, 2]\nb = list(a)'),
        '',
        '<MemoryDiagram',
        '  id="component"',
        '  code={`',
        "    d = {'k': [1]}",
        "    e = d['k']",
        '  `}',
        '/>',
      ].join('\n'),
    ),
  );
  if (flavour === 'plain') {
    files.set(
      'src/layouts/Page.astro',
      '---\nconst { frontmatter } = Astro.props;\n---\n<html lang="en"><head><meta charset="utf-8" ' +
        '/><title>{frontmatter.title}</title></head><body><slot /></body></html>\n',
    );
    files.set(
      'astro.config.mjs',
      "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n" +
        "import memlane from 'memlane';\n\nexport default defineConfig({ integrations: [memlane(), mdx()] " +
        '});\n',
    );
  } else {
    files.set(
      'astro.config.mjs',
      "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n" +
        "import memlane from 'memlane';\n\nexport default defineConfig({ integrations: [memlane(), " +
        "starlight({ title: 'Course' })] });\n",
    );
    files.set(
      'src/content.config.ts',
      "import { defineCollection } from 'astro:content';\nimport { docsLoader } from " +
        "'@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\n" +
        'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() ' +
        '}) };\n',
    );
  }
  return files;
}

function writeSite(folder: string, files: Map<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

const diagramsIn = (html: string): number => html.match(/<svg[^>]*class="memlane-diagram/g)?.length ?? 0;

describe('memlane on every Astro major its peer range names', slow, () => {
  const scratch = scratchFolder();
  let tarball = '';
  const nodeBins = new Map<number, string>();

  before(async () => {
    tarball = await packRepo(scratch);
    for (const node of new Set(Object.values(astroLines).map((line) => line.node))) {
      if (Number.parseInt(process.versions.node, 10) !== node)
        nodeBins.set(node, await installNode(node, join(scratch, `node-${node}`)));
    }
  }, slow);
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('tests every major the peer range names, and names none it does not test', () => {
    assert.deepEqual(peerMajors(), Object.keys(astroLines).map(Number));
  });

  for (const major of peerMajors()) {
    const line = astroLines[major]!;
    for (const flavour of ['plain', 'starlight'] as const) {
      it(
        `Astro ${major} ` +
          `(${flavour === 'plain' ? `@astrojs/mdx ${line.mdx}` : `Starlight ${line.starlight}`}) on Node ` +
          `${line.node}: .md and .mdx pages get their diagrams; a failing snippet stops the build at its ` +
          `line`,
        slow,
        async () => {
          const site = join(scratch, `astro-${major}-${flavour}`);
          const nodeBin = nodeBins.get(line.node);
          const dependencies = {
            astro: line.astro,
            memlane: `file:${tarball}`,
            ...(flavour === 'plain' ? { '@astrojs/mdx': line.mdx } : { '@astrojs/starlight': line.starlight }),
          };
          writeSite(
            site,
            new Map([
              ...siteFiles(flavour),
              [
                'package.json',
                JSON.stringify(
                  {
                    name: `astro-${major}-${flavour}`,
                    private: true,
                    type: 'module',
                    scripts: {
                      prebuild: 'node -e "console.log(\'built on Node\', process.version)"',
                      build: 'astro build',
                    },
                    dependencies,
                  },
                  null,
                  2,
                ),
              ],
            ]),
          );
          await runOk('npm', ['install'], site, {}, nodeBin);
          const installed = JSON.parse(readFileSync(join(site, 'node_modules/astro/package.json'), 'utf8')) as {
            version: string;
          };
          assert.equal(Number.parseInt(installed.version, 10), major, `npm installed astro ${installed.version}`);

          const built = await runOk('npm', ['run', 'build'], site, {}, nodeBin);
          assert.match(built.stdout, new RegExp(`built on Node v${line.node}\\.`));
          const page = (name: string): string => readFileSync(join(site, 'dist', name, 'index.html'), 'utf8');
          assert.equal(diagramsIn(page('names')), 1, 'the .md page has its diagram');
          assert.equal(diagramsIn(page('copies')), 2, 'the .mdx page has its fence and its <MemoryDiagram>');
          assert.match(page('copies'), /MDX is still MDX: 2 lists/);
          assert.match(page('names'), /Step \d+ of \d+/);

          // A snippet that fails: the build stops, naming the page and the line in it.
          writeFileSync(
            join(site, flavour === 'plain' ? 'src/pages/names.md' : 'src/content/docs/names.md'),
            markdownPage(
              'Names',
              flavour === 'plain' ? '../layouts/Page.astro' : null,
              `Division.\n\n${fence('broken', 'x = 1\ny = x / 0')}\n`,
            ),
          );
          const failed = await run('npm', ['run', 'build'], site, {}, nodeBin);
          const output = failed.stdout + failed.stderr;
          assert.notEqual(failed.code, 0, `the build must fail:\n${output.slice(-2000)}`);
          // Front matter (3 or 4 lines), a blank line, the sentence and a blank line, the fence: y = x / 0 is two lines
          // on.
          assert.match(output, new RegExp(`names\\.md:${flavour === 'plain' ? 10 : 9}`), output.slice(-3000));
          assert.match(output, /ZeroDivisionError/);
        },
      );
    }
  }
});
