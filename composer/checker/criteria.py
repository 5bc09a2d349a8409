"""Placing a count's criteria against what police systems code.

A part that asks for a count or a list of records narrows and splits them by criteria: "by month and
ward", "where the victim was asleep", "involving scaffolding", "by the colour of the frame". A query
can count by a criterion only when a field of the record holds it. `resources/coded.toml` lists, for
each kind of record, the fields the national data standards fix and the values they take (a closed
world: what IS coded); a criterion that names something concrete and matches none of them is found
only by a person reading each record's text. Nobody has to have listed the criterion's own words
for it to be read so: that is the point of listing the other side.

`unplaced(low, record)` gives the first such criterion in a part's lower-cased text, or None.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from composer import paths
from composer.checker import knowledge, patterns
from composer.checker.knowledge import RecordType
from composer.errors import FileProblem

CODED_PATH = paths.RESOURCES / "coded.toml"


@dataclass(frozen=True, slots=True)
class Placed:
    """A criterion as the part words it, and what in it no field holds."""

    words: str  # the criterion, as written ("by the colour of the frame")
    uncoded: tuple[str, ...]  # its words that no field of the record holds ("colour", "frame")
    property: bool  # it asks about a property of a thing (a colour, a make, what someone wore)


def _term(term: str) -> str:
    """A regular expression for one plain term: spaces and hyphens alike, a plural allowed, and a
    trailing "*" for any ending."""
    stem = term.endswith("*")
    words = re.split(r"[\s-]+", term.rstrip("*").lower())
    body = r"[\s-]+".join(re.escape(w) for w in words)
    return r"\b" + body + (r"[\w'-]*" if stem else r"(?:e?s)?\b")


def _alternation(terms) -> str:
    ordered = sorted(set(terms), key=len, reverse=True)
    return "|".join(_term(t) for t in ordered)


class _Compiled(dict):
    """Each kind of record's fields as one pattern, compiled the first time a part asks about that kind
    of record: the twelve patterns are some 17,000 characters each, and compiling them all took 0.2 s
    of the start of every command that checks (`check`, `export`, `order`), whichever records it met."""

    def __init__(self, patterns: dict[str, str]) -> None:
        super().__init__()
        self._patterns = patterns

    def __contains__(self, rid: object) -> bool:
        return rid in self._patterns

    def __missing__(self, rid: str) -> re.Pattern[str]:
        found = self[rid] = re.compile(self._patterns[rid])
        return found


def _load() -> tuple[frozenset[str], frozenset[str], dict[str, re.Pattern[str]]]:
    try:
        with open(CODED_PATH, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FileProblem(f"{CODED_PATH}: the checker's data cannot be read ({exc}); restore it from the "
                          "project") from exc
    try:
        words = data["words"]
        generic = frozenset(w.lower() for w in words["generic"])
        properties = frozenset(w.lower() for w in words["properties"])
        universal: list[str] = []
        per_record: dict[str, list[str]] = {}
        for field in data["field"]:
            if not field.get("sources"):
                raise KeyError(f"field {field.get('name', '?')!r} has no sources")
            for rid in field["records"]:
                if rid != "*" and rid not in knowledge.RECORD_BY_ID:
                    raise KeyError(f"field {field['name']!r} names an unknown record {rid!r}")
                (universal if rid == "*" else per_record.setdefault(rid, [])).extend(field["terms"])
        coded = _Compiled({rid: _alternation(terms + universal) for rid, terms in per_record.items()})
    except (KeyError, TypeError, AttributeError) as exc:
        raise FileProblem(f"{CODED_PATH}: malformed ({exc})") from exc
    return generic, properties, coded


GENERIC, PROPERTIES, CODED = _load()

# Where a criterion starts. Breakdowns: "broken down by", "by", "per", "according to", "for each".
# Filters: "where …", "in which …", "involving …", "who were …", "because of …", "with a …",
# "wearing …", and the thing taken in a theft ("thefts of …", "how many … were stolen").
_START = re.compile(
    r"\b(?:broken\s+down|break\s*(?:it|this|these|them|that)?\s*down|breakdown|split|separated|categori[sz]ed|"
    r"disaggregated|analysed|grouped|sorted)\s+(?:by|into|according\s+to|in\s+terms\s+of|per)\s+(?:the\s+|their\s+|its\s+)?"
    # not "by implementing" (a means), nor "by 'screened out', I mean" (a definition)
    # nor "by how much", "by way of", nor who acted ("by a superintendent", "by your officers")
    r"|\b(?:by|per|according\s+to)\s+(?!\w+ing\b|['\"‘“]|(?:how|what|which|whom|much|far)\b|(?:way|means|virtue|use)\s+of\b"
    r"|an?\s|(?:your|the|its|our)\s+(?:own\s+)?(?:police\s+)?officers\b)"
    r"(?:the\s+|their\s+|its\s+)?"
    r"|\b(?:where(?:by)?|in\s+which(?!\s+case\b))\s+(?=(?:the|a|an|their|his|her|its|they|he|she|it|there)\b)"
    r"|\binvolv(?:ing|ed|es|e)\s+"
    r"|\bwho\s+(?:were|was|are|is|had|have|has)\s+(?!been\b)"
    # how the person lived or worked ("who lived alone", "who worked as a carer"): a circumstance of theirs
    r"|\bwho\s+(?:lived?|lives|worked|works|slept|sleeps|stayed|owned|owns|drove|rode|travelled)\s+"
    r"|\b(?:because\s+of|due\s+to|as\s+a\s+(?:direct\s+)?result\s+of|motivated\s+by|caused\s+by|linked\s+to|"
    r"connected\s+(?:to|with)|associated\s+with)\s+"
    r"|\b(?:committed|carried\s+out|caused|done|made)\s+(?:with|using)\s+"
    r"|\b(?:wearing|carrying|whilst|while)\s+"
    r"|\b(?:people|persons|individuals|victims|suspects|offenders|children|adults|men|women|drivers|those|detainees)\s+"
    r"(?:with|who\s+ha(?:ve|d)|suffering\s+from|diagnosed\s+with)\s+(?:an?\s+|the\s+)?"
    r"|\b(?:thefts?|robber(?:y|ies)|seizures?|losses)\s+of\s+(?:a\s+|an\s+)?"
    r"|\b(?:relating\s+to|in\s+relation\s+to|in\s+connection\s+with|concern(?:ed|ing))\s+"
    r"|\b(?:took\s+place|happened|occurred)\s+(?:on|in|at|inside|aboard|outside|near|around|behind|opposite)\s+"
    r"|\bwhat\s+(?:was|were|is|are)\s+(?:the\s+)?(?=[\w\s'-]{2,40}\s+of\s+(?:each|every|them|these|those|the)\b)"
    # what money went on: an expense type is a field of the ledger, a thing bought is an invoice's line
    r"|\b(?:spen[dt]|spending|expenditure|paid\s+out|money)\s+(?:\w+\s+)?(?:on|for)\s+(?!each\b|every\b)(?:the\s+|any\s+)?"
    r"|\bpurchases?\s+of\s+(?:the\s+|any\s+)?"
    r"|\b(?:crimes?|offen[cs]es?|assaults?|attacks?|violence|abuse|hate\s+crimes?)\s+(?:committed\s+)?(?:against|on)\s+(?:the\s+)?")
# The people or things counted, named before what happened to them: "how many students were
# arrested", "how many catalytic converters were stolen", "how many catalytic converter thefts".
_SUBJECT = re.compile(r"\b(?:how\s+many|numbers?\s+of)\s+(?P<x>(?:[a-z][\w'-]*\s+){0,3}?[a-z][\w'-]*)\s+(?:were|have\s+been|was|had\s+been)\s+"
                      r"(?:reported\s+)?(?:as\s+)?(?:stolen|seized|lost|recovered|damaged|arrested|stopped|searched|detained|"
                      r"charged|cautioned|summonsed|tasered|restrained|handcuffed|injured|killed|assaulted|attacked|"
                      r"victims?)\b"
                      r"|\b(?:how\s+many|numbers?\s+of)\s+(?P<y>(?:[a-z][\w'-]*\s+){0,2}?[a-z][\w'-]*)\s+(?:thefts?|crimes?|"
                      r"offen[cs]es?|incidents?|assaults?|attacks?|robber(?:y|ies)|burglar(?:y|ies)|arrests?|collisions?)\b")
# Where a criterion ends: a mark, or the period it is asked over.
_END = re.compile(r"[.;:?!()\n\"]|,\s*(?=(?:and|or)?\s*(?:how|what|which|please|in|for|from|between|since|during|over|"
                  r"broken|split|by|per)\b)|\s(?:for|from|between|since|during|over|in|within|across)\s+(?:the\s+)?"
                  r"(?:(?:last|past|previous|period|calendar|financial|years?|months?|each|every|" + patterns.MONTH_WORD
                  + r")\w*\b|(?:19|20)\d\d\b|\d{1,2}(?:st|nd|rd|th)?\s)"
                  r"|\s(?:and|or)\s+(?:how|what|which|whether|please)\b|\s(?:in\s+order|so\s+as)?\s*to\s+(?:make|carry|conduct|"
                  r"undertake|access|use|be|do|get|take|run|search|check|view|see|obtain|provide)\b|\s(?:were|was|are|is|have|has|had)\s+(?:been\s+)?"
                  r"(?:recorded|reported|logged|made|carried|received|committed|dealt|seen|used|held|conducted)\b")
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|or)(?:\s+|$)|\s*/\s*|\s*&\s*")
_WORD = re.compile(r"[a-z]+")
MAX_CRITERION = 90  # characters: longer than this, it is a clause of its own, not a criterion
MAX_ITEM_WORDS = 5  # a breakdown after the first in a list ("by month, ward and the victim's age")


def _items(low: str) -> list[tuple[str, bool]]:
    """The criteria in `low`, each with whether it is a list of breakdowns (split into items)."""
    found: list[tuple[str, bool]] = []
    for match in _START.finditer(low):
        rest = low[match.end():match.end() + MAX_CRITERION]
        end = _END.search(rest)
        clause = rest[:end.start()] if end else rest
        if not clause.strip():
            continue
        listing = match.group(0).lstrip().startswith(("by", "per", "according", "broken", "break", "split",
                                                      "separated", "categor", "disaggregated", "analysed",
                                                      "grouped", "sorted"))
        found.append((clause.strip(), listing))
    for match in _SUBJECT.finditer(low):
        found.append(((match.group("x") or match.group("y")).strip(), True))
    return found


def _spans(text: str, coded: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where in `text` a coded field or value, a dimension or a kind of record is named."""
    spans = [m.span() for m in coded.finditer(text)]
    for dim in knowledge.DIMENSIONS.values():
        spans += [m.span() for m in dim.pattern.finditer(text)]
    for record in knowledge.RECORDS:
        if record.id != "unknown_records":
            spans += [m.span() for m in record.pattern.finditer(text)]
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _concrete_words(words: str, coded: re.Pattern[str]):
    """Each word of `words` that is not a generic one, with whether a coded field or value, a
    dimension or a kind of record names it."""
    text = words.replace("'s ", " ").replace("’s ", " ")
    spans = _spans(text, coded)
    for token in _WORD.finditer(text):
        word = token.group(0)
        if word in GENERIC or len(word) < 3:
            continue
        yield word, _inside(token.start(), token.end(), spans)


