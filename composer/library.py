"""Saved requests and shareable templates, one `.foi.json` file per request.

The library is a folder under the user's data dir. Every write is atomic. A file that cannot be
read is moved to `.set-aside/` with a message naming it and why, and the rest still load.
Deleting moves a file to `bin/`, from where it can be restored. A template to share is made in
one place, `operations.fitting.shareable` (the requester's personal data taken out with
`strip_personal_data`, the wording fitted to every force), and written with `write_template`;
importing one validates it as data (it is JSON, never run).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from composer import paths, storage
from composer.errors import ComposerError, FileProblem, NewerFile
from composer.law import readable
from composer.model import FIELD_PATTERN, SCHEMA_VERSION, PastPart, Request, Requester

SUFFIX = ".foi.json"


WHAT = "FOI Composer request"


def load_request(path: Path, notes: list[str] | None = None) -> Request:
    """Read one `.foi.json` file, with a clear message for anything that is not a request.

    A damaged record of what forces did with a part (`past`, carried by a shared template) does
    not make the request unreadable: it is left out, a copy is set aside in the data folder, and
    `notes` gets one line saying so (the file itself is not changed)."""
    path = Path(path)
    data = storage.read_json(path, WHAT)
    damaged: list[tuple[int, object, str]] = []
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and version <= SCHEMA_VERSION and isinstance(data.get("past"), list):
        kept = []  # (a newer app's file is refused whole, below: its records are not judged here)
        for number, record in enumerate(data["past"], start=1):
            try:
                PastPart.model_validate(record)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(x) for x in first["loc"])
                message = first["msg"].removeprefix("Value error, ")
                message = message.removeprefix("the record of what forces did is damaged: ")[:200]
                damaged.append((number, record, f"{where}: {message}" if where else message))
                continue
            except (ValueError, TypeError, OverflowError, RecursionError) as exc:
                damaged.append((number, record, exc.__class__.__name__))
                continue
            kept.append(record)
        data = {**data, "past": kept}
    request = storage.parse_model(data, Request, source=str(path), what=WHAT,
                                  current_version=SCHEMA_VERSION)
    if damaged:
        notice = _past_set_aside(path, damaged, len(damaged) + len(request.past))
        if notes is not None:
            notes.append(notice)
    return request


def _past_set_aside(path: Path, damaged: list[tuple[int, object, str]], total: int) -> str:
    """Keep the damaged records of `path` in the data folder's `.set-aside`; one line saying so."""
    one = len(damaged) == 1
    what = (f"{path}: {len(damaged)} of its {total} records of what forces did when it was sent "
            f"before {'is' if one else 'are'} damaged (record {damaged[0][0]}: {damaged[0][2]}) and "
            f"{'was' if one else 'were'} left out; the rest of the request is opened as it is")
    copy = json.dumps({"file": str(path), "past": [record for _, record, _ in damaged]}, indent=2,
                      ensure_ascii=False, default=str)
    data = copy.encode("utf-8")
    # named by its content: reading the file again keeps the one copy, not one a read
    name = f"{storage.safe_name(path.name, reserve=30)}.past-{hashlib.sha256(data).hexdigest()[:10]}.json"
    try:
        kept = storage.write_new(paths.data_dir() / storage.BROKEN_DIR / name, data, replace=True,
                                 private=True)
    except ComposerError as exc:
        return f"{what} (a copy could not be kept: {exc})"
    return f"{what}; a copy is kept in {kept}"


def save_request(path: Path, request: Request, *, replace: bool = True) -> Path:
    """Write a request file (private to the user: it may hold notes); `replace=False` writes to
    a free name instead of over an existing file. Returns the path written."""
    return storage.write_new(Path(path), storage.model_bytes(request), replace=replace,
                             private=True)


def slug(title: str, default: str = "Untitled request") -> str:
    """A file name a person can read, safe on Windows, macOS and Linux (see storage.safe_name),
    at most 80 characters and leaving room for a suffix and a " (2)". A longer title is cut
    after its last whole word that fits, unless that would leave less than half of it."""
    name = storage.safe_name(title[:200], default=default, suffix=SUFFIX, reserve=40)
    if len(name) > 80:
        space = name.rfind(" ", 0, 81)  # the space after the last whole word that fits
        name = name[:space] if space >= 40 else name[:80]
    return name.rstrip(" .,;—–-") or default


@dataclass
class Entry:
    name: str  # the file name without the suffix
    path: Path
    request: Request


@dataclass
class Listing:
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one message per file set aside


