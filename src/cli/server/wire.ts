// The render server's wire format: one JSON object a line, bytes as base64; and what of a server's
// words may reach a terminal.
import type { Socket } from 'node:net';

/** Characters one message line may hold: a snippet (at most 1 MiB, as base64) and its command line fit. */
export const MAX_FRAME_CHARS = 4 * 2 ** 20;

/** One message a line. */
export const frame = (message: object): string => `${JSON.stringify(message)}\n`;

/** A message as read: fields are checked by whoever reads them. */
export type Message = Record<string, unknown>;

/** Calls `onMessage` with each whole line's object; a line that is not JSON, or too long, ends the connection. */
export function readFrames(socket: Socket, onMessage: (message: Message) => void): void {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    if (pending.length > MAX_FRAME_CHARS && pending.indexOf('\n') < 0) {
      socket.destroy();
      return;
    }
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        socket.destroy();
        return;
      }
      if (message === null || typeof message !== 'object') {
        socket.destroy();
        return;
      }
      onMessage(message as Message);
    }
  });
}

/** Text from a socket, fit for a terminal: control characters (escape sequences among them) become "?". */
export const printable = (text: unknown): string => String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
