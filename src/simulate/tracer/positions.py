"""Where in its line Python points at an error, as the trace's 1-based character columns (end exclusive): a syntax
error's offsets, and the span of the instruction an exception left the snippet's code at (co_positions, which counts
UTF-8 bytes from 0), as CPython's own traceback underlines them."""
import types

from builtins import SyntaxError, bytes, enumerate, int, len, str, type

_syntax_line = SyntaxError.lineno.__get__
_syntax_end_line = SyntaxError.end_lineno.__get__
_syntax_offset = SyntaxError.offset.__get__
_syntax_end_offset = SyntaxError.end_offset.__get__
_code_positions = types.CodeType.co_positions
_encode = str.encode
_decode = bytes.decode
_split_lines = str.split
_strip_end = str.rstrip


def columns(first, end, same_line):
    """{"column": first, "endColumn": end} with what is known: an end only on the same line and past the first."""
    if type(first) is not int or first < 1:
        return {}
    if same_line and type(end) is int and end > first:
        return {"column": first, "endColumn": end}
    return {"column": first}


def syntax_columns(error):
    """A syntax error's columns: CPython gives them in characters already."""
    line = _syntax_line(error)
    return columns(_syntax_offset(error), _syntax_end_offset(error), _syntax_end_line(error) in (None, line))


def instruction_span(code, last_instruction):
    """(line, end line, start byte, end byte) of the instruction at that offset in the code, or None. Only C
    getters and iterators run here: call it with the audit hook's checks paused, as for the traceback it came from."""
    if type(last_instruction) is not int or last_instruction < 0:
        return None
    wanted = last_instruction // 2
    for index, span in enumerate(_code_positions(code)):
        if index == wanted:
            return span
    return None


def span_columns(source, line, span):
    """The columns of an instruction's span in line `line` of the source; past the line's end when it goes on."""
    if span is None or span[0] != line or type(span[2]) is not int:
        return {}
    lines = _split_lines(source, "\n")
    if type(line) is not int or not 1 <= line <= len(lines):
        return {}
    encoded = _encode(lines[line - 1], "utf-8")
    first = _characters(encoded, span[2]) + 1
    if span[1] == line and type(span[3]) is int:
        return columns(first, _characters(encoded, span[3]) + 1, True)
    return columns(first, len(_strip_end(lines[line - 1])) + 1, True)


def _characters(encoded, byte_count):
    return len(_decode(encoded[:byte_count], "utf-8", "replace"))
