"""Bytes to text for files people give the app: letters, pasted requests, replies.

UTF-8, UTF-16 and UTF-32 are read with or without a byte-order mark (charset-normalizer tells
the byte orders apart when there is no mark), and Windows-1252, Word's "plain text" on
Windows. A file mostly in UTF-8 with some lines in Windows-1252 (text pasted together from two
sources) is read line by line, and a note names the lines read the other way. Binary data is
refused: `decode_text` returns None for it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

_BOMS = (  # longest first: a UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
         "utf-32-le": "UTF-32", "utf-32-be": "UTF-32", "mixed": "UTF-8 and Windows-1252"}


@dataclass
class Decoded:
    text: str
    encoding: str  # a key of NAMES
    notes: list[str] = field(default_factory=list)


def _is_text(text: str) -> bool:
    sample = text[:20000]
    return "\x00" not in sample and len(_CONTROL.findall(sample)) <= max(2, len(sample) // 100)


def _line_numbers(numbers: list[int], limit: int = 12) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    more = len(numbers) - limit
    return f"{shown} and {more} more" if more > 0 else shown


def _wide(data: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 without a byte-order mark."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_WIDE).best()
    if best is None:
        return None
    encoding = best.encoding.replace("_", "-")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, encoding) if _is_text(text) else None


def _line_by_line(data: bytes) -> Decoded:
    """Each line as UTF-8 where it is valid, else as Windows-1252; a note names the latter."""
    lines = data.split(b"\n")
    out: list[str] = []
    fallback: list[int] = []
    utf8_beyond_ascii = False
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8")
            utf8_beyond_ascii |= not raw.isascii()
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
            fallback.append(number)
        out.append(line)
    text = "\n".join(out)
    if not utf8_beyond_ascii:
        return Decoded(text, "cp1252")
    return Decoded(text, "mixed", [
        f"the text mixes encodings: line{'s' if len(fallback) > 1 else ''} "
        f"{_line_numbers(fallback)} {'were' if len(fallback) > 1 else 'was'} not UTF-8 and "
        "read as Windows-1252; check the accents there"])


def decode_text(data: bytes) -> Decoded | None:
    """The text in `data`, how it was read, and notes for the user; None if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                if encoding != "utf-8":
                    return None
                decoded = _line_by_line(data[len(bom):])
            else:
                decoded = Decoded(text, encoding)
            return decoded if _is_text(decoded.text) else None
    if b"\x00" in data[:8192]:
        return _wide(data)
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        decoded = _line_by_line(data)
    return decoded if _is_text(decoded.text) else None