def _place(words: str, coded: re.Pattern[str], names: frozenset[str]) -> Placed | None:
    """`words` placed against `coded`: None when it names nothing concrete, or every concrete word
    in it is held by a field. Words in `names` (written with a capital inside a sentence: a force,
    a place, an organisation) name who or where, not a property."""
    uncoded: list[str] = []
    covered = False
    for word, held in _concrete_words(words, coded):
        if held:
            covered = True
        elif not (word.rstrip("s") in GENERIC or word in names):
            uncoded.append(word)
    if not uncoded:
        return None
    prop = any(w in PROPERTIES or w.rstrip("s") in PROPERTIES for w in uncoded)
    if covered and not prop:
        return None  # part of it is coded: the force may count by that part (a note at most)
    return Placed(words, tuple(uncoded), prop)


def _criterion(words: str, listing: bool, coded: re.Pattern[str], names: frozenset[str]) -> Placed | None:
    if re.search(r"\d", words) and not re.search(r"[a-z]{4,}", words):
        return None  # "by 2023", "per 1,000 people"
    pieces = [p for p in _ITEM_SPLIT.split(words) if p.strip()] if listing else [words]
    for number, piece in enumerate(pieces):
        if number and len(piece.split()) > MAX_ITEM_WORDS:
            break  # "by offence, along the lines of …": the list has ended and a sentence goes on
        found = _place(piece, coded, names)
        if found is not None:
            return found
    return None


