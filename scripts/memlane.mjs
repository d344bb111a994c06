#!/usr/bin/env node
// Installed entry point: runs the compiled CLI in lib/ (written by `npm run build:package`, shipped in the package).
import { existsSync } from 'node:fs';

const compiled = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  console.error('memlane: the compiled CLI (lib/cli/main.js) is missing\nhint: in a checkout of the repository run "npm run build:package", or "npm run memlane -- ..." to run the sources');
  process.exit(1);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
