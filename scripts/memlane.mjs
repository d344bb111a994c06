#!/usr/bin/env node
// Entry point of `memlane`. `render` and `trace` are first offered to the resident render server of
// this exact code (src/cli/server-client.mjs: only Node built-ins load before it answers); without
// one, the command runs here and a server is started for next time (not for help or a bad command
// line). An installed package runs its compiled lib/; a checkout runs the CLI's bundle of src/,
// rebuilt when a source changes (cli-bundle.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`memlane trace x.py | head`) closes the pipe: the command then ends
// quietly, as Unix tools do, instead of crashing on the next write.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const root = fileURLToPath(new URL('..', import.meta.url));
const inCheckout = existsSync(new URL('../src/cli/main.ts', import.meta.url));
const compiled = new URL('../lib/cli/main.js', import.meta.url);
const argv = process.argv.slice(2);
const code = inCheckout ? '../src/cli' : '../lib/cli';

if (!inCheckout && !existsSync(compiled)) {
  console.error('memlane: the compiled CLI (lib/cli/main.js) is missing from the package\nhint: reinstall memlane');
  process.exit(1);
}

const { servable, serverWanted, codeIdentity, startsServerAfter } = await import(`${code}/server-socket.mjs`);

/** Runs the command here (after a server, if any, could not answer it); `stdin` is what was read for that server. */
async function runHere(stdin) {
  const { main, processIo } = inCheckout ? await (await import('./cli-bundle.mjs')).loadCli() : await import(compiled.href);
  return main(argv, processIo(stdin));
}

if (!(servable(argv) && serverWanted())) {
  process.exitCode = await runHere();
} else {
  const client = await import(`${code}/server-client.mjs`);
  const identity = codeIdentity(root);
  const answer = identity ? await client.runOnServer(identity, argv) : { fallback: true };
  if (!answer.fallback) process.exitCode = answer.code;
  else {
    process.exitCode = await runHere(answer.stdin);
    // Named again: a checkout's run may have just rebuilt the bundle.
    const built = startsServerAfter(process.exitCode) && codeIdentity(root);
    if (built && client.clientSocket(built)) await client.startServer(fileURLToPath(import.meta.url));
  }
}
