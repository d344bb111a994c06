// The render server's wire format: whole lines become objects, in order, however they are split; a line
// that is not a JSON object ends the connection; a server's words lose their control characters.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { frame, printable, readFrames, type Message } from '../../../src/cli/server/wire.ts';

/** A connected pair of sockets over a Unix socket of its own. */
async function socketPair(): Promise<{ near: Socket; far: Socket; close(): void }> {
  const path = join(mkdtempSync(join(tmpdir(), 'mlw-')), 'w.sock');
  let accepted!: (socket: Socket) => void;
  const far = new Promise<Socket>((resolve) => (accepted = resolve));
  const server = createServer(accepted);
  await new Promise<void>((resolve) => server.listen(path, resolve));
  const near = createConnection(path);
  await new Promise<void>((resolve) => near.once('connect', () => resolve()));
  const farSocket = await far;
  return {
    near,
    far: farSocket,
    close: () => {
      near.destroy();
      farSocket.destroy();
      server.close();
    },
  };
}

describe('the wire format', () => {
  it('reads each whole line as one message, in order, whatever the chunks', async () => {
    const pair = await socketPair();
    try {
      const heard: Message[] = [];
      const all = new Promise<void>((resolve) =>
        readFrames(pair.far, (message) => heard.push(message) === 3 && resolve()),
      );
      const text = frame({ t: 'out', d: 'aGk=' }) + frame({ t: 'alive' }) + frame({ t: 'exit', code: 0 });
      pair.near.write(text.slice(0, 7));
      pair.near.write(text.slice(7, 30));
      pair.near.write(text.slice(30));
      await all;
      assert.deepEqual(heard, [{ t: 'out', d: 'aGk=' }, { t: 'alive' }, { t: 'exit', code: 0 }]);
    } finally {
      pair.close();
    }
  });

  for (const [what, line] of [
    ['not JSON', 'hello\n'],
    ['not an object', '42\n'],
  ] as const) {
    it(`ends the connection on a line that is ${what}`, async () => {
      const pair = await socketPair();
      try {
        const heard: Message[] = [];
        readFrames(pair.far, (message) => heard.push(message));
        const closed = new Promise<void>((resolve) => pair.far.once('close', () => resolve()));
        pair.near.write(line);
        await closed;
        assert.deepEqual(heard, []);
      } finally {
        pair.close();
      }
    });
  }

  it("makes a server's text fit for a terminal", () => {
    assert.equal(printable('a\u001b[31mb\u0007c\u009bd'), 'a?[31mb?c?d');
    assert.equal(printable(12), '12');
  });
});
