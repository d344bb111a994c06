#!/usr/bin/env node
// The `memlane` bin: runs the compiled CLI, lib/cli/launcher.js, the one way in whether installed or in
// a checkout. A checkout first brings lib/ up to date with src/ (fresh-lib.mjs: a look at the sources'
// sizes and times, a build only when one changed), as npm test and npm run build do.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const launcher = new URL('../lib/cli/launcher.js', import.meta.url);
if (existsSync(new URL('../src/cli/launcher.ts', import.meta.url))) {
  const { freshenLib } = await import('./fresh-lib.mjs');
  const problem = await freshenLib(fileURLToPath(new URL('..', import.meta.url)));
  if (problem) {
    console.error(`memlane: cannot compile src/ into lib/: ${problem}\nhint: run "npm run build:package" to see why`);
    process.exit(1);
  }
} else if (!existsSync(launcher)) {
  console.error('memlane: the compiled CLI (lib/cli/launcher.js) is missing from the package\nhint: reinstall memlane');
  process.exit(1);
}
const { launch } = await import(launcher.href);
process.exitCode = await launch(process.argv.slice(2), fileURLToPath(import.meta.url));
