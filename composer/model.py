"""The domain model: a request, its parts, the requester, the forces it goes to.

Pure data: pydantic models with no I/O and no Qt. Part numbers (1, 1a, 1b …) are derived
from position, never stored, so reordering a part can never leave a stale number behind.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from composer.acts import Act, Nation

SCHEMA_VERSION = 4
"""Version of the `.foi.json` request format. Bump it, and add a migration, on any change.

1: the first format. 2: adds `forces`, the forces the request goes to (a version 1 file reads
as going to none yet). 3: adds `past`, what forces did with its parts when it was sent before,
carried by a shared template (an older file reads as carrying none). 4: a `past` record keeps
`partly` (of the forces that answered the part, those that answered it only in part) and `whole`
(the forces that met the whole request it was sent in: a cost or vexatious refusal of all of it, a
neither-confirm-nor-deny of all of it, a question about what it all meant), which format 3 folded
into `answered` and into each part's `met`; a format 3 record reads with both absent (None), not
zero, since it did not say."""

FORCE_ID = r"^[a-z0-9_]+$"
"""A force's id: WhatDoTheyKnow's name for the body, such as `west_midlands_police`."""


def new_id() -> str:
    """A short random id that stays with a part through edits and reorders."""
    return uuid.uuid4().hex[:12]


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid", defer_build=True)


class ForceKind(StrEnum):
    TERRITORIAL = "territorial"
    NATIONAL = "national"  # special national forces
    OVERSIGHT = "oversight"  # policing boards and similar bodies


class Strength(_Model):
    """How many police officers a force has, as a published statistic says (the size that scales
    how many records it holds: a force of 33,000 officers keeps more than one of 1,300). `as_at`
    is None when the source gives no date; `source` then says what it does give."""

    officers: float = Field(gt=0)
    measure: Literal["FTE", "headcount"] = "FTE"
    as_at: date | None
    source: str = Field(min_length=1)


def web_address_problem(value: str) -> str | None:
    """What is wrong with `value` as the address of a force's online form (None: nothing): the
    directory keeps only a whole https address with a dotted host, as a browser shows it."""
    if re.fullmatch(r"https://[^\s/]+\.[^\s/]+/\S*", value) is None:
        return f"{value!r} is not a web address (https://…)"
    return None


class Checked(_Model):
    """Where a fact of the force directory was confirmed: which fact, the public page that says so
    (or, where none does, what was looked at), and the day it was read."""

    fact: Literal["name", "aliases", "foi_email", "foi_form", "postal_address", "chief_officer", "act",
                  "policing_body"]
    on: date
    source: str = Field(min_length=1)


class Force(_Model):
    """A police body that can be sent a request."""

    id: str = Field(pattern=FORCE_ID, description="WhatDoTheyKnow's name for the body")
    name: str = Field(min_length=1)
    short_name: str = Field(min_length=1)
    nation: Nation
    act: Act
    kind: ForceKind = ForceKind.TERRITORIAL
    foi_email: str | None = None
    email_checked: date | None = None
    foi_form: str | None = Field(
        default=None, description="the address of its online request form, where a page it publishes shows one"
    )
    postal_address: list[str] = Field(default_factory=list)
    salutation: str | None = None
    definite: bool = Field(default=False, description='takes "the" in running text')
    aliases: list[str] = Field(
        default_factory=list, description="other names people write for it: Met Police, the Met"
    )
    systems: list[str] = Field(
        default_factory=list, description="products or lists that belong to this force alone"
    )
    strength: Strength | None = Field(default=None, description="its officers, from published statistics")
    chief_officer: str | None = Field(
        default=None, description="the title of the officer in charge of it: Chief Constable, Commissioner "
        "(None: a body that oversees a force and has no chief officer)")
    policing_body: str | None = Field(
        default=None, description="who holds its chief officer to account, as a sentence names it: the Police "
        "and Crime Commissioner for Kent, the Mayor of Greater Manchester (None: a body the directory holds, "
        "which names the force in its `oversees`, or a body that oversees and has none)")
    oversees: str | None = Field(
        default=None, pattern=FORCE_ID, description="for a body that oversees a force: that force's id")
    chief_office_name: str | None = Field(
        default=None, description="the office's name in law where it is not the title plus the force's name: "
        "the Commissioner of Police of the Metropolis")
    checked: list[Checked] = Field(
        default_factory=list, description="where its name or FOI address was last confirmed, and when"
    )

    @field_validator("foi_form")
    @classmethod
    def _form_is_a_web_address(cls, value: str | None) -> str | None:
        if value is not None and (problem := web_address_problem(value)):
            raise ValueError(problem)
        return value

    @property
    def officers(self) -> float | None:
        """Its police officers, from its `strength` (None: the directory does not know them). The
        one place the checker's estimates and the cost plan ask how big a force is."""
        return self.strength.officers if self.strength is not None else None

    @property
    def greeting(self) -> str:
        """The name to write after "Dear"."""
        return self.salutation or self.name

    @property
    def name_in_text(self) -> str:
        """The name as it reads mid-sentence: "the Police Service of Northern Ireland"."""
        return f"the {self.name}" if self.definite else self.name

    @property
    def chief_office(self) -> str | None:
        """Its chief officer's office as a sentence names it: "the Chief Constable of Kent Police",
        "the Commissioner of Police of the Metropolis" (None: a body with no chief officer)."""
        if self.chief_officer is None:
            return None
        return self.chief_office_name or f"the {self.chief_officer} of {self.name_in_text}"


