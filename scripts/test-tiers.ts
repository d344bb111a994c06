// Which test files run in which tier, the order they start in, and the sites the runner builds for them.
// unit: pure and quick (no interpreter, no build, no browser); ci: what `npm test` and CI run, the unit
// tier included; package: the packed tarball on every Astro major (`npm run test:package`, run by release).
import { join } from 'node:path';
import { hostileCorpusPages, hostileCorpusRoot } from '../tests/hardening/hostile-corpus.ts';
import { repoRoot, type GeneratedPages } from '../tests/site/site-build.ts';

export type Tier = 'unit' | 'ci' | 'package';

export const isTier = (name: string): name is Tier => name === 'unit' || name === 'ci' || name === 'package';

/** Files that need no interpreter, build or browser; each takes a few seconds at most. */
export const unitFiles: readonly string[] = [
  'tests/cli/launcher.test.ts',
  'tests/cli/server/',
  'tests/compare/align-moments.test.ts',
  'tests/compare/differs-at.test.ts',
  'tests/compare/mark-differs.test.ts',
  'tests/compare/split-sides.test.ts',
  'tests/core/',
  'tests/exercises/extract-predictions.test.ts',
  'tests/fonts/',
  'tests/highlight/',
  'tests/integration/memlane-options.test.ts',
  'tests/integration/preload-fonts.test.ts',
  'tests/integration/memory-diagram-lines.test.ts',
  'tests/layout/',
  'tests/live/live-markup.test.ts',
  'tests/live/run-problem.test.ts',
  'tests/package/package-checks.test.ts',
  'tests/page/',
  'tests/render/change-marks.test.ts',
  'tests/render/class-methods.test.ts',
  'tests/render/golden.test.ts',
  'tests/render/object-kinds.test.ts',
  'tests/render/sketch-outline.test.ts',
  'tests/render/svg-contract.test.ts',
  'tests/render/themes.test.ts',
  'tests/simulate/validate-trace.test.ts',
  'tests/slides/code-to-svg-panel.test.ts',
  'tests/slides/compose-pair.test.ts',
  'tests/slides/compose-slide.test.ts',
  'tests/slides/embed-fonts.test.ts',
  'tests/slides/frames-to-gif.test.ts',
  'tests/slides/line-label.test.ts',
  'tests/slides/slide-options.test.ts',
  'tests/slides/svg-to-png.test.ts',
  'tests/slides/text-by-face.test.ts',
  'tests/structure/',
  'tests/tiers/',
  'tests/trace/',
];

/**
 * The packed tarball installed and built on every Astro major and flavour (six installs and twelve
 * builds): minutes on its own, and it fails when a peer's new release does, not when a change does.
 */
/**
 * Under a unit-tier folder, but not unit: layout property tests that take most of a minute each, and
 * a page test that starts CPython.
 */
export const notUnitFiles: readonly string[] = [
  'tests/layout/structure-layout.test.ts',
  'tests/layout/trace-to-layout.test.ts',
  'tests/page/compare-to-html.test.ts',
];

export const packageFiles: readonly string[] = ['tests/package/astro-majors.test.ts'];

/**
 * Files that start first, longest first, so the two slots finish together. Files that wait for a
 * shared site come after them: by then the runner's build of it is done or nearly so. Not
 * dev-errors.test.ts: its snippets run under the dev server's 10 s limit, which the busiest minutes
 * of a run (these files and the shared builds) could reach on a loaded machine.
 */
export const slowFirst: readonly string[] = [
  'tests/package/installed-package.test.ts',
  'tests/package/readme-new-site.test.ts',
  'tests/site/build-errors.test.ts',
  'tests/site/hostile-snippets.test.ts',
];

/** A site that several files read, built once per run (tests/site/site-build.ts). */
export interface SharedSite {
  root: string;
  pages?: GeneratedPages;
  /** Files that read it. */
  users: readonly string[];
}

export const sharedSiteList: readonly SharedSite[] = [
  {
    root: repoRoot,
    users: [
      'tests/security/browser-sandbox.test.ts',
      'tests/site/appearance.test.ts',
      'tests/site/async-live.test.ts',
      'tests/site/bundle-sizes.test.ts',
      'tests/site/compare-live.test.ts',
      'tests/site/compare.test.ts',
      'tests/site/course-exercises.test.ts',
      'tests/site/every-page.test.ts',
      'tests/site/exercises.test.ts',
      'tests/site/fonts.test.ts',
      'tests/site/live-editing.test.ts',
      'tests/site/mark.test.ts',
      'tests/site/motion.test.ts',
      'tests/site/no-javascript.test.ts',
      'tests/site/phone.test.ts',
      'tests/site/playground.test.ts',
      'tests/site/stepping.test.ts',
    ],
  },
  { root: hostileCorpusRoot, pages: hostileCorpusPages, users: ['tests/hardening/hostile-site.test.ts'] },
];

const listed = (file: string, list: readonly string[]): boolean => list.some((entry) => file.startsWith(entry));

export function tierOf(file: string): Tier {
  if (listed(file, packageFiles)) return 'package';
  return listed(file, unitFiles) && !listed(file, notUnitFiles) ? 'unit' : 'ci';
}

/** The files a tier runs: ci runs the unit tier too. */
export function tierFiles(files: readonly string[], tier: Tier): string[] {
  return files.filter((file) => tierOf(file) === tier || (tier === 'ci' && tierOf(file) === 'unit'));
}

/** The shared sites some of `files` read. */
export function sharedSites(files: readonly string[]): SharedSite[] {
  return sharedSiteList.filter((site) => files.some((file) => site.users.includes(file)));
}

/** `files` in the order to start them: the slow ones first, then the rest as listed. */
export function inStartOrder(files: readonly string[]): string[] {
  const rank = (file: string): number => {
    const at = slowFirst.findIndex((entry) => file.startsWith(entry));
    return at < 0 ? slowFirst.length : at;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || files.indexOf(a) - files.indexOf(b));
}

/** Every path a tier list names, for the test that keeps them from going stale. */
export const namedPaths = (): string[] =>
  [...unitFiles, ...notUnitFiles, ...packageFiles, ...slowFirst, ...sharedSiteList.flatMap((s) => s.users)].map((p) =>
    join(repoRoot, p),
  );
