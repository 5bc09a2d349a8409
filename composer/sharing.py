"""Cleaning a request for sharing: the requester's personal data is found and replaced.

A request is meant to hold no personal data, but people type their name into a title, their
phone number into an introduction, their address into a field. `strip_personal_data` looks for
the profile's own details (full name; surname after a title or an initial, "Ms Doe", "J. Doe";
the first name alone where it is not also a common word; email; each address line and the street
without its number; organisation) and for anyone's email address, UK phone number in any of its
written forms, and postcode in any case. It looks in the title, introduction, parts, the
options' own wording, the fields' names and values, and drops the private notes. It returns the
cleaned copy and a list saying what it removed and where.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from composer.model import FIELD_PATTERN, Request, Requester

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts only at a word
_SEP = r"[\s.\-()]{0,3}"
_PHONE = re.compile(  # 0121 496 0000, (0121) 496-0000, +44 (0)121 …, 0044 121 …, 07700900123
    r"(?<![\w+])(?:(?:\+|\b00)\s*44" + _SEP + r"(?:\(\s*0\s*\)" + _SEP + r")?|\(?\s*0)"
    r"(?:\d" + _SEP + r"){8,9}\d(?!\d)"
)
_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)
_ORDINALS = {"st", "nd", "rd", "th"}  # "3 2nd" is not a postcode
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Rev|Revd|Cllr)"
_STREET_WORDS = {"street": "st", "road": "rd", "avenue": "ave", "lane": "ln", "drive": "dr",
                 "close": "cl", "crescent": "cres", "place": "pl", "square": "sq",
                 "terrace": "terr", "gardens": "gdns", "court": "ct", "grove": "gr"}
# First names that are also ordinary words in a request: alone, they are left as they are.
COMMON_WORDS = {
    "will", "mark", "grace", "hope", "faith", "joy", "rose", "may", "june", "april", "august",
    "dawn", "summer", "autumn", "bill", "sue", "pat", "art", "frank", "rich", "guy", "jack",
    "bob", "pip", "sunny", "iris", "ivy", "holly", "hazel", "heather", "amber", "ruby",
    "crystal", "glen", "dale", "lane", "gene", "chase", "hunter", "reed", "robin", "wade",
    "max", "drew", "rob", "ray", "don", "ben", "al", "ed", "jo", "les", "di", "page", "victor",
    "noble", "constance", "prudence", "patience", "justice", "sterling", "miles", "norman",
}


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s_.,\-]+", text.strip()) if w]


def _flexible(words: list[str]) -> str:
    """The words in order, whatever spaces, dots, hyphens or underscores stand between them."""
    return r"[\s_.\-]+".join(re.escape(w) for w in words)


def _street(line: str) -> str:
    """An address line with its street word matching the word or its abbreviation."""
    out = []
    for word in _words(line):
        long = word.lower()
        short = _STREET_WORDS.get(long) or (long if long in _STREET_WORDS.values() else None)
        if short:
            full = next(k for k, v in _STREET_WORDS.items() if v == short)
            out.append(f"(?:{re.escape(full)}|{re.escape(short)}\\.?)")
        else:
            out.append(re.escape(word))
    return r"[\s_.,\-]+".join(out)


def _patterns(requester: Requester | None) -> list[tuple[re.Pattern, str, str]]:
    """(pattern, placeholder, what) in the order they are applied: the profile's own details
    first, then anyone's."""
    found: list[tuple[re.Pattern, str, str]] = []

    def add(regex: str, placeholder: str, what: str, flags: int = re.IGNORECASE) -> None:
        # bounded by anything but a letter, digit or @: "_" separates words in a field's name
        found.append((re.compile(rf"(?<![^\W_])(?<!@){regex}(?![^\W_])(?!@)", flags),
                      placeholder, what))

    if requester is not None:
        if requester.email.strip():
            add(re.escape(requester.email.strip()), "[your email]", "your email")
        names = [n for n in requester.name.split()
                 if not re.fullmatch(_TITLES + r"\.?", n, re.IGNORECASE)]
        if names:
            add(_flexible(_words(" ".join(names))), "[your name]", "your name")
        if len(names) >= 2:
            surname = _flexible(_words(names[-1]))  # "Doe-Smith", "Doe Smith", "doe_smith"
            add(rf"{_TITLES}\.?\s+(?:[A-Z]\.?\s+)*{surname}", "[your name]", "your name")
            add(rf"{re.escape(names[0][0])}\.?\s+{surname}", "[your name]", "your name")
        first = names[0] if names else ""
        if len(first) >= 2 and first.lower() not in COMMON_WORDS:
            # alone, only as a name is written: capitalised or in capitals
            add(rf"(?:{re.escape(first.capitalize())}|{re.escape(first.upper())})",
                "[your name]", "your name", 0)
        for line in requester.postal_address:
            if not line.strip() or _POSTCODE.fullmatch(line.strip()):
                continue
            add(_street(line), "[your address]", "your address")
            words = _words(line)
            if len(words) >= 3 and words[0][:1].isdigit():  # "High Street" without its number
                add(_street(" ".join(words[1:])), "[your address]", "your address")
        if requester.organisation.strip():
            add(_flexible(_words(requester.organisation)), "[your organisation]",
                "your organisation")
    return found