class Library:
    """Saved requests. Every name resolves inside the library folder or is refused; nothing is
    ever written over unasked (a save under a taken name takes a free one, and `replace=True`
    first puts the earlier request in the bin)."""

    def __init__(self, root: Path | None = None) -> None:
        try:
            self.root = paths.made(Path(root)) if root else paths.subdir("library")
        except OSError as exc:
            raise storage.os_problem(exc, root) from None
        self.bin = self.root / "bin"

    # -- reading -----------------------------------------------------------------------------
    def list(self) -> Listing:
        """Every request that reads; each one that does not is set aside with one message."""
        listing = Listing()
        try:
            found = sorted(self.root.glob(f"*{SUFFIX}"), key=lambda p: p.name.lower())
        except OSError as exc:
            raise storage.os_problem(exc, self.root) from None
        for path in found:
            try:
                request = load_request(path)
            except FileProblem as exc:
                listing.problems.append(storage.put_aside(path, exc))
                continue
            listing.entries.append(Entry(path.name[: -len(SUFFIX)], path, request))
        return listing

    def path_for(self, name: str) -> Path:
        """The file of the request called `name`; refused if the name would leave the library."""
        name = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
        return storage.inside(self.root, name, suffix=SUFFIX, what="name in the library")

    def path_for_title(self, title: str) -> Path:
        """Where a request with this title is saved by default (the name made safe)."""
        return self.root / f"{slug(title)}{SUFFIX}"

    def _existing(self, name: str) -> Path:
        path = self.path_for(name)
        if not path.is_file():
            known = ", ".join(e.name for e in self.list().entries) or "none saved yet"
            given = Path(name).expanduser()
            if given.is_file():  # a request file named where the library's name for it belongs
                raise ComposerError(f"{name}: is a file, not a request in the library: save it there first "
                                    f"(`foi-composer library save {name}`), then give the name "
                                    "`foi-composer library list` shows for it")
            raise ComposerError(f"no request called {name!r} in the library ({known})"
                                f"{storage.missing_but_set_aside(path)}")
        return path

    def load(self, name: str) -> Request:
        return load_request(self._existing(name))

    # -- writing -----------------------------------------------------------------------------
    def save(self, request: Request, name: str | None = None, *, replace: bool = False) -> Path:
        """Save under `name` (default: from the title), made safe. A taken name gets the next
        free one ("name (2)") unless `replace`, which first puts the earlier request in the bin.
        Returns the path written."""
        path = self.path_for_title(name or readable(request.title, request))
        if not replace:
            return save_request(path, request, replace=False)
        with storage.locked(path):
            if path.exists():
                self._to_bin(path, copy=True)
            return save_request(path, request, replace=True)

    def duplicate(self, name: str) -> Path:
        request = self.load(name)
        copy = request.model_copy(update={"title": f"{request.title} (copy)"})
        return self.save(copy, f"{name} (copy)")

    def rename(self, name: str, new_name: str) -> Path:
        source = self._existing(name)
        target = self.path_for_title(new_name)
        if target.exists():
            raise ComposerError(f"a request called {slug(new_name)!r} already exists")
        return storage.move_new(source, target)

    def _to_bin(self, source: Path, *, copy: bool = False) -> Path:
        target = self.bin / source.name
        if copy:
            return storage.write_new(target, storage.read_bytes(source, "request"), private=True)
        return storage.move_new(source, target)

    def delete(self, name: str) -> Path:
        """Move to the bin; `restore` brings it back."""
        return self._to_bin(self._existing(name))

    def binned(self) -> list[Path]:
        return sorted(self.bin.glob(f"*{SUFFIX}")) if self.bin.exists() else []

    def restore(self, binned_name: str) -> Path:
        name = binned_name[: -len(SUFFIX)] if binned_name.endswith(SUFFIX) else binned_name
        source = storage.inside(self.bin, name, suffix=SUFFIX, what="name in the bin")
        if not source.is_file():
            raise ComposerError(f"no request called {binned_name!r} in the bin")
        return storage.move_new(source, self.root / source.name)

    # -- a template shared by someone (one to share is made by operations.fitting.shareable) ---------
    def import_template(self, source: Path, requester: Requester | None = None,
                        notes: list[str] | None = None) -> tuple[Path, list[str]]:
        """Validate a shared template, clean it, and add it under a free name; returns the path
        and what was removed (`notes` gets what `load_request` says of it)."""
        request = load_request(Path(source), notes)
        request, removed = strip_personal_data(request, requester)
        request = request.model_copy(update={"forces": []})  # (an older app's template named the sender's)
        return self.save(request), removed


def write_template(shared: Request, dest: Path, *, replace: bool = False) -> Path:
    """Write an already cleaned request for sharing: readable by others, never over a file
    unasked. A folder `dest` gets a file named by the template's safe title. The forces you chose
    are left out: a template is for whoever receives it to send to the forces they choose, and
    beside the counts of what forces did they would say which forces those were."""
    shared = shared.model_copy(update={"forces": []})
    if dest.is_dir():
        dest = dest / f"{slug(readable(shared.title, shared))}{SUFFIX}"
    return storage.write_new(dest, storage.model_bytes(shared), replace=replace, private=False)


