// `# @note text` comments become step narration and are removed from the code readers see.
// A trailing note narrates its own line; a note alone on its line narrates the next code line
// (the comment line itself is dropped, so `sourceLines` maps shown lines back to the snippet).
import { commentStart } from './python-line.ts';
import type { Snippet } from './types.ts';

const trailingNote = /^(.*?\S)[ \t]+#[ \t]*@note\b[ \t]*(.*)$/;
const standaloneNote = /^[ \t]*#[ \t]*@note\b[ \t]*(.*)$/;

export function extractNotes(written: string): Snippet {
  const lines = written.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  const sourceLines: number[] = [];
  const notes = new Map<number, string>();
  let pending: string[] = [];
  lines.forEach((text, index) => {
    const alone = standaloneNote.exec(text);
    if (alone) {
      pending.push(alone[1]!.trim());
      return;
    }
    const trailing = inCodeNote(text);
    const code = trailing ? trailing.code : text;
    kept.push(code);
    sourceLines.push(index + 1);
    const narration = [...pending, ...(trailing ? [trailing.note] : [])].filter(Boolean).join(' ');
    if (narration && code.trim() !== '') {
      notes.set(kept.length, narration);
      pending = [];
    }
  });
  return { code: kept.join('\n'), notes, sourceLines };
}

/** A trailing note, unless the `#` sits inside a string literal on that line. */
function inCodeNote(line: string): { code: string; note: string } | undefined {
  const match = trailingNote.exec(line);
  if (!match) return undefined;
  const hashAt = line.length - match[0].length + match[1]!.length + line.slice(match[1]!.length).indexOf('#');
  if (insideString(line, hashAt)) return undefined;
  return { code: match[1]!.trimEnd(), note: match[2]!.trim() };
}

/** Whether the `#` at `position` is inside a string literal: no comment has started by then. */
function insideString(line: string, position: number): boolean {
  const comment = commentStart(line);
  return comment < 0 || comment > position;
}
