"""What a letter says, apart from how it is written out.

A `Letter` is plain data: the date, who it goes to, a subject, the salutation, paragraphs before
the numbered items, the items, paragraphs after them, the sign-off and the requester. Every
writer (Word, text, email, PDF) takes any `Letter`, so a request letter and a follow-up letter
come out of the same templates in the same formats.

`request_letter()` fills a Letter for one force from `composer.outline.letter_body()`, which alone
decides the order, the numbers, the filled-in fields and the clauses; nothing here re-derives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date

from composer.force_names import find_forces
from composer.clauses import fill
from composer.dates import in_words
from composer.law import LAWS, Law, field_values
from composer.model import FIELD_PATTERN, Act, Force, Request, Requester
from composer.outline import LetterBody, letter_body

# XML 1.0 cannot hold these (a Word document is XML): C0 controls other than tab, newline and
# carriage return, lone surrogates, and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_ACT_NAMED = re.compile(
    r"Freedom\s+of\s+Information\s+(\(Scotland\)\s+)?Act(\s+(2000|2002))?", re.IGNORECASE
)

MISSING_NAME = "[your name]"


def clean_text(text: str) -> tuple[str, int]:
    """`text` without the characters a Word document cannot hold, and how many were removed.

    Line endings become `\\n`; everything else a person can type (accents, Welsh, emoji,
    right-to-left text, `& < > " '`) is kept exactly.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, count = _NOT_XML.subn("", text)
    return cleaned, count


def format_date(day: Date) -> str:
    """A date as a British letter writes it: 21 November 2026."""
    return in_words(day)


@dataclass
class Item:
    """One numbered item: `number` as printed ("1", "1a"), `depth` 0 for a part, 1 for a sub-part."""

    number: str
    text: str
    depth: int = 0


@dataclass
class Recipient:
    """Who a letter is addressed to: a force, or a regulator such as the ICO."""

    name: str
    email: str | None = None
    postal_address: list[str] = field(default_factory=list)
    greeting: str | None = None  # the words after "Dear"; default: the name

    @classmethod
    def for_force(cls, force: Force) -> Recipient:
        return cls(
            name=force.name,
            email=force.foi_email,
            postal_address=list(force.postal_address),
            greeting=force.greeting,
        )

    @property
    def salutation(self) -> str:
        return f"Dear {self.greeting or self.name},"


@dataclass
class Letter:
    """A letter ready to be written out in any format.

    Text is cleaned on creation: characters a Word document cannot hold are removed and a
    warning naming where they were is added to `warnings`, so no writer can fail on them.
    """

    date: Date
    recipient: Recipient
    subject: str
    salutation: str
    before: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    requester: Requester = field(default_factory=Requester)
    sign_off: str = "Yours faithfully,"
    reference: str | None = None
    force: Force | None = None  # the force the letter is to or about, if any
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        removed: dict[str, int] = {}

        def clean(text: str, where: str) -> str:
            cleaned, count = clean_text(text)
            if count:
                removed[where] = removed.get(where, 0) + count
            return cleaned

        self.subject = clean(self.subject, "the subject")
        self.salutation = clean(self.salutation, "the salutation")
        self.sign_off = clean(self.sign_off, "the sign-off")
        if self.reference is not None:
            self.reference = clean(self.reference, "the reference")
        self.before = [clean(p, "the opening") for p in self.before]
        self.items = [
            Item(clean(i.number, f"part {i.number}"), clean(i.text, f"part {i.number}"), i.depth)
            for i in self.items
        ]
        self.after = [clean(p, "the closing paragraphs") for p in self.after]
        self.recipient = Recipient(
            name=clean(self.recipient.name, "the recipient's name"),
            email=clean(self.recipient.email, "the recipient's email") if self.recipient.email else None,
            postal_address=[clean(x, "the recipient's address") for x in self.recipient.postal_address],
            greeting=clean(self.recipient.greeting, "the greeting") if self.recipient.greeting else None,
        )
        r = self.requester
        self.requester = r.model_copy(
            update={
                "name": clean(r.name, "your name"),
                "email": clean(r.email, "your email address"),
                "postal_address": [clean(x, "your address") for x in r.postal_address],
                "organisation": clean(r.organisation, "your organisation"),
            }
        )
        for where, count in removed.items():
            plural = "s" if count > 1 else ""
            self.warnings.append(
                f"removed {count} control character{plural} from {where}: a Word document "
                "cannot hold them"
            )

    @property
    def signature_name(self) -> str:
        """The requester's name, or a visible placeholder when none is set."""
        return self.requester.name.strip() or MISSING_NAME


