"""A request as one force will read it: numbered, filled in, with its clauses.

`letter_body()` is the single place that decides the order, the numbers, how an "if yes"
condition is worded and which clauses apply. The `show` command, every letter format and the
GUI's preview all render from it, so they cannot disagree about what a force is asked.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field, replace

from composer import clauses
from composer.law import Law, field_values, law_for, readable
from composer.model import Force, Request, letter

_ALREADY_CONDITIONAL = re.compile(r"^\s*(if\s+(yes|so|no|not)\b)", re.IGNORECASE)
_PARENT_INVITES = re.compile(r"\bif\s+(yes|so)\b", re.IGNORECASE)
_OPENS_IF_YES = re.compile(r"^\s*if\s+(?:yes|so)\s*[,:;]\s*", re.IGNORECASE)


def _without_if_yes(text: str) -> str:
    """A follow-up under a part that already says "If yes, please answer the following" does not
    say "If so, …" again: the opening goes and the question starts with a capital."""
    rest = _OPENS_IF_YES.sub("", text, count=1)
    if rest == text or not rest:
        return text
    return rest[:1].upper() + rest[1:]


@dataclass(frozen=True)
class BodyPart:
    number: str
    text: str
    depth: int
    part_id: str


@dataclass(frozen=True)
class LetterBody:
    title: str
    introduction: str | None
    parts: list[BodyPart]
    clauses: list[str] = field(default_factory=list)
    law: Law | None = None

    def numbers(self) -> dict[str, str]:
        return {p.part_id: p.number for p in self.parts}


_fill = clauses.fill


def letter_body(request: Request, force: Force | None = None) -> LetterBody:
    values = field_values(request, force)
    law = law_for(force) if force is not None else None
    out: list[BodyPart] = []
    ordered = request.ordered_parts()
    for i, part in enumerate(ordered, start=1):
        text = _fill(part.text, values)
        if part.condition and i > 1 and not _ALREADY_CONDITIONAL.match(text):
            answer = "yes" if part.condition == "if_yes" else "no"
            text = f"If the answer to {i - 1} is {answer}: {text}"
        if any(s.condition == "if_yes" for s in part.subparts) and not _PARENT_INVITES.search(text):
            text = f"{text} If yes, please answer the following."
        invited = bool(_PARENT_INVITES.search(text))
        out.append(BodyPart(str(i), text, 0, part.id))
        for j, sub in enumerate(part.subparts):
            sub_text = _fill(sub.text, values)
            if sub.condition == "if_no" and not _ALREADY_CONDITIONAL.match(sub_text):
                sub_text = f"If not: {sub_text}"
            elif sub.condition == "if_yes" and invited:
                sub_text = _without_if_yes(sub_text)
            out.append(BodyPart(f"{i}{letter(j)}", sub_text, 1, sub.id))
    body_clauses: list[str] = []
    if law is not None:
        numbers = {p.part_id: p.number for p in out}
        fmt = clauses.format_clause(request, law, numbers, values)
        if fmt:
            body_clauses.append(fmt)
        cost = clauses.cost_limit_clause(request, law, values)
        if cost:
            body_clauses.append(cost)
    intro = _fill(request.introduction, values) if request.introduction else None
    return LetterBody(request.title, intro, out, body_clauses, law)


def readable_body(request: Request, force: Force | None = None) -> LetterBody:
    """The body as `force` reads it; with no force, each field in words ("the force's equality
    duty"), as the outline shows them, never in braces."""
    body = letter_body(request, force)
    if force is not None:
        return body
    intro = readable(body.introduction, request) if body.introduction else body.introduction
    # the closing sentences are worded for each force's Act: say where they go, so that a format
    # preference or a cost clause kept from a pasted letter is not taken for lost
    ending = [what for what, on in (("your format preference", request.options.answer_format is not None),
                                    ("the cost-limit clause", request.options.cost_limit_clause)) if on]
    said = ([f"[Each letter ends here with {' and '.join(ending)}, in the words of the Act its force "
             "answers under.]"] if ending else [])
    return replace(body, introduction=intro, clauses=said,
                   parts=[replace(p, text=readable(p.text, request)) for p in body.parts])


def indented(text: str, width: int = 0, indent: str = "", hanging: str = "") -> str:
    """`text` with its first line at `indent` and every later line, typed or wrapped, at `hanging`
    (`indent` when not given), so the lines of a part stay under its number; `width` wraps each
    typed line (0 keeps it whole). A line break typed in the text stays a line break."""
    hanging = hanging or indent
    lines = []
    for i, line in enumerate(text.split("\n")):
        first = indent if i == 0 else hanging
        if not line.strip():
            lines.append("")
        elif width > 0:
            lines.append(textwrap.fill(line, width, initial_indent=first, subsequent_indent=hanging))
        else:
            lines.append(first + line)
    return "\n".join(lines)


def body_as_text(body: LetterBody, width: int = 0) -> str:
    """Plain text of the request body; `width` wraps lines (0 keeps each paragraph on one line)."""

    def para(text: str, indent: str = "", hanging: str = "") -> str:
        return indented(text, width, indent, hanging)

    lines: list[str] = []
    if body.introduction:
        lines += [para(body.introduction), ""]
    for part in body.parts:
        label = f"{part.number}."
        if part.depth == 0:
            if lines and lines[-1] != "":
                lines.append("")
            lines.append(para(f"{label} {part.text}", hanging=" " * (len(label) + 1)))
        else:
            lines.append(para(f"{label} {part.text}", indent="    ", hanging=" " * (len(label) + 5)))
    for clause in body.clauses:
        lines += ["", para(clause)]
    return "\n".join(lines).strip() + "\n"
