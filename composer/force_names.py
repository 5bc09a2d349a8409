"""The one force-name detector: where a text names a police force, or a system of one force.

The names come from the force directory (`resources/forces.json`): each force's name, its short
name (an abbreviation in capitals such as MPS or WMP is matched as written; a place name such as
"Dyfed-Powys" is matched with "Police" or "Constabulary" after it), and its `aliases`. A leading
"the" and a possessive "'s" are part of a mention, so that a caller replacing it can write the
right grammar for another force. The checker, the letters and the importer all ask this module,
so they can never disagree about whether a text names a force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from composer.model import Force, ForceKind

# A force's name inside the name of another body is not the force: "West Midlands Police and
# Crime Commissioner", "Police Scotland Federation".
# A bare area name ("Avon and Somerset") is not the force either when such words follow "Police".
_NOT_THE_FORCE = (r"(?!\s+(?:(?:police|constabulary)\s+)?"
                  r"(?:and\s+crime|federation|authority|and\s+fire|fire\b|widows))")
_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z]{2,6})\s*\)")
_AMPERSAND = re.compile(r"\s*&\s*")


@dataclass(frozen=True)
class Mention:
    """A force named in a text: `start:end` covers a leading "the" and a trailing "'s"."""

    force_id: str
    start: int
    end: int
    said: str  # the text as written, e.g. "the MPS" or "West Midlands Police’s"
    article: bool  # began with "the"
    possessive: bool  # ended with "'s"

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def field(self) -> str:
        """The `{field}` that names the letter's own force in the same grammar."""
        return "{force_name_possessive}" if self.possessive else "{force_name}"


@dataclass(frozen=True)
class SystemMention:
    """A product or list that belongs to one force, named in a text ("the V100 programme")."""

    force_id: str
    start: int
    end: int
    said: str


@dataclass(frozen=True)
class _Patterns:
    names: re.Pattern[str]  # case-insensitive; a match must have a capital in it
    acronyms: re.Pattern[str]  # case-sensitive
    systems: re.Pattern[str] | None
    ids: dict[str, str]  # lower-cased name or acronym as written -> force id
    system_ids: dict[str, str]
    exact_systems: dict[str, str]  # systems named in capitals, matched only as written
    needles: tuple[str, ...]  # a text without any of these names no force


def _directory_forces() -> tuple[Force, ...]:
    from composer.forces import load_directory

    return load_directory().forces


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return build_patterns(_directory_forces())


def build_patterns(forces: tuple[Force, ...]) -> _Patterns:
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    systems: dict[str, str] = {}
    for force in forces:
        for said in names_of(force):
            if said.isupper():
                acronyms.setdefault(said, force.id)
            else:
                names.setdefault(_key(said), force.id)
        for system in force.systems:
            systems.setdefault(system.lower(), force.id)
    ordered = sorted(names, key=len, reverse=True)  # longest first: "metropolitan police service"
    name_re = re.compile(
        r"(?<![\w-])(?:" + "|".join(_spaced(n) for n in ordered) + r")(?![\w-])" + _NOT_THE_FORCE,
        re.IGNORECASE,
    )
    acr_re = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    sys_re = None
    if systems:
        sys_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(systems, key=len, reverse=True))
            + r")(?![\w-])",
            re.IGNORECASE,
        )
    needles = {"polic", "constab"} | {a.lower() for a in acronyms}
    needles |= {n.split(" and ")[0] for n in names if "polic" not in n and "constab" not in n}
    needles |= set(systems)
    exact = {s.lower(): s for f in forces for s in f.systems if s.isupper()}
    return _Patterns(name_re, acr_re, sys_re, names | acronyms, systems, exact, tuple(sorted(needles)))


def names_of(force: Force) -> list[str]:
    """Every name the detector knows a force by, as written: its name; its short name, in capitals
    as it is (MPS) or a place with "Police" and "Constabulary" after it ("Kent Police", "Kent
    Constabulary"); and its aliases, without a leading "the"."""
    said = [force.name]
    short = force.short_name
    if short.isupper() or _key(short) == _key(force.name):
        said.append(short)
    else:
        said += [short + " Police", short + " Constabulary"]
    said += [alias[4:] if alias.lower().startswith("the ") else alias for alias in force.aliases]
    return list(dict.fromkeys(said))


def key_of(said: str) -> str:
    """A name as typed, made comparable with `names_of`: lower case, single spaces, "&" read as
    "and", no leading "the" ("the  Met" and "Met" are one key; "Avon & Somerset" is "avon and somerset")."""
    key = _key(said)
    return key[4:] if key.startswith("the ") else key


def _spaced(name: str) -> str:
    """A name as a pattern: any run of spaces between its words, and "&" for a joining "and"
    ("Avon & Somerset Police", "Devon &Cornwall")."""
    return r"(?:\s+and\s+|\s*&\s*)".join(re.escape(part).replace(r"\ ", r"\s+") for part in name.split(" and "))


