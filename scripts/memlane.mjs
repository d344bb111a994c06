#!/usr/bin/env node
// Installed entry point of `memlane`: runs the CLI from its bundle (see cli-bundle.mjs), or from the sources.
import { loadCli } from './cli-bundle.mjs';

const main = await loadCli();
process.exitCode = await main(process.argv.slice(2));
