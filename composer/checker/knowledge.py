"""What the checker knows about police records and sensitive subjects, from `resources/`.

- `resources/holdings.toml`: per kind of record, the system it lives in, what a query can count,
  what only a reader finds, yearly volumes, since when it is searchable, minutes per record.
- `resources/sensitive.toml`: subjects forces withhold or neither confirm nor deny, with the
  guidance and decisions they rest on.

Both are read once, at import; a file that cannot be read is reported in one line.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass

from composer import paths
from composer.errors import FileProblem

HOLDINGS_PATH = paths.RESOURCES / "holdings.toml"
SENSITIVE_PATH = paths.RESOURCES / "sensitive.toml"


@dataclass(frozen=True)
class Dimension:
    id: str
    pattern: re.Pattern[str]
    categories: int
    kind: str  # "people", "place", "time" or "other"


@dataclass(frozen=True)
class Publication:
    """Where figures are routinely published, and the nations whose forces it covers."""

    id: str
    name: str
    covers: frozenset[str]  # Nation values: "england", "wales", "scotland", "northern-ireland", "uk"
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RecordType:
    id: str
    label: str
    pattern: re.Pattern[str]
    system: str
    countable: frozenset[str]
    free_text: re.Pattern[str] | None
    yearly_small: int
    yearly_large: int
    electronic_from: int
    minutes: float
    people: bool
    sensitivity: str
    published: tuple[Publication, ...]
    sources: tuple[str, ...]
    generic: bool = False
    roles: tuple[str, ...] = ()  # the people a record names, when there are several
    not_held: frozenset[str] = frozenset()  # breakdowns it holds nowhere: "not held", not hours
    motive: frozenset[str] = frozenset()  # breakdowns that, said bare, are the motive a flag records (one field)
    current_only: bool = False  # keeps what is true now: a past date is rebuilt record by record
    subsets: tuple[tuple[re.Pattern[str], float], ...] = ()  # a population within it, and its share
    link: bool = False  # records about people that other records are checked against one by one
    includes: frozenset[str] = frozenset()  # other kinds of record it carries as fields
    field_since: tuple[tuple[str, int], ...] = ()  # breakdowns recorded only from a later year, and that year
    later: re.Pattern[str] | None = None  # later stages of each record's case held in another system
    coded_since: tuple[int, re.Pattern[str]] | None = None  # details of `free_text` a field has held from a year
    counted: re.Pattern[str] | None = None  # words naming it as the thing counted, over any other kind named

    def since(self, dimension: str) -> int:
        """The year from which forces hold `dimension` of this record in a field they can count."""
        return max([self.electronic_from, *(year for key, year in self.field_since if key == dimension)])

    def share_named(self, low: str) -> float | None:
        """The share of this record's yearly volume that the population `low` names is, if it names
        one of its subsets (the first listed that matches)."""
        for pattern, share in self.subsets:
            if pattern.search(low):
                return share
        return None

    def published_for(self, nation: str | None) -> tuple[Publication, ...]:
        """The publications that cover a force of `nation` (None: those covering England, where
        most forces are)."""
        nation = nation or "england"
        return tuple(pub for pub in self.published if nation in pub.covers)

    def yearly_for(self, officers: float | None) -> float:
        """Records a year in a force of `officers` (None: a middling force), interpolated between
        the small and the large force's volumes by size, in proportion to officers beyond them."""
        if officers is None:
            return float(self.yearly)
        if officers <= SMALL_OFFICERS:
            return self.yearly_small * officers / SMALL_OFFICERS
        if officers >= LARGE_OFFICERS:
            return self.yearly_large * officers / LARGE_OFFICERS
        share = (officers - SMALL_OFFICERS) / (LARGE_OFFICERS - SMALL_OFFICERS)
        return self.yearly_small + share * (self.yearly_large - self.yearly_small)

    @property
    def yearly(self) -> int:
        """Records a year in a middling force (the geometric mean of a small and a large one)."""
        return int(math.sqrt(self.yearly_small * self.yearly_large))