_PLACED: patterns.Memo = patterns.memo(4096)


def coded(words: str, record: RecordType | None) -> bool:
    """Whether every concrete word of the criterion `words` (lower-cased) is a field or value that
    `record`'s data standard codes (False when the checker has no list of its fields)."""
    if record is None or record.id not in CODED:
        return False
    named = False  # a coded value is named at all: a criterion of generic words alone is not known to be coded
    for word, held in _concrete_words(words, CODED[record.id]):
        if word.rstrip("s") in GENERIC:
            continue
        if not held:
            return False
        named = True
    return named


# A word with a capital after another word, not after a sentence's end: a name.
_NAME = re.compile(r"(?<=[\w,)'’] )[A-Z][\w'’-]*")


def unplaced(text: str, record: RecordType | None, breakdown: bool = False) -> Placed | None:
    """The first criterion in `text` that names something no field of `record` holds, or None
    (also when the checker has no list of `record`'s fields). With `breakdown`, the whole text is
    one breakdown of a list ("the colour of the bicycle" under "broken down by:")."""
    if record is None or record.id not in CODED:
        return None
    return _PLACED.recall((text, record.id, breakdown), _unplaced, text, record.id, breakdown) or None


# A sentence that says what a word means ("By X, I mean cases where …") defines, it does not filter.
_DEFINITION = re.compile(r"[^.?!\n]*\b(?:(?:i|we)\s+mean|(?:is|are)\s+defined\s+as|definition\s+of)\b[^.?!\n]*",
                         re.IGNORECASE)


def _unplaced(text: str, rid: str, breakdown: bool):
    coded = CODED[rid]
    if "mean" in text or "defin" in text:
        text = _DEFINITION.sub(" ", text)
    low = text.lower()
    names = frozenset(w.lower() for w in _NAME.findall(text)) if not text.isupper() else frozenset()
    whole: list[tuple[int, int]] | None = None
    items = _items(low)
    if breakdown:
        items.insert(0, (re.sub(r"^\W*(?:[a-z0-9]{1,3}[.)]\s*)?", "", low).strip(" .;:?"), True))
    for words, listing in items:
        found = _criterion(words, listing, coded, names)
        if found is None:
            continue
        # Words cut from a coded value's name ("crimes against | society" in "miscellaneous crimes
        # against society") are that value's: placed when every use of them in the part is inside one.
        whole = _spans(low, coded) if whole is None else whole
        if all(all(_inside(m.start(), m.end(), whole) for m in re.finditer(r"\b" + re.escape(word) + r"\b", low))
               for word in found.uncoded):
            continue
        return found
    return False  # remembered as "none" (a memo keeps no None)