class Requester(_Model):
    """The person making a request. Personal data: kept in the local profile, never in a request."""

    name: str = ""
    email: str = ""
    postal_address: list[str] = Field(default_factory=list)
    organisation: str = ""

    # They sign every letter and head every email: a name pasted with a line break in it stays
    # one line (nothing typed is lost); an address pasted whole becomes its lines.
    @field_validator("name", "organisation")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return _LINE_BREAKS.sub(" ", INVISIBLE.sub("", value))

    @field_validator("postal_address")
    @classmethod
    def _address_lines(cls, value: list[str]) -> list[str]:
        return [INVISIBLE.sub("", line).strip() for item in value for line in re.split(r"[\r\n]+", item)
                if line.strip()]

    @property
    def is_known(self) -> bool:
        return bool(self.name.strip())

    @property
    def has_address(self) -> bool:
        return bool(self.email.strip() or any(line.strip() for line in self.postal_address))


Condition = Literal["if_yes", "if_no"]


class Part(_Model):
    """One numbered question of a request, with optional lettered sub-parts.

    `condition` says the part is asked only if the answer to its parent (for a sub-part) or to
    the part before it (for a top-level part) is yes (or no). `priority` is the user's rank for
    the cost limit: 1 is wanted most; parts without one keep their place after ranked parts.
    """

    id: str = Field(default_factory=new_id)
    text: str = ""
    subparts: list[Part] = Field(default_factory=list)
    condition: Condition | None = None
    priority: int | None = Field(default=None, ge=1)
    source: str | None = Field(default=None, description="id of the bank question it came from")
    dataset: bool = Field(default=False, description="asks for statistics or records (s11(1A))")

    @field_validator("subparts")
    @classmethod
    def _one_level(cls, subparts: list[Part]) -> list[Part]:
        for sub in subparts:
            if sub.subparts:
                raise ValueError("a sub-part cannot have sub-parts of its own (only 1, 1a, 1b …)")
        return subparts


PAST_GROUNDS = ("cost", "clarity", "personal_data", "exemption", "tone")
"""The grounds a force met a part on: the checker's categories for them."""


class PastPart(_Model):
    """What forces did with one part when the request was sent before: counts only. No campaign
    name, force or person is kept, so a shared template can carry it."""

    text: str  # the part's words as sent, fields filled in words
    sent: str = Field(default="", pattern=r"^(\d{4}-\d{2})?$", description="the month it went, YYYY-MM")
    replied: int = Field(ge=1, description="forces that answered, refused, said not held or asked what was meant")
    answered: int = Field(default=0, ge=0)
    met: dict[str, int] = Field(default_factory=dict, description="ground -> forces that met the part on it")
    sections: list[str] = Field(default_factory=list, description="the sections cited, most cited first")
    partly: int | None = Field(default=None, ge=0, description=(
        "of `answered`, the forces that answered it only in part; None: the record's format (3) kept no such count"))
    whole: dict[str, int] | None = Field(default=None, description=(
        "ground -> forces that met the whole request this part was sent in on it, counted once for the request "
        "and not in `met`; None: the record's format (3) kept no such count"))

    @field_validator("met", "whole")
    @classmethod
    def _grounds(cls, met: dict[str, int] | None) -> dict[str, int] | None:
        for ground, count in (met or {}).items():
            if ground not in PAST_GROUNDS:
                raise ValueError(f"{ground!r} is not a ground ({', '.join(PAST_GROUNDS)})")
            if count < 0:
                raise ValueError(f"a count of forces cannot be negative ({ground}: {count})")
        return met

    @model_validator(mode="after")
    def _within_replied(self) -> PastPart:
        # A count is of forces that replied: more than replied is a damaged record ("50 of the 1 force").
        counts = [("answered it", self.answered), *((f"met it on {g}", n) for g, n in self.met.items()),
                  *((f"met the whole request on {g}", n) for g, n in (self.whole or {}).items())]
        for what, count in counts:
            if count > self.replied:
                raise ValueError(f"the record of what forces did is damaged: {count} forces {what} "
                                 f"but only {self.replied} replied")
        if self.partly is not None and self.partly > self.answered:
            raise ValueError(f"the record of what forces did is damaged: {self.partly} forces answered it in part "
                             f"but only {self.answered} answered it")
        return self


