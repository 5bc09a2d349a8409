"""A letter as plain text: to paste into WhatDoTheyKnow, or as the body of an email."""

from __future__ import annotations

from pathlib import Path

from composer import storage
from composer.letters.letter import Letter, format_date
from composer.outline import indented


def letter_as_text(letter: Letter, *, heading: bool = False, contact: bool = False, width: int = 0) -> str:
    """The letter as plain text, from "Dear …" to the requester's name.

    `heading` adds the date, the recipient's address and the subject on top (a printed letter);
    `contact` adds the requester's postal address and email under the name. Both are off by
    default because WhatDoTheyKnow publishes what is pasted into it and supplies its own
    address. `width` wraps paragraphs (0 keeps each paragraph on one line). Words are never
    changed: a line break typed inside a part stays a line break, the next line indented under
    the part's number.
    """

    def para(text: str, indent: str = "", hanging: str = "") -> str:
        return indented(text, width, indent, hanging)

    out: list[str] = []

    def block(*lines: str) -> None:
        out.extend(lines)
        out.append("")

    if heading:
        block(format_date(letter.date))
        address = [letter.recipient.name, *letter.recipient.postal_address]
        if letter.recipient.email:
            address.append(f"By email: {letter.recipient.email}")
        block(*address)
        block(letter.subject)
    if letter.reference:
        block(f"Reference: {letter.reference}")
    block(letter.salutation)
    for paragraph in letter.before:
        block(para(paragraph))
    previous_depth = None
    for item in letter.items:
        label = f"{item.number}."
        if item.depth == 0:
            if previous_depth is not None:
                out.append("")
            out.append(para(f"{label} {item.text}", hanging=" " * (len(label) + 1)))
        else:
            out.append(para(f"{label} {item.text}", indent="    ", hanging=" " * (len(label) + 5)))
        previous_depth = item.depth
    if letter.items:
        out.append("")
    for paragraph in letter.after:
        block(para(paragraph))
    block(letter.sign_off)
    signature = [letter.signature_name]
    if letter.requester.organisation.strip():
        signature.append(letter.requester.organisation.strip())
    if contact:
        signature += [line for line in letter.requester.postal_address if line.strip()]
        if letter.requester.email.strip():
            signature.append(letter.requester.email.strip())
    out.extend(signature)
    return "\n".join(out).rstrip("\n") + "\n"


def write_txt(letter: Letter, path: Path, *, replace: bool = False, **options) -> Path:
    """Write `letter_as_text(letter, **options)` as UTF-8 (a taken name becomes "name (2)"
    unless `replace`); returns the path written."""
    return storage.write_new(Path(path), letter_as_text(letter, **options).encode("utf-8"),
                             replace=replace)