# -- cleaning a request for sharing ----------------------------------------------------------
# A request is meant to hold no personal data, but people type their name into a title, their
# phone number into an introduction, their address into a field. `strip_personal_data` looks for
# the profile's own details (full name; surname, of one word or several, after a title or an
# initial, "Ms Doe", "J. Ní Dhómhnaill"; any apostrophe for any other;
# the first name alone where it is not also a common word; email; each address line and the street
# without its number; organisation) and for anyone's email address, UK phone number in any of its
# written forms, and postcode in any case; and people's names, and the writer's address, where a
# letter puts them (`find_names`, `find_addresses`, below), which covers the writer with no profile.
# It looks in the title, introduction, parts, the options' own wording, the fields' names and
# values, and drops the private notes. It returns the cleaned copy and a list saying what it
# removed and where.

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
    # in the list of first names, and words or places in a request: "Harm Prevention Orders", "Deep
    # Learning", "London Borough", "Red Lion", "Line Managers"
    "harm", "deep", "line", "london", "red", "sherwood", "clyde", "liberty", "chester", "lincoln",
    "florence", "hamilton", "jersey", "kent",
}


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s_.,\-]+", text.strip()) if w]


_APOSTROPHES = "'’‘ʼ"  # typed, or turned curly by a word processor


def _escaped(word: str) -> str:
    """`word` as a pattern in which any apostrophe matches any other: "O'Brien", "O’Brien"."""
    return "".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word)


def _flexible(words: list[str]) -> str:
    """The words in order, whatever spaces, dots, hyphens or underscores stand between them."""
    return r"[\s_.\-]+".join(_escaped(w) for w in words)


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


# -- other people's names, and yours when there is no profile ------------------------------------
# Names are read where a letter puts them, not everywhere (a request rightly names systems, places,
# companies and forces): after a title (Mr, Dr, Sir …), in a greeting ("Dear Jane Doe"), after "my
# name is", "on behalf of", "my client" and the like, beside a closing ("Yours sincerely, Jane Doe")
# or on the line under it. A name is one to five words, each capitalised (or an initial, or a
# particle such as "van der" inside it); a run that holds a word no name holds ("Team", "Police",
# "Watch") or a force's name or area is not a person. Once found, a name is taken out wherever it is
# written in the request, as the profile's own name is. A person named with a public office ("the
# Chief Constable, Sir Craig Guildford") is taken out too, because a template goes to every force
# and the office-holder is one force's, but the removal list says so, for the user to keep it.

_TITLE_WORD = re.compile(_TITLES + r"\.?")  # capitalised as a title is written: "Dr", not "dr"
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")
_GAP = re.compile(r"[ \t\u00a0]+")
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le",
              "bin", "ibn", "al", "el", "ap", "ní", "nic", "mac", "ó", "st"}
# Capitalised words that are not part of a person's name where these cues stand before them.
NOT_NAMES = {
    "sir", "madam", "advocate", "general", "attorney", "lieutenant", "king", "queen",
    "crown", "prosecutor", "procurator", "fiscal", "inspectorate", "majesty", "sirs", "madams", "all", "team", "teams", "officer", "officers", "colleague",
    "colleagues", "friend", "friends", "department", "unit", "office", "service", "services",
    "police", "constabulary", "force", "forces", "constable", "chief", "commissioner", "commission",
    "council", "information", "freedom", "data", "protection", "disclosure", "records", "request",
    "requests", "response", "compliance", "manager", "head", "director", "secretary", "minister",
    "mayor", "authority", "government", "ministry", "home", "trust", "watch", "network", "group",
    "campaign", "campaigns", "project", "society", "foundation", "union", "association",
    "committee", "university", "college", "school", "institute", "centre", "center", "bureau",
    "agency", "news", "media", "press", "ltd", "limited", "llp", "plc", "inc", "solicitors",
    "solicitor", "partners", "associates", "law", "legal", "chambers", "the", "a", "an", "we",
    "my", "our", "your", "please", "thank", "thanks", "yours", "dear", "hello", "re", "subject",
    "act", "section", "part", "question", "system", "systems", "justice", "chancellor", "court",
    "board", "panel", "staff", "member", "members", "everyone", "reader", "recipient", "customer",
    "citizen", "citizens", "community", "communities", "residents", "public", "people", "research",
    "researcher", "journalist", "student", "lecturer", "professor", "doctor", "editor", "reporter",
    "street", "road", "avenue", "lane", "drive", "close", "crescent", "place", "square",
    "not", "sorry", "writing", "grateful", "aware", "concerned", "interested", "unable", "foi",
    "level", "levels", "rank", "ranks", "grade", "grades", "role", "roles", "post", "posts", "pay",
    "training", "course", "scheme", "programme", "entry", "promotion", "process", "vacancy", "vacancies",
    "apprenticeship", "exam", "pension", "pathway", "framework", "development", "assessment",
}
_SELF_CUES = [  # (cue, fewest words, a name in capitals counts): the writer's own name
    (r"\bmy\s+name\s+is\b|\bmy\s+name['’]s\b|^[ \t]*name\s*:", 1, True),
    (r"\bI\s+am\b|\bI['’]m\b", 2, False),
    (r"\b(?:this\s+)?request\s+(?:is\s+)?(?:from|by)\b", 2, False),
    (r"(?im)^[ \t]*(?:yours\s+(?:faithfully|sincerely|truly)|(?:kind|kindest|best|warm|warmest|with)"
     r"\s+regards|regards|best\s+wishes|many\s+thanks|thanks|thank\s+you|cheers|best|sincerely)"
     r"[ \t]*[,.!]?[ \t]*\n\s*", 1, True),  # a closing, and the name alone on the line under it
    (r"\b(?:yours\s+(?:faithfully|sincerely|truly)|(?:kind|kindest|best|warm|warmest)\s+regards|"
     r"best\s+wishes|many\s+thanks)[ \t]*[,.]?[ \t]+", 1, True),  # … or beside it
]
_OTHER_CUES = [  # someone else's name
    (r"\bon\s+behalf\s+of\b|\b(?:acting|writing)\s+for\b|\brepresenting\b|\bthe\s+late\b|"
     r"\b(?:requested|sent|written|submitted)\s+by\b", 2, False),
    (r"\b(?:my|our|his|her|their)\s+(?:late\s+)?(?:client|son|daughter|husband|wife|partner|"
     r"brother|sister|mother|father|mum|mom|dad|friend|colleague|constituent|neighbour|neighbor|"
     r"grandson|granddaughter|grandmother|grandfather|nephew|niece|cousin|uncle|aunt|child|boy|"
     r"girl|relative|carer)s?\b,?", 1, False),
    (r"\bdear\b", 1, False),
    (r"(?<![^\W\d_])(?=" + _TITLES + r"\.?[ \t\u00a0])", 1, False),  # "Mr A. Khan", "Dr Helen Wright"
]
_SELF_CUES = [(re.compile(c, re.IGNORECASE | re.MULTILINE), n, caps) for c, n, caps in _SELF_CUES]
_OTHER_CUES = [(re.compile(c, re.IGNORECASE | re.MULTILINE) if not c.startswith("(?<!") else re.compile(c), n, caps)
               for c, n, caps in _OTHER_CUES]