class AnswerFormat(StrEnum):
    CSV = "csv"
    SPREADSHEET = "spreadsheet"
    PDF = "pdf"


class Options(_Model):
    cost_limit_clause: bool = True
    answer_format: AnswerFormat | None = None
    format_parts: list[str] = Field(
        default_factory=list, description="ids of the parts the format applies to; empty: all"
    )
    cost_limit_wording: str | None = Field(
        default=None, description="the requester's own cost-limit clause, used instead of ours"
    )
    format_wording: str | None = Field(
        default=None, description="the requester's own format sentence, used instead of ours"
    )


class Request(_Model):
    """A multi-part request, free of personal data so that it can be shared as a template."""

    schema_version: int = SCHEMA_VERSION
    kind: Literal["foi-request"] = "foi-request"
    title: str = "Untitled request"
    introduction: str | None = None
    parts: list[Part] = Field(default_factory=list)
    options: Options = Field(default_factory=Options)
    fields: dict[str, str] = Field(
        default_factory=dict, description="values for {field} placeholders, e.g. system_name"
    )
    notes: str = ""
    forces: list[str] = Field(
        default_factory=list,
        description="ids of the forces it goes to (see `foi-composer forces`), in the order chosen",
    )
    past: list[PastPart] = Field(
        default_factory=list,
        description="what forces did with its parts when it was sent before (a shared template's record)",
    )

    @field_validator("schema_version")
    @classmethod
    def _read_as_current(cls, version: int) -> int:
        # Files newer than this app are refused before validation (storage.parse_model); an older
        # one needs nothing more than the defaults, and is written back in the current format.
        return SCHEMA_VERSION

    @field_validator("forces")
    @classmethod
    def _force_ids(cls, forces: list[str]) -> list[str]:
        ids: list[str] = []
        for force in forces:
            key = force.strip().lower()
            if not re.match(FORCE_ID, key):
                raise ValueError(f"{force!r} is not a force id (lower-case letters, digits and _)")
            if key not in ids:
                ids.append(key)
        return ids

    @model_validator(mode="after")
    def _ids_unique(self) -> Request:
        seen: set[str] = set()
        for part in self.all_parts():
            if part.id in seen:
                raise ValueError(f"two parts share the id {part.id!r}")
            seen.add(part.id)
        return self

    def all_parts(self) -> Iterator[Part]:
        """Every part and sub-part, in outline order."""
        for part in self.parts:
            yield part
            yield from part.subparts

    def find(self, part_id: str) -> Part | None:
        return next((p for p in self.all_parts() if p.id == part_id), None)

    def ordered_parts(self) -> list[Part]:
        """Top-level parts in the order a force will read them: by priority, then outline order."""
        ranked = sorted(
            enumerate(self.parts),
            key=lambda item: (item[1].priority is None, item[1].priority or 0, item[0]),
        )
        return [part for _, part in ranked]

    def numbered(self, ordered: bool = True) -> list[NumberedPart]:
        """Parts with their numbers as the force will read them (1, 1a, 1b, 2 …)."""
        out: list[NumberedPart] = []
        top = self.ordered_parts() if ordered else list(self.parts)
        for i, part in enumerate(top, start=1):
            out.append(NumberedPart(str(i), part, None))
            for j, sub in enumerate(part.subparts):
                out.append(NumberedPart(f"{i}{letter(j)}", sub, part))
        return out

    def number_of(self, part_id: str, ordered: bool = True) -> str | None:
        return next((n.number for n in self.numbered(ordered) if n.part.id == part_id), None)


@dataclass(frozen=True)
class NumberedPart:
    number: str
    part: Part
    parent: Part | None

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else 1


# Invisible characters a web page, PDF or email carries along: text direction marks and overrides
# (which make Word print a word backwards), soft hyphens, zero-width spaces and word joiners. The
# zero-width joiner (U+200D) is not among them: it holds emoji together.
INVISIBLE = re.compile("[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def one_line(text: str) -> str:
    """`text` as one line of visible words: invisible characters dropped, every run of spaces,
    tabs and line breaks one space (a reference or a name pasted from an email)."""
    return " ".join(INVISIBLE.sub("", text).split())


def counted(n: int, noun: str) -> str:
    """`1 force`, `49 forces`: a count and its noun, as a sentence says it."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def joined(words) -> str:
    """Words as a sentence lists them: "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def letter(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: the letters of sub-parts."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


FIELD_PATTERN = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def fill_fields(text: str, values: dict[str, str]) -> str:
    """Replace `{name}` placeholders with values; unknown ones are left as typed for the checker."""
    return FIELD_PATTERN.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def unfilled_fields(text: str, values: dict[str, str]) -> list[str]:
    return [name for name in FIELD_PATTERN.findall(text) if name not in values]