def _postcode(match: re.Match) -> str:
    inward = match.group(2)
    if inward[1:].lower() in _ORDINALS and not match.group(0).isupper():
        return match.group(0)
    return "[postcode]"


class _Scrubber:
    def __init__(self, requester: Requester | None) -> None:
        self.patterns = _patterns(requester)
        self.removed: list[str] = []

    def __call__(self, text: str, where: str) -> str:
        kinds: list[str] = []

        def replace(pattern: re.Pattern, placeholder: str | Callable[[re.Match], str],
                    what: str, text: str) -> str:
            def one(match: re.Match) -> str:
                out = placeholder(match) if callable(placeholder) else placeholder
                if out != match.group(0) and what not in kinds:
                    kinds.append(what)
                return out
            return pattern.sub(one, text)

        for pattern, placeholder, what in self.patterns:
            text = replace(pattern, placeholder, what, text)
        text = replace(_EMAIL, "[email address]", "an email address", text)
        text = replace(_PHONE, "[phone number]", "a phone number", text)
        text = replace(_POSTCODE, _postcode, "a postcode", text)
        self.removed.extend(f"{what} in {where}" for what in kinds)
        return text


def strip_personal_data(request: Request, requester: Requester | None) -> tuple[Request, list[str]]:
    """A copy of `request` fit to share, and what was removed from where."""
    scrub = _Scrubber(requester)
    data = request.model_copy(deep=True)
    if data.notes:
        scrub.removed.append("private notes")
        data.notes = ""
    renamed: dict[str, str] = {}
    fields: dict[str, str] = {}
    for key, value in data.fields.items():
        clean_key = scrub(key, f"the name of field {len(fields) + 1}")
        if clean_key != key or clean_key in fields or clean_key in renamed.values():
            clean_key = f"field_{len(fields) + 1}"
            renamed[key] = clean_key
        fields[clean_key] = scrub(value, f"field {clean_key}")

    def text(value: str, where: str) -> str:
        value = FIELD_PATTERN.sub(lambda m: "{" + renamed.get(m.group(1), m.group(1)) + "}", value)
        return scrub(value, where)

    data.title = text(data.title, "the title") or "Untitled request"
    if data.introduction:
        data.introduction = text(data.introduction, "the introduction")
    for number in data.numbered(ordered=False):
        number.part.text = text(number.part.text, f"part {number.number}")
    if data.options.cost_limit_wording:
        data.options.cost_limit_wording = text(data.options.cost_limit_wording,
                                               "your cost-limit wording")
    if data.options.format_wording:
        data.options.format_wording = text(data.options.format_wording, "your format wording")
    data.fields = fields
    return data, scrub.removed