# A public office beside a name in the same sentence ("the Chief Constable, Sir Craig Guildford").
_OFFICE = re.compile(
    r"\b(?:(?:deputy|assistant|temporary|acting)\s+)*(?:chief\s+constable|(?:police\s+and\s+crime\s+)?"
    r"commissioner|pcc|(?:deputy\s+)?mayor|home\s+secretary|secretary\s+of\s+state|prime\s+minister|"
    r"minister|chief\s+executive|chief\s+officer|chair(?:man|woman|person)?|MP|director\s+general|"
    r"superintendent|president|judge|coroner)\b", re.IGNORECASE)


_DESCRIBED_NAME = re.compile(r"^a name \(\u201c(.+?)\u201d")
_OFFICE_SAID = "named with a public office"


@dataclass(frozen=True)
class FoundName:
    """A person's name found in a request: `yours` when the writer says it is theirs, `office`
    the public office it was named with, if any."""

    name: str
    yours: bool = False
    office: str = ""
    plain: str = ""  # the name without a police rank before it ("Smith" of "PC Smith"), if it had one

    @property
    def described(self) -> str:
        if self.yours:
            return f"your name (\u201c{self.name}\u201d)"
        if self.office:
            return (f"a name (\u201c{self.name}\u201d, {_OFFICE_SAID}, \u201c{self.office}\u201d: "
                    f"keep it if you mean the office-holder)")
        return f"a name (\u201c{self.name}\u201d)"


def names_removed(removed: list[str], *, offices: bool = False) -> list[str]:
    """Other people's names, as written, in a removal list from `strip_personal_data`: the ones
    the user may choose to keep, office-holders' first (with `offices`, theirs alone)."""
    lines = sorted(removed, key=lambda line: _OFFICE_SAID not in line)
    return list(dict.fromkeys(m.group(1) for line in lines if (m := _DESCRIBED_NAME.match(line))
                              and (_OFFICE_SAID in line or not offices)))


_STREET_BEFORE = re.compile(r"\b\d+[A-Za-z]?,?\s+(?:[A-Z][\w'’-]*\s+){1,3}$")


def _a_drive(text: str, at: int, word: str) -> bool:
    """Whether "Dr" at `at` ends a street ("12 Acacia Dr Leeds"): a drive, not a doctor."""
    return word.lower() == "dr" and _STREET_BEFORE.search(text, max(0, at - 60), at) is not None


