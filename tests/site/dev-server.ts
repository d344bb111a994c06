// `astro dev` on a fixture site for a test: started on a free port of 127.0.0.1, stopped with the
// caches it wrote into the fixture removed, and everything it printed kept for assertions.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBin } from './site-harness.ts';

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function startDevServer(root: string): Promise<DevServer> {
  const leftovers = ['.astro', 'node_modules'].map((d) => join(root, d)).filter((d) => !existsSync(d));
  const child = spawn(process.execPath, [astroBin, 'dev', '--root', root, '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  };
  // Generous: the first start compiles the site's config and warms CPython on a busy machine.
  const deadline = Date.now() + 300_000;
  const url = await new Promise<string>((found, fail) => {
    const look = () => {
      const match = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) return found(match[1]!);
      if (child.exitCode !== null)
        return fail(new Error(`astro dev exited with ${child.exitCode}:\n${output.slice(-3000)}`));
      if (Date.now() > deadline) return fail(new Error(`astro dev did not start:\n${output.slice(-3000)}`));
      setTimeout(look, 200);
    };
    look();
  }).catch(async (error: Error) => {
    await stop();
    throw error;
  });
  return { url, output: () => output, stop };
}
