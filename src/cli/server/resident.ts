// The render server's own process (`memlane server run`, which the launcher starts detached): checks
// that it runs the compiled lib/ its identity names, warms the interpreter and the drawing code, then
// serves every request through main(), the same function a run without a server calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli-io.ts';
import { main } from '../main.ts';
import { closeSimulator, prewarmSimulator } from '../../node/simulator-handle.ts';
import { codeIdentity, supersedes } from './code-identity.ts';
import { DEFAULT_IDLE_S, envSeconds } from './policy.ts';
import { serve } from './server.ts';
import { socketDir, socketPath, unsafeDir } from './socket-folder.ts';

/** A little of everything a diagram draws: a class and its instances, a call, a list, a tuple, a dict, a set. */
const WARM_UP_SNIPPET = `class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def build(values):
    head = None
    for value in reversed(values):
        head = Node(value, head)
    return head


items = [1, "two", (3.0, None)]
alias = items
table = {"a": items, "b": [alias, {4, 5}]}
chain = build([1, 2, 3])
`;
/** Renders of it before the first request: enough for V8 to compile the layout and drawing code's hot paths. */
const WARM_UP_RENDERS = 20;

/** Loads and compiles what a first request would: the drawing code (SVG, PNG, a code panel) and the trace path. */
async function warmUp(): Promise<void> {
  const scratch = mkdtempSync(join(socketDir(), 'warm-'));
  const quiet = { write: () => true };
  const stdin = Buffer.from(WARM_UP_SNIPPET);
  const io: CliIo = { cwd: scratch, stdout: quiet, stderr: quiet, readStdin: async () => stdin, resident: true };
  try {
    await main(['render', '-', '--with-code'], io);
    await main(['render', '-', '-o', 'warm.png'], io);
    await main(['trace', '-'], io);
    for (let round = 0; round < WARM_UP_RENDERS; round++) await main(['render', '-', '-o', 'warm.svg'], io);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Serves until stopped or idle; `root` is the package folder whose lib/ this module was loaded from. */
export async function runResidentServer(root: string, io: Pick<CliIo, 'stderr'>): Promise<number> {
  const identity = codeIdentity(root);
  // Serves only the code this process loaded: the compiled lib/ the identity names, not the sources.
  if (!identity || !fileURLToPath(import.meta.url).startsWith(join(root, 'lib'))) {
    io.stderr.write('memlane server: the CLI is not compiled (no lib/build.json); no server for it\n');
    return 1;
  }
  const dir = socketDir();
  const unsafe = unsafeDir(dir);
  const socket = socketPath(dir, identity.id);
  if (unsafe || !socket) {
    io.stderr.write(`memlane server: ${unsafe ?? `the socket path in ${dir} is too long`}\n`);
    return 1;
  }
  prewarmSimulator();
  const idleMs = envSeconds(process.env['MEMLANE_SERVER_IDLE'], DEFAULT_IDLE_S) * 1000;
  await serve({
    key: identity.key,
    socket,
    idleMs,
    run: main,
    warmUp,
    supersedes: (other) => supersedes(identity.key, other),
  });
  await closeSimulator();
  // Nothing should be left to keep the process alive; if something is, it still leaves.
  setTimeout(() => process.exit(0), 1_000).unref();
  return 0;
}