def _name_at(text: str, pos: int, fewest: int, caps: bool = False) -> tuple[int, int] | None:
    """The span of a person's name starting at `pos` (after spaces and an optional title), or None;
    with `caps`, a name written in capitals ("JANE DOE") counts, if it has two words or more."""
    gap = _GAP.match(text, pos)
    start = i = gap.end() if gap else pos
    end, words, full, titled = start, 0, 0, False
    while words < 5:
        token = _NAME_TOKEN.match(text, i)
        if not token:
            break
        core = token.group(0).rstrip(".")
        possessive = len(core) > 3 and core[-2] in _APOSTROPHES and core[-1] == "s"  # "Khan's"
        if possessive:
            core = core[:-2]
        if not titled and not words and _TITLE_WORD.fullmatch(token.group(0)):
            if _a_drive(text, token.start(), core):
                return None
            titled = True
        elif len(core) == 1 and core.isupper():  # an initial: a name goes on after it
            words += 1
        elif words and core.lower() in _PARTICLES:  # "van der": kept only if a name word follows
            pass
        elif core[:1].isupper() and (not core.isupper() or caps):
            if core.lower() in NOT_NAMES:
                return None
            words += 1
            full += 1
            end = token.start() + len(core)
            if token.group(0).endswith("."):  # the end of a sentence
                break
        else:
            break
        gap = None if possessive else _GAP.match(text, token.end())
        if not gap:
            break
        i = gap.end()
    if not full or (words < fewest and not titled):
        return None
    if text[start:end].isupper() and words < 2:  # "BBW", "FOI": an acronym, not a name
        return None
    bare = _key(text[start:end])
    if bare in _force_areas() or _names_a_force(text[start:end]):
        return None
    return start, end


# Words that open a sentence or clause before a name ("Has Sir Mark Rowley …", "Did Jane Doe …"):
# capitalised there, but not the name's first word.
_OPENING_WORDS = {
    "has", "have", "had", "did", "does", "do", "is", "was", "were", "are", "what", "when", "where", "why", "how",
    "who", "whom", "which", "whether", "can", "could", "would", "will", "should", "may", "might", "and", "or",
    "but", "if", "provide", "send", "list", "copies", "copy", "from", "to", "by", "with", "of", "in", "on", "for",
    "about", "between", "at", "since", "after", "before", "once", "as", "that", "this", "these", "those",
}


def name_at(text: str, pos: int, fewest: int = 2) -> tuple[int, int] | None:
    """The span of a person's name starting at `pos` (after spaces; a title such as "Sir" counts
    with it), as the sharing reader reads one: one to five capitalised words or initials, none a
    word no name holds ("Police", "Council") and not a force's name; `fewest` words unless titled.
    "[name]", where a shared template took a name out, is one too."""
    gap = _GAP.match(text, pos)
    start = gap.end() if gap else pos
    if text.startswith("[name]", start):
        return start, start + len("[name]")
    return _name_at(text, pos, fewest)


def name_before(text: str, end: int, fewest: int = 2) -> tuple[int, int] | None:
    """The span of a person's name ending at `end` ("Has Sir Mark Rowley|, the …"), or None: the
    longest one whose first word does not open the sentence instead ("Has", "Did")."""
    if text[:end].endswith("[name]"):
        return end - len("[name]"), end
    starts = [m.start() for m in re.finditer(r"(?<![\w'’\-])[^\W\d_]", text[max(0, end - 80):end])]
    offset = max(0, end - 80)
    for start in (offset + s for s in starts[-6:]):  # the leftmost that reads as the whole name
        word = re.match(r"[\w'’\-]+", text[start:])
        if word is None or word.group(0).lower() in _OPENING_WORDS:
            continue
        if _name_at(text, start, fewest) == (start, end):
            return start, end
    return None


def _force_areas() -> frozenset[str]:
    from composer.force_names import force_areas

    return force_areas()


def _names_a_force(text: str) -> bool:
    from composer.force_names import find_forces

    return bool(find_forces(text))


def _system_named(text: str) -> bool:
    from composer.force_names import find_systems

    return bool(find_systems(text))


def _office_beside(text: str, start: int, end: int) -> str:
    """A public office named in the same sentence just before or just after a name."""
    before = re.split(r"[.?!;\n]\s", text[max(0, start - 60):start])[-1]
    after = re.split(r"[.?!;\n]", text[end:end + 80])[0]
    near = [m.group(0) for m in _OFFICE.finditer(before)][-1:] or [m.group(0) for m in _OFFICE.finditer(after)][:1]
    return near[0] if near else ""


@lru_cache(maxsize=1)
def _ranks() -> tuple[re.Pattern, frozenset[str]]:
    """The checker's pattern for a title or police rank and the name after it ("PC Smith", "DCI Jane
    Hunt", "Assistant Chief Constable Rhoda Small"), and the words of its titles and ranks: one
    list of them, held by the checker, for both."""
    from composer.checker.reading import TITLED_NAME

    titles = TITLED_NAME.split("(?!")[0]  # the titles and ranks, before what may not follow them
    return re.compile(TITLED_NAME), frozenset(w for w in re.findall(r"[a-z]+", titles) if len(w) > 1)


