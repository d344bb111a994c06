#!/usr/bin/env node
// Entry point of `memlane`. An installed package runs its compiled lib/; a checkout of the
// repository runs the CLI's bundle of src/, rebuilt when a source changes (see cli-bundle.mjs).
import { existsSync } from 'node:fs';

const inCheckout = existsSync(new URL('../src/cli/main.ts', import.meta.url));
const compiled = new URL('../lib/cli/main.js', import.meta.url);
let main;
if (inCheckout) {
  main = await (await import("./cli-bundle.mjs")).loadCli();
} else if (existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  console.error('memlane: the compiled CLI (lib/cli/main.js) is missing from the package\nhint: reinstall memlane');
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
