"""Reading text as a request, whatever its shape.

`request_from_text` never refuses readable text: a numbered or bulleted letter is imported with
its structure (composer.textimport); prose, or a list whose items the importer does not read as
questions, is read paragraph by paragraph, each paragraph that asks for something becoming a
part; text that asks for nothing at all is still checked, as one part, with a note saying so.
"""

from __future__ import annotations

import re

from composer.errors import ComposerError
from composer.model import Part, Request

_ASKS = re.compile(
    r"\?|\b(?:please|could you|can you|would you|i would like|i request|i am requesting|i'd like|"
    r"provide|disclose|send me|tell me|how many|how much|what|which|whether|copy|copies|list|"
    r"figures?|number of|amount of|details of)\b",
    re.IGNORECASE,
)
NOT_A_REQUEST = ("this text does not read as a request (nothing in it asks for information); "
                 "it was checked as one part")


def _paragraphs(text: str) -> list[str]:
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text)]
    return [b for b in blocks if b]


def request_from_text(text: str, source: str = "text") -> tuple[Request | None, list[str]]:
    """The request `text` holds, and notes on how it was read. None only for text that cannot be
    read at all (empty, or binary); then the note says why."""
    from composer.textimport import parse_request_with_report

    try:
        return parse_request_with_report(text, source)
    except ComposerError as exc:
        problem = str(exc)
    if not isinstance(text, str) or not text.strip() or "\x00" in text[:20000]:
        return None, [problem]
    paragraphs = _paragraphs(text)
    asking = [p for p in paragraphs if _ASKS.search(p)]
    if not asking:
        return Request(parts=[Part(text=" ".join(paragraphs))]), [NOT_A_REQUEST]
    parts = [Part(text=p) for p in asking]
    opening = [p for p in paragraphs[: paragraphs.index(asking[0])]]
    intro = "\n\n".join(opening)
    notes = [f"read as prose: {len(parts)} paragraph{'s' if len(parts) != 1 else ''} that ask for "
             "information became parts"]
    return Request(introduction=intro, parts=parts), notes