def _ranked(text: str, fewest: int = 1) -> list[tuple[int, int, int]]:
    """(start, where the name begins, end) of each name after a police rank or a title in `text`."""
    pattern, words = _ranks()
    found = []
    for match in pattern.finditer(text):
        tokens = list(re.finditer(r"\S+", match.group(0)))
        ranks = [t for t in tokens if t.group(0).rstrip(".").lower() in words]
        if not ranks or _a_drive(text, match.start() + ranks[-1].start(), ranks[-1].group(0).rstrip(".")):
            continue
        begin = match.start() + ranks[-1].end()
        span = _name_at(text, begin, fewest)
        if span is not None:
            found.append((match.start(), span[0], span[1]))
    return found


# -- names with no cue ----------------------------------------------------------------------------
# "I am also helping Priya Sharma", "Jane Doe – VHA": a name a letter gives with no title or cue before
# it. Read only where the first word is a given name in a list of them (the first-name dictionary of
# Jörg Michael's "gender" program, some 60,000 names from many countries, as the gender-guesser package
# ships it: GPLv3, the list under the GNU FDL) and a capitalised word or two follow it, each of which a
# name holds: "Palantir Gotham", "Clearview AI" and "Live Facial Recognition" start with no given name;
# "Victoria Station", "Clare's Law", "Grace Period" and "Kent Police" are a place, a law, a common
# word or a force. What it cannot find is said where the removals are listed (`UNFOUND_NAMES`).
_NOT_SURNAMES = {"station", "line", "hospital", "park", "bridge", "zoo", "airport", "gardens", "estate",
                 "centre", "arena", "stadium", "prison", "cathedral", "academy", "law", "laws", "day", "award",
                 "awards", "fund", "prize", "report", "review", "inquiry", "protocol", "principle", "rule",
                 "rules", "test", "tests", "model", "app", "tool", "tools", "matrix", "platform", "software",
                 "borough", "boroughs", "lodge", "gateway", "learning", "managers", "orders", "order", "street",
                 "cabinet"}
_GIVEN_THEN_NAME = re.compile(r"(?<![\w'’\-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?=[ \t\u00a0]+[A-Z])")