def _right_act(text: str, law: Law) -> tuple[str, bool]:
    """`text` with any mention of the wrong Act replaced by the force's own Act."""
    changed = False

    def fix(match: re.Match) -> str:
        nonlocal changed
        scottish = bool(match.group(1)) or match.group(3) == "2002"
        if scottish == (law.act is Act.FOISA):
            return match.group(0)
        changed = True
        return law.title

    return _ACT_NAMED.sub(fix, text), changed


def _other_forces_named(force: Force, texts: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Other forces' names found in the letter (a request written for one force and sent to
    another often still names the first), with where each was found. The names are found by
    the same detector the checker uses."""
    found: dict[str, list[str]] = {}
    for where, text in texts:
        for mention in find_forces(text):
            if mention.force_id == force.id:
                continue
            places = found.setdefault(mention.said, [])
            if where not in places:
                places.append(where)
    return found


def letter_title(request: Request, force: Force) -> str:
    """The request's title as this force's letter gives it, its `{fields}` filled."""
    return fill(request.title, field_values(request, force)).strip()


def request_letter(
    request: Request,
    force: Force,
    requester: Requester,
    *,
    date: Date,
    reference: str | None = None,
    body: LetterBody | None = None,
) -> Letter:
    """The letter that asks `force` for what `request` asks, under the force's own Act.
    `body` is `letter_body(request, force)` when the caller has already built it (the live
    preview does, on every keystroke), so it is not built twice."""
    if body is None:
        body = letter_body(request, force)
    law = body.law or LAWS[force.act]
    warnings: list[str] = []
    before: list[str] = []
    intro = body.introduction
    if intro:
        intro, changed = _right_act(intro, law)
        if changed:
            other = LAWS[Act.FOIA if law.act is Act.FOISA else Act.FOISA]
            warnings.append(
                f"{force.name}: the introduction named the {other.title}; the letter cites the "
                f"{law.title}, the Act {force.name} answers under"
            )
    if not intro:
        before.append(f"I am writing to request the following information under the {law.title}.")
    else:
        if not _ACT_NAMED.search(intro):
            before.append(f"I am making this request under the {law.title}.")
        before.append(intro)
    items = [Item(p.number, p.text, p.depth) for p in body.parts]
    after = list(body.clauses)
    after.append(
        f"I look forward to your reply promptly, and in any case within {law.working_days} "
        "working days of receiving this request."
    )
    for item in items:
        left = FIELD_PATTERN.findall(item.text)
        if left:
            names = ", ".join("{" + n + "}" for n in dict.fromkeys(left))
            warnings.append(f"part {item.number} still has {names} to fill in")
    named = _other_forces_named(force, [("the introduction", p) for p in before]
                                + [(f"part {i.number}", i.text) for i in items])
    for other, places in named.items():
        shown = ", ".join(places[:5]) + (" …" if len(places) > 5 else "")
        warnings.append(
            f"{force.name}: the letter names {other} ({shown}); check the wording is meant for "
            f"{force.name}"
        )
    if not requester.name.strip():
        warnings.append(
            "no requester name: a request must carry your real name (section 8); set it with "
            "`foi-composer profile --name`"
        )
    title = letter_title(request, force)
    subject = "Freedom of Information request"
    if title and title != "Untitled request":
        subject = f"{subject}: {title}"
    letter = Letter(
        date=date,
        recipient=Recipient.for_force(force),
        subject=subject,
        salutation=Recipient.for_force(force).salutation,
        before=before,
        items=items,
        after=after,
        requester=requester,
        reference=reference,
        force=force,
    )
    letter.warnings[:0] = warnings
    return letter