def _key(said: str) -> str:
    """The directory's key for a name as written: lower case, single spaces, "&" read as "and"."""
    return " ".join(_AMPERSAND.sub(" and ", said.lower()).split())


def _widen(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """Take in a "the" before and a "'s" after the name."""
    article = False
    before = text[max(0, start - 4):start]
    if before.lower() == "the " and (start - 4 == 0 or not text[start - 5].isalnum()):
        start -= 4
        article = True
    possessive = False
    m = _POSSESSIVE.match(text, end)
    if m:
        end = m.end()
        possessive = True
    return start, end, article, possessive


@lru_cache(maxsize=2048)
def find_forces(text: str) -> tuple[Mention, ...]:
    """Every force named in `text`, in order. "Metropolitan Police Service (MPS)" is one mention.

    Kept by text (mentions are frozen, the directory is read once): on each keystroke the
    checker and the preview ask again about every part, and only the typed one is new."""
    if not text:
        return ()
    pats = _patterns()
    low = text.lower()
    if not any(n in low for n in pats.needles):
        return ()
    raw: list[tuple[int, int, str]] = []
    for m in pats.names.finditer(text):
        said = m.group(0)
        if not any(c.isupper() for c in said):  # "the met" in running text is not the Met
            continue
        raw.append((m.start(), m.end(), pats.ids[_key(said)]))
    for m in pats.acronyms.finditer(text):
        raw.append((m.start(), m.end(), pats.ids[m.group(0)]))
    raw.sort()
    out: list[Mention] = []
    last_end = -1
    for start, end, force_id in raw:
        if start < last_end:
            continue  # inside a longer name already found
        paren = _ACRONYM_AFTER.match(text, end)
        if paren and pats.ids.get(paren.group(1)) == force_id:
            end = paren.end()  # "Metropolitan Police Service (MPS)"
        s, e, article, possessive = _widen(text, start, end)
        out.append(Mention(force_id, s, e, text[s:e], article, possessive))
        last_end = e
    return tuple(out)


def find_systems(text: str) -> tuple[SystemMention, ...]:
    """Systems that belong to one force ("V100", "Gangs Violence Matrix") named in `text`."""
    pats = _patterns()
    if not text or pats.systems is None:
        return ()
    low = text.lower()
    if not any(s in low for s in pats.system_ids):
        return ()
    out = []
    for m in pats.systems.finditer(text):
        said = m.group(0)
        if said.lower() in pats.exact_systems and said not in pats.exact_systems[said.lower()]:
            continue  # "HART" is a system, "Hart" a place
        if any(c.isupper() or c.isdigit() for c in said):
            out.append(SystemMention(pats.system_ids[said.lower()], m.start(), m.end(), said))
    return tuple(out)


def named_forces(text: str) -> tuple[tuple[str, tuple[int, int]], ...]:
    """Forces named in `text`, as (force id, span), in order of appearance."""
    return tuple((m.force_id, m.span) for m in find_forces(text))


@lru_cache(maxsize=1)
def force_acronyms() -> frozenset[str]:
    """Short names written in capitals (MPS, WMP, PSNI …): every FOI officer knows them."""
    forces = _directory_forces()
    return frozenset(
        [f.short_name for f in forces if f.short_name.isupper()]
        + [a for f in forces for a in f.aliases if a.isupper()]
    )


def force_by_id(force_id: str) -> Force | None:
    """The directory's force of that id (the directory is read once and kept while its files stay
    as they are: see `composer.forces.load_directory`)."""
    from composer.forces import load_directory

    return load_directory().by_id.get(force_id)


# What a force's name says about where it polices: "Greater Manchester Police" polices Greater Manchester,
# "Police Scotland" Scotland. Only territorial forces are: the national forces are named for what they
# guard (British Transport Police) and the oversight bodies police nowhere.
_FORCE_WORD = re.compile(r"^(?:the\s+)?(?:police\s+service\s+(?:of|for)\s+|police\s+)|\s+(?:police(?:\s+service)?|constabulary)$",
                         re.IGNORECASE)


@lru_cache(maxsize=1)
def force_areas() -> frozenset[str]:
    """The places the territorial forces are named for, lower-cased ("greater manchester", "thames valley",
    "scotland"): a request that names one names a whole force area, not a place within it."""
    areas: set[str] = set()
    for force in _directory_forces():
        if force.kind is not ForceKind.TERRITORIAL:
            continue
        named = [name for name in (force.name, *force.aliases) if _FORCE_WORD.search(name)]
        places = [_FORCE_WORD.sub("", name).strip() for name in named]
        if not force.short_name.isupper():
            places.append(force.short_name)  # "Cheshire", "Thames Valley"
        areas.update(place.lower() for place in places if place)
    return frozenset(areas)
