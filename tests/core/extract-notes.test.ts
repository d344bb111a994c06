import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNotes } from '../../src/core/extract-notes.ts';

describe('# @note comments', () => {
  it('strip a trailing note from its line and narrate that line', () => {
    const snippet = extractNotes('a = [1]  # @note a names a new list\nb = a');
    assert.equal(snippet.code, 'a = [1]\nb = a');
    assert.deepEqual([...snippet.notes], [[1, 'a names a new list']]);
    assert.deepEqual(snippet.sourceLines, [1, 2]);
  });

  it('move a note on its own line to the next code line and map lines back', () => {
    const snippet = extractNotes('x = 1\n# @note y joins x\n# @note on one object\ny = x');
    assert.equal(snippet.code, 'x = 1\ny = x');
    assert.deepEqual([...snippet.notes], [[2, 'y joins x on one object']]);
    assert.deepEqual(snippet.sourceLines, [1, 4]);
  });

  it('leave `# @note` inside strings and ordinary comments alone', () => {
    const code = 's = "# @note not a note"\nt = \'\'\'x\'\'\' # plain comment\nu = "a" + "#"';
    const snippet = extractNotes(code);
    assert.equal(snippet.code, code);
    assert.equal(snippet.notes.size, 0);
  });

  it('accept CRLF line ends and tabs', () => {
    const snippet = extractNotes('a = 1\t# @note\ttabbed\r\nb = 2\r\n');
    assert.equal(snippet.code, 'a = 1\nb = 2\n');
    assert.equal(snippet.notes.get(1), 'tabbed');
  });
});