UNFOUND_NAMES = ("Names are found after a title, rank or cue (Mr, DCI, \u201cmy client\u201d, a sign-off) "
                 "and where a known first name starts them; not found: a name in lower case, a surname "
                 "alone, a first name that is also a common word (Will, Grace, Mark) with no cue, or one "
                 "the list of first names lacks. Read the request before you share it.")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The first names of the package's list, read as its detector reads them (the name is a line's
    second word; a "+" joins the parts of a name written whole, apart or with a hyphen), without the
    genders and countries the detector builds for each: a fifth of the time."""
    try:
        from importlib.resources import files

        listed = files("gender_guesser").joinpath("data", "nam_dict.txt").read_text("utf-8")
    except (ImportError, OSError):  # an environment installed before pyproject.toml declared it: names with cues only
        return frozenset()
    names: set[str] = set()
    for line in listed.splitlines():
        line = line.strip()
        if not line or line[0] in "#=":
            continue
        name = line.split(None, 2)[1]
        names.update((name.replace("+", joint) for joint in ("", " ", "-")) if "+" in name else (name,))
    return frozenset(name for name in names if name.lower() not in COMMON_WORDS)


def _uncued(text: str) -> list[tuple[int, int]]:
    """Spans of names a known first name starts, two or three words long (see above)."""
    found = []
    names = None
    for match in _GIVEN_THEN_NAME.finditer(text):
        before = re.search(r"([^\W\d_][\w'’\-]*)[ \t\u00a0]+$", text[max(0, match.start() - 40):match.start()])
        if before and before.group(1)[0].isupper() and before.group(1).lower() not in _OPENING_WORDS:
            continue  # inside a longer run of capitalised words: "Kings Heath", "St Florence …"
        first = match.group(0).lower()
        if first in NOT_NAMES or first in _OPENING_WORDS or first in _PARTICLES:
            continue  # "In April", "Are Avon", "Le Hole"
        span = _name_at(text, match.start(), 2)
        if span is None or span[0] != match.start():
            continue
        words = text[span[0]:span[1]].split()
        if len(words) > 3 or any(w.lower().strip(".") in _NOT_SURNAMES or w.isupper() for w in words[1:]):
            continue  # "… Review", "Brent LA": a thing's name, an acronym
        after = re.match(r"[ \t\u00a0]+([A-Z][\w'’\-]*)", text[span[1]:])
        if after and after.group(1).lower() in _NOT_SURNAMES:
            continue  # "Jane Doe Review": the name is part of something's name
        names = names if names is not None else _given_names()  # read last: only for a name to look at
        if match.group(0) not in names:
            continue
        found.append(span)
    return found


def _key(name: str) -> str:
    return " ".join(w.rstrip(".").lower() for w in name.split() if not _TITLE_WORD.fullmatch(w))


def name_key(name: str) -> str:
    """A person's name as `keep` lists compare it: lower case, without a title or a police rank
    ("Sir Mark Rowley", "mark rowley" and "Chief Constable Mark Rowley" are one key)."""
    ranks = _ranks()[1]
    return _key(" ".join(w for w in name.split() if w.rstrip(".").lower() not in ranks))


def find_names(text: str, keep: tuple[str, ...] | list[str] = ()) -> list[FoundName]:
    """People's names in `text`, read where a letter puts them (see above), in the order found;
    a name in `keep` (as written, with or without its title) is left out."""
    ranks = _ranks()[1] if keep else frozenset()
    kept = {_key(k) for k in keep} | {_key(" ".join(w for w in k.split() if w.rstrip(".").lower() not in ranks))
                                      for k in keep}
    found: dict[str, FoundName] = {}
    for cues, yours in ((_SELF_CUES, True), (_OTHER_CUES, False)):
        for cue, fewest, caps in cues:
            for match in cue.finditer(text):
                span = _name_at(text, match.end(), fewest, caps)
                if span is None:
                    continue
                name = text[span[0]:span[1]]
                key = _key(name)
                if key in kept or key in found and (found[key].yours or found[key].office):
                    continue
                office = "" if yours else _office_beside(text, *span)
                found[key] = FoundName(name, yours, office)
    for start, begin, end in _ranked(text):  # "PC Smith", "DCI Jane Hunt"
        key = _key(text[begin:end])
        if key not in kept and key not in found:
            found[key] = FoundName(text[start:end], office=_office_beside(text, begin, end), plain=text[begin:end])
    for begin, end in _uncued(text):  # "I am also helping Priya Sharma"
        key = _key(text[begin:end])
        if key not in kept and key not in found and not _system_named(text[begin:end]):
            found[key] = FoundName(text[begin:end], office=_office_beside(text, begin, end))
    from composer.textimport import signoff_name

    signed = signoff_name(text)  # the sign-off as the importer reads one (a Welsh one too)
    if signed and _name_at(signed, 0, 1, caps=True) == (0, len(signed)) and _key(signed) not in kept:
        found.setdefault(_key(signed), FoundName(signed, yours=True))
    return list(found.values())


def _name_patterns(name: str, placeholder: str, what: str,
                   add: Callable[[str, str, str, int], None]) -> None:
    """The ways a person's name is written: in full, the surname (of one word or several) after a
    title or an initial, and the first name alone where it is not also a common word."""
    names = [n for n in name.split() if not re.fullmatch(_TITLES + r"\.?", n, re.IGNORECASE)]
    if names:
        add(rf"(?:{_TITLES}\.?\s+)?{_flexible(_words(' '.join(names)))}", placeholder, what, re.IGNORECASE)
    for start in range(1, len(names)):  # the surname may be several words: "Ní Dhómhnaill"
        surname = _flexible(_words(" ".join(names[start:])))  # "Doe-Smith", "Doe Smith", "doe_smith"
        add(rf"{_TITLES}\.?\s+(?:[A-Z]\.?\s+)*{surname}", placeholder, what, re.IGNORECASE)
        add(rf"{re.escape(names[0][0])}\.?\s+{surname}", placeholder, what, re.IGNORECASE)
    first = names[0].rstrip(".") if names else ""
    if len(first) >= 2 and first.lower() not in COMMON_WORDS:
        # alone, only as a name is written: capitalised or in capitals
        add(rf"(?:{re.escape(first.capitalize())}|{re.escape(first.upper())})", placeholder, what, 0)


def _address_patterns(lines: list[str], what: str, add: Callable[[str, str, str, int], None]) -> None:
    """Each line of an address, its street word as written or abbreviated, and the street without
    its number; a postcode is found as anyone's is."""
    for line in lines:
        if not line.strip() or _POSTCODE.fullmatch(line.strip()):
            continue
        add(_street(line), "[your address]", what, re.IGNORECASE)
        words = _words(line)
        if len(words) >= 3 and words[0][:1].isdigit():  # "High Street" without its number
            add(_street(" ".join(words[1:])), "[your address]", what, re.IGNORECASE)


# Where a letter gives its writer's address: "I live at …", "my address is …", a line "Address: …",
# up to the end of the line or the sentence.
_ADDRESS_CUE = re.compile(r"\b(?:(?:I|we)\s+(?:live|reside)\s+at|my\s+(?:home\s+|postal\s+)?address\s+is"
                          r"|^[ \t]*(?:postal\s+|home\s+)?address\s*:)[ \t]*(?P<address>[^\n;]{4,120}?)"
                          r"(?=[.;]\s|[.;]?$|\n|;)", re.IGNORECASE | re.MULTILINE)


def find_addresses(text: str) -> list[str]:
    """Addresses in `text` where a letter gives its writer's own, each as written."""
    found = []
    for match in _ADDRESS_CUE.finditer(text):
        if any(ch.isdigit() for ch in match.group("address")):  # a house number or a postcode
            address = _POSTCODE.sub("", match.group("address")).strip(" ,")
            if address:
                found.append(address)
    return list(dict.fromkeys(found))