@dataclass(frozen=True)
class Subject:
    id: str
    topic: str
    ncnd: bool
    level: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    why: str
    instead: str
    sources: tuple[str, ...]
    unless_clears: bool = False  # `unless` found: not this subject at all (else: only a note)


def _read(path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FileProblem(f"{path}: the checker's data cannot be read ({exc}); restore it from the "
                          "project") from exc


def _compile(path, what: str, pattern: str | None, flags: int = 0) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise FileProblem(f"{path}: {what} has a pattern that is not a regular expression ({exc})") from exc


def _load_publications(data: dict) -> dict[str, Publication]:
    out = {}
    for key, entry in data.get("publications", {}).items():
        try:
            if not entry.get("sources"):
                raise KeyError("no sources")
            out[key] = Publication(key, entry["name"], frozenset(entry["covers"]), tuple(entry["sources"]))
        except (KeyError, TypeError, AttributeError) as exc:
            raise FileProblem(f"{HOLDINGS_PATH}: publication {key!r} is malformed ({exc})") from exc
    return out


def _load_holdings() -> tuple[dict[str, Dimension], tuple[RecordType, ...]]:
    data = _HOLDINGS
    publications = _load_publications(data)
    dims = {}
    for key, (pattern, categories, kind) in data.get("dimensions", {}).items():
        dims[key] = Dimension(key, _compile(HOLDINGS_PATH, f"dimension {key}", pattern), int(categories), kind)
    records = []
    shares = {entry.get("id"): entry.get("subsets", ()) for entry in data.get("record", [])}
    for entry in data.get("record", []):
        try:
            countable = frozenset(entry["countable"])
            not_held = frozenset(entry.get("not_held", ()))
            motive = frozenset(entry.get("motive", ()))
            unknown = (countable | not_held | motive | frozenset(entry.get("field_since", {}))) - dims.keys()
            if unknown:
                raise KeyError(f"unknown dimensions {sorted(unknown)}")
            if not entry.get("sources"):
                raise KeyError("no sources")
            records.append(RecordType(
                id=entry["id"], label=entry["label"],
                pattern=_compile(HOLDINGS_PATH, entry["id"], entry["pattern"]),
                system=entry["system"], countable=countable,
                free_text=_compile(HOLDINGS_PATH, entry["id"], entry.get("free_text")),
                yearly_small=int(entry["yearly_small"]), yearly_large=int(entry["yearly_large"]),
                electronic_from=int(entry["electronic_from"]), minutes=float(entry["minutes"]),
                people=bool(entry["people"]), sensitivity=entry["sensitivity"],
                published=tuple(publications[name] for name in entry.get("published", ())),
                sources=tuple(entry["sources"]),
                generic=bool(entry.get("generic", False)), roles=tuple(entry.get("roles", ())),
                not_held=not_held, motive=motive, current_only=bool(entry.get("current_only", False)),
                subsets=tuple((_compile(HOLDINGS_PATH, f"{entry['id']} subset", pattern), float(share))
                              for pattern, share in entry.get("subsets", shares.get(entry.get("subsets_as"), ()))),
                link=bool(entry.get("link", False)),
                includes=frozenset(entry.get("includes", ())),
                field_since=tuple((key, int(year)) for key, year in entry.get("field_since", {}).items()),
                later=_compile(HOLDINGS_PATH, f"{entry['id']} later", entry.get("later")),
                coded_since=(int(entry["coded_since"]["year"]),
                             _compile(HOLDINGS_PATH, f"{entry['id']} coded_since", entry["coded_since"]["pattern"]))
                if "coded_since" in entry else None,
                counted=_compile(HOLDINGS_PATH, f"{entry['id']} counted", entry.get("counted")),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise FileProblem(f"{HOLDINGS_PATH}: record {entry.get('id', '?')!r} is malformed ({exc})") from exc
    return dims, tuple(records)


def _load_subjects() -> tuple[Subject, ...]:
    data = _read(SENSITIVE_PATH)
    subjects = []
    for entry in data.get("subject", []):
        try:
            if not entry.get("sources"):
                raise KeyError("no sources")
            name = entry["id"]
            subjects.append(Subject(
                id=name, topic=entry["topic"], ncnd=bool(entry["ncnd"]), level=entry["level"],
                pattern=_compile(SENSITIVE_PATH, name, entry["pattern"], re.IGNORECASE),
                requires=_compile(SENSITIVE_PATH, name, entry.get("requires"), re.IGNORECASE),
                unless=_compile(SENSITIVE_PATH, name, entry.get("unless"), re.IGNORECASE),
                why=entry["why"], instead=entry["instead"], sources=tuple(entry["sources"]),
                unless_clears=bool(entry.get("unless_clears", False)),
            ))
        except (KeyError, TypeError) as exc:
            raise FileProblem(f"{SENSITIVE_PATH}: subject {entry.get('id', '?')!r} is malformed ({exc})") from exc
    return tuple(subjects)


_HOLDINGS = _read(HOLDINGS_PATH)
try:  # the force sizes the small and large volumes are for
    SMALL_OFFICERS = float(_HOLDINGS["size"]["small_officers"])
    LARGE_OFFICERS = float(_HOLDINGS["size"]["large_officers"])
    if not 0 < SMALL_OFFICERS < LARGE_OFFICERS:
        raise ValueError("small_officers must be above 0 and below large_officers")
except (KeyError, TypeError, ValueError) as exc:
    raise FileProblem(f"{HOLDINGS_PATH}: [size] is malformed ({exc})") from exc
DIMENSIONS, RECORDS = _load_holdings()
# Words that begin a category forces count crimes and incidents by (resources/holdings.toml).
CATEGORY_WORDS = frozenset(_HOLDINGS.get("categories", {}).get("words", ()))
SUBJECTS = _load_subjects()
RECORD_BY_ID = {r.id: r for r in RECORDS}
# The kinds of record a policing oversight body keeps itself (resources/holdings.toml [oversight]), and
# those one body keeps besides ([oversight.also], by the body's id in the force directory).
OVERSIGHT_KEEPS = frozenset(_HOLDINGS.get("oversight", {}).get("keeps", ()))
OVERSIGHT_ALSO = {body: frozenset(kinds) for body, kinds in _HOLDINGS.get("oversight", {}).get("also", {}).items()}
if unknown := (OVERSIGHT_KEEPS | frozenset().union(*OVERSIGHT_ALSO.values())) - RECORD_BY_ID.keys():
    raise FileProblem(f"{HOLDINGS_PATH}: [oversight] names a kind of record the file does not define: "
                      f"{', '.join(sorted(unknown))}")


def oversight_keeps(body_id: str) -> frozenset[str]:
    """The kinds of record the oversight body `body_id` keeps itself."""
    return OVERSIGHT_KEEPS | OVERSIGHT_ALSO.get(body_id, frozenset())


def _load_kinds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The kinds of thing no crime or incident record codes (breeds, makes, models, brands, colours,
    species) and the counted events they can qualify (attacks, thefts, collisions)."""
    data = _HOLDINGS.get("kinds", {})
    try:
        if not data.get("sources"):
            raise KeyError("no sources")
        words = sorted({w.lower() for group in data["classes"].values() for w in group}, key=len, reverse=True)
        kinds = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words) + r")(?:e?s)?\b")
        events = _compile(HOLDINGS_PATH, "kinds events", data["events"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise FileProblem(f"{HOLDINGS_PATH}: [kinds] is malformed ({exc})") from exc
    return kinds, events


# Words naming a kind of animal, object or vehicle (resources/holdings.toml [kinds]), and the events
# ("attacks", "thefts") whose records would have to be read to find the kind.
KIND_WORDS, KIND_EVENTS = _load_kinds()
# Colours read as kinds only in lower case: "Green Lane", "Red Lion" are names.
KIND_COLOURS = frozenset(w.lower() for w in _HOLDINGS.get("kinds", {}).get("classes", {}).get("colours", ()))