def _patterns(requester: Requester | None, found: list[FoundName] = (),
              addresses: list[str] = ()) -> list[tuple[re.Pattern, str, str]]:
    """(pattern, placeholder, what) in the order they are applied: the profile's own details
    first, then the names `find_names` found, then anyone's."""
    patterns: list[tuple[re.Pattern, str, str]] = []

    def add(regex: str, placeholder: str, what: str, flags: int = re.IGNORECASE) -> None:
        # bounded by anything but a letter, digit or @: "_" separates words in a field's name
        patterns.append((re.compile(rf"(?<![^\W_])(?<!@){regex}(?![^\W_])(?!@)", flags),
                         placeholder, what))

    if requester is not None:
        if requester.email.strip():
            add(re.escape(requester.email.strip()), "[your email]", "your email")
        _name_patterns(requester.name, "[your name]", "your name", add)
        _address_patterns(requester.postal_address, "your address", add)
        if requester.organisation.strip():
            add(_flexible(_words(requester.organisation)), "[your organisation]",
                "your organisation")
    for address in addresses:  # whole, then the lines with a number (a town alone is any place's name)
        what = f"your address (\u201c{address}\u201d)"
        add(r",?\s*".join(_street(line) for line in address.split(",") if line.strip()), "[your address]", what,
            re.IGNORECASE)
        _address_patterns([line for line in address.split(",") if any(ch.isdigit() for ch in line)], what, add)
    for name in sorted(found, key=lambda n: (not n.yours, -len(n.name))):
        # a police rank stays: "PC [name]" says what the request means and not who
        _name_patterns(name.plain or name.name, "[your name]" if name.yours else "[name]", name.described, add)
    return patterns


def _postcode(match: re.Match) -> str:
    inward = match.group(2)
    if inward[1:].lower() in _ORDINALS and not match.group(0).isupper():
        return match.group(0)
    return "[postcode]"


class _Scrubber:
    def __init__(self, requester: Requester | None, found: list[FoundName] = (), addresses: list[str] = ()) -> None:
        self.patterns = _patterns(requester, found, addresses)
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


def _texts(request: Request) -> list[str]:
    """Every text of `request` that the cleaning reads."""
    options = request.options
    return [request.title, request.introduction or "", *(n.part.text for n in request.numbered(ordered=False)),
            options.cost_limit_wording or "", options.format_wording or "",
            *request.fields.keys(), *request.fields.values(), *(past.text for past in request.past)]


def strip_personal_data(request: Request, requester: Requester | None,
                        keep: tuple[str, ...] | list[str] = ()) -> tuple[Request, list[str]]:
    """A copy of `request` fit to share, and what was removed from where. People's names found
    where a letter puts them (`find_names`) go too, but for those in `keep`."""
    own = _key(requester.name) if requester is not None else ""
    texts = "\n\n".join(_texts(request))
    found = [name for name in find_names(texts, keep) if _key(name.name) != own]
    scrub = _Scrubber(requester, found, find_addresses(texts))
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
    for i, past in enumerate(data.past, start=1):  # the words of a part sent before, as carried
        past.text = scrub(past.text, f"the record of what forces did ({i})")
    data.fields = fields
    return data, scrub.removed


DOCUMENTS = (".docx", ".pdf", ".eml")
"""A letter kept as a Word file, a PDF or an email is read for its words, as a reply is."""


def request_text(path: Path, notes: list[str] | None = None) -> str:
    """The words of a request kept as text, or as a Word file, a PDF or an email (`DOCUMENTS`);
    `notes` gets any note on how plain text was decoded."""
    path = Path(path)
    if path.suffix.lower() in DOCUMENTS:
        from composer.replies import reply_text

        return reply_text(path, lists_by_depth=True)
    text, read = storage.read_text_with_notes(path, "request text")
    if notes is not None:
        notes.extend(read)
    return text


def open_request(path: Path, notes: list[str] | None = None) -> Request:
    """A saved request (`.foi.json`), or a request written as text (or kept as a Word file, a
    PDF or an email), imported on the fly; `notes` gets what `load_request` says of it."""
    path = Path(path)
    if path.suffix.lower() in DOCUMENTS:
        from composer.textimport import parse_request

        return parse_request(request_text(path), source=str(path))
    text = storage.read_text(path, "request")
    if path.name.endswith(SUFFIX) or text.lstrip().startswith("{"):
        try:
            return load_request(path, notes)
        except NewerFile:
            raise  # it says what to do: update the app
        except FileProblem as exc:  # a file named by the user: say what to do, not only what is wrong
            raise FileProblem(f"{exc}; if FOI Composer saved it, it was cut short or edited since: "
                              "open your copy in the library, or import the letter again") from None
    from composer.textimport import parse_request

    return parse_request(text, source=str(path))
