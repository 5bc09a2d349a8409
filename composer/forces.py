"""The force directory: every UK police body subject to FOI, and named groups of them.

The bundled directory lives in `resources/forces.json`. A user's corrections (a new FOI address,
say) live in `forces.json` in their data folder and are laid over it field by field, so an app
update never loses them and a bad edit never damages the bundled list.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date
from email.utils import parseaddr
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from composer import paths, storage
from composer.dates import month_year
from composer.errors import ComposerError, FileProblem, NotSubjectToFOI, UnknownForce
from composer.model import Checked, Force, ForceKind, Nation, joined, web_address_problem

# The groups a request can go to, and what each is; who is in one, and how many, the directory says
# (`Directory.describe`).
GROUPS: dict[str, str] = {
    "all": "every body in the directory",
    "territorial": "territorial forces of the UK",
    "england": "territorial forces in England",
    "wales": "territorial forces in Wales",
    "scotland": "bodies in Scotland",
    "northern-ireland": "bodies in Northern Ireland",
    "national": "national forces",
}


class _NotFOI(BaseModel):
    id: str
    name: str
    names: list[str] = []  # other names a letter may address it by ("NCA", "MI5")
    why: str
    source: str = ""  # the pages that say why


class _DirectoryFile(BaseModel):
    about: str = ""
    not_subject_to_foi: list[_NotFOI] = []
    forces: list[Force]


def did_you_mean(key: str, ids) -> str:
    """" (did you mean kent_police?)" with the ids nearest a mistyped `key`, or "" when none is near."""
    key, ids = key.strip().lower(), list(ids)
    starting = [i for i in ids if len(key) >= 3 and i.startswith(key)]  # "kent": kent_police
    import difflib  # only to suggest a name after a miss: not loaded at start-up

    close = list(dict.fromkeys(starting + difflib.get_close_matches(key, ids, n=3, cutoff=0.6)))[:3]
    return f" (did you mean {', '.join(close)}?)" if close else ""


@dataclass(frozen=True)
class Directory:
    forces: tuple[Force, ...]
    not_foi: tuple[_NotFOI, ...]

    @cached_property
    def by_id(self) -> dict[str, Force]:
        return {force.id: force for force in self.forces}

    @cached_property
    def by_name(self) -> dict[str, Force]:
        """Each name the force-name detector knows a force by (`force_names.names_of`), and its
        short name alone, as a key: "the Met", "GMP", "Avon & Somerset", "Kent" find their forces.
        (Where a force is chosen a place name is the force; in running text it is not.)"""
        from composer.force_names import key_of, names_of

        found: dict[str, Force] = {}
        for force in self.forces:
            for said in (*names_of(force), force.short_name):
                found.setdefault(key_of(said), force)
        return found

    def get(self, force_id: str) -> Force:
        """A force by its id or by a name people write for it ("the Met", "Police Scotland")."""
        from composer.force_names import key_of

        key = force_id.strip().lower()
        found = self.by_id.get(key) or self.by_name.get(key_of(force_id))
        if found is not None:
            return found
        for body in self.not_foi:
            if body.id == key or key_of(force_id) in {key_of(name) for name in (body.name, *body.names)}:
                raise NotSubjectToFOI(f"{body.name}: {body.why}")
        raise UnknownForce(f"unknown force id {force_id!r}{did_you_mean(key, [f.id for f in self.forces])}; "
                           "`foi-composer forces` lists them")

    def group(self, name: str) -> list[Force]:
        key = name.strip().lower()
        if key == "all":
            return list(self.forces)
        if key == "territorial":
            return [f for f in self.forces if f.kind == ForceKind.TERRITORIAL]
        if key == "national":
            return [f for f in self.forces if f.kind == ForceKind.NATIONAL]
        nations = {n.value: n for n in Nation if n is not Nation.UK}
        if key in nations:  # its territorial forces and the bodies that oversee them
            return [f for f in self.forces if f.nation == nations[key] and f.kind != ForceKind.NATIONAL]
        raise UnknownForce(f"unknown group {name!r}; groups: {', '.join(GROUPS)}")

    def describe(self, name: str) -> str:
        """A group as a sentence names it: "the 45 territorial forces of the UK"; a group of a few,
        by their names ("British Transport Police, the Ministry of Defence Police and …")."""
        members = self.group(name)
        if name == "all" or not members:
            return GROUPS[name]
        if len(members) <= 3:
            return joined([force.name_in_text for force in members])
        return f"the {len(members)} {GROUPS[name]}"

    def policing_body(self, force: Force) -> str | None:
        """Who holds `force`'s chief officer to account, as a sentence names it: its own
        `policing_body`, or the directory's body that oversees it ("the Scottish Police Authority");
        None for a body that oversees and is overseen by none the directory knows."""
        if force.policing_body:
            return force.policing_body
        return next((body.name_in_text for body in self.forces if body.oversees == force.id), None)

    def resolve(self, spec: str) -> list[Force]:
        """`all`, a group name, or force ids separated by commas; duplicates dropped, order kept."""
        items = [s.strip() for s in spec.split(",") if s.strip()]
        if not items:
            raise UnknownForce("no forces given")
        out: dict[str, Force] = {}
        for item in items:
            found = self.group(item) if item.lower() in GROUPS else [self.get(item)]
            for force in found:
                out.setdefault(force.id, force)
        return list(out.values())


def user_overrides_path() -> Path:
    return paths.data_dir() / "forces.json"


def _apply_overrides(forces: list[Force], path: Path) -> list[Force]:
    """Lay the user's edits over the bundled directory. A broken file is set aside, not used."""
    if not path.exists():
        return forces
    try:
        data = storage.read_json(path, "force directory override")
        if not isinstance(data, dict):
            raise FileProblem(f"{path}: expected an object of force id -> fields")
        by_id = {f.id: f for f in forces}
        for force_id, changes in data.items():
            if force_id in by_id and isinstance(changes, dict):
                merged = by_id[force_id].model_dump() | changes
                if changes.get("foi_email") and "checked" not in changes:  # set before sources were kept
                    merged["checked"] = [*merged["checked"], {
                        "fact": "foi_email", "on": merged.get("email_checked") or date.today(),
                        "source": f"{changes['foi_email']} (the address you gave)"}]
                by_id[force_id] = Force.model_validate(merged)
        return list(by_id.values())
    except (FileProblem, ValidationError):
        storage.set_aside(path)
        return forces


def _bundled() -> _DirectoryFile:
    path = os.path.join(paths.RESOURCES, "forces.json")
    return _read_bundled(path, _stamp(path))


@lru_cache(maxsize=4)
def _read_bundled(path: str, _stamp: tuple | None) -> _DirectoryFile:
    return _DirectoryFile.model_validate(json.loads(Path(path).read_text("utf-8")))


def _stamp(path: str) -> tuple | None:
    """What tells one version of a file from another without reading it (None: no file). A file
    written atomically is a new inode, so a rewrite within one clock tick still counts as new."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_mtime_ns, found.st_size


def load_directory() -> Directory:
    """The directory with the user's corrections laid over it. Read once and kept while neither
    file changes (the checker asks on every keystroke: two stat calls, no reading); a changed, new
    or removed file, or another data folder, is read afresh."""
    bundled_path = os.path.join(paths.RESOURCES, "forces.json")
    override = os.path.join(paths.data_location(), "forces.json")
    return _load(bundled_path, _stamp(bundled_path), override, _stamp(override))


@lru_cache(maxsize=4)
def _load(bundled_path: str, bundled_stamp: tuple | None, override: str, override_stamp: tuple | None) -> Directory:
    bundled = _read_bundled(bundled_path, bundled_stamp)
    forces = list(bundled.forces)
    if override_stamp is not None:
        forces = _apply_overrides(forces, Path(override))
    return Directory(tuple(forces), tuple(bundled.not_subject_to_foi))


def save_override(force: Force) -> None:
    """Record the user's edit of one force (e.g. a corrected FOI address)."""
    base = next((f for f in _bundled().forces if f.id == force.id), None)
    changed = {
        k: v
        for k, v in force.model_dump(mode="json").items()
        if base is None or base.model_dump(mode="json").get(k) != v
    }
    # a read-modify-write under the file's lock: another process's edit is kept
    storage.locked_update(
        user_overrides_path(), lambda current: (current or {}) | {force.id: changed},
        read=_read_overrides,
        write=lambda p, data: storage.atomic_write_text(
            p, json.dumps(data, indent=2, ensure_ascii=False) + "\n"),
    )


def missing_address(force: Force) -> str | None:
    """What a letter or email to `force` must say when the directory has no FOI address for it:
    that it is missing, and how to add it (None: the address is known)."""
    if force.foi_email:
        return None
    add = ("add it in the app (Edit › Forces' FOI addresses…) or with `foi-composer forces --set-email "
           f"{force.id} ADDRESS` (kept in your data folder's forces.json), then write the letter again")
    this = "body" if force.kind == ForceKind.OVERSIGHT else "force"  # a board or authority is not a force
    if force.postal_address:  # where its own pages say to post a request: the letter's head has it
        return (f"the force directory has no FOI email address for this {this}: post the letter to "
                f"{', '.join(force.postal_address)} (a Word or PDF letter is headed with it), or find "
                f"its email address on the {this}'s own FOI page and {add}")
    return (f"the force directory has no FOI email address for this {this}: find it on the {this}'s own FOI "
            f"page and {add}")


def listing_page(force: Force) -> str:
    """The force's page on WhatDoTheyKnow, whose list of October 2023 the directory's addresses
    come from (a force's id is WhatDoTheyKnow's name for it): it shows the address WhatDoTheyKnow
    uses now and links to the force's own site."""
    return f"https://www.whatdotheyknow.com/body/{force.id}"


def address_confirmed(force: Force) -> bool:
    """Whether something newer than WhatDoTheyKnow's list names the force's FOI address: a
    `checked` entry for it that gives the address (a page that shows it, or the user who set it)."""
    email = (force.foi_email or "").casefold()
    return bool(email) and any(c.fact == "foi_email" and email in c.source.casefold() for c in force.checked)


def unconfirmed_address(force: Force) -> str | None:
    """What a letter to `force` must say when its FOI address is only as WhatDoTheyKnow listed it
    and no newer source confirms it: that it may be out of date, and where to check it (None: no
    address, which `missing_address` covers, or one a source confirms). The words are the same
    for every force, so that a batch of letters can say it once for all of them."""
    if not force.foi_email or address_confirmed(force):
        return None
    listed = f" in {month_year(force.email_checked)}" if force.email_checked else ""
    return (f"FOI address as WhatDoTheyKnow listed it{listed}, and no newer source confirms it: "
            "before sending, check it on the force's own FOI page or its WhatDoTheyKnow page "
            "(the tooltip in the app's list of forces and `foi-composer forces` give that page), and if it "
            "has changed, set the new one with FOI address… or `foi-composer forces --set-email`")


def online_form(force: Force) -> str | None:
    """How to send to a force that takes requests through its online form (None: the directory
    knows of no form for it). The app opens nothing: the campaigner pastes the letter in."""
    if not force.foi_form:
        return None
    return f"this force asks for requests through its online form: {force.foi_form}; the letter text is ready to paste"


def is_email_address(text: str) -> bool:
    """Whether `text` is one bare email address (no name, no angle brackets, a dot in the domain):
    what the directory and a user's correction may hold as a force's FOI address."""
    _, parsed = parseaddr(text)
    return bool(parsed) and parsed == text and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text) is not None


def email_address(text: str) -> str:
    """`text` as a force's FOI email address, trimmed; anything else is refused in one line."""
    text = text.strip()
    if not is_email_address(text):
        raise ComposerError(f"{text!r} is not an email address; give one such as foi@example.police.uk")
    return text


def set_email(force_id: str, address: str, *, today: date | None = None) -> Force:
    """Record the FOI address the user found for a force, checked `today`; a malformed address is
    refused with one line saying so, and nothing is saved."""
    force = load_directory().get(force_id)
    address = email_address(address)
    day = today or date.today()
    seen = Checked(fact="foi_email", on=day, source=f"{address} (the address you gave)")
    force = force.model_copy(update={"foi_email": address, "email_checked": day,
                                     "checked": _other_checks(force, "foi_email") + [seen]})
    save_override(force)
    return force


def form_address(text: str) -> str:
    """`text` as the address of a force's online form, trimmed; anything else is refused in one
    line saying what to give instead."""
    text = text.strip()
    problem = web_address_problem(text)
    if problem:
        raise ComposerError(f"{problem}: copy the form's whole address from your browser's address bar, "
                            "such as https://www.example.police.uk/foi/request-form")
    return text


def set_form(force_id: str, address: str, *, today: date | None = None) -> Force:
    """Record the online request form the user found for a force, checked `today` (its `checked`
    entry for the form says so, in place of any earlier one); a malformed address or an unknown
    force is refused in one line, and nothing is saved. The address is kept, never opened."""
    force = load_directory().get(force_id)
    address = form_address(address)
    seen = Checked(fact="foi_form", on=today or date.today(), source=f"{address} (the address you gave)")
    force = force.model_copy(update={"foi_form": address, "checked": _other_checks(force) + [seen]})
    save_override(force)
    return force


def clear_form(force_id: str, *, today: date | None = None) -> Force:
    """Forget the online form recorded for a force (it has closed or moved), saying when; a force
    with no form recorded is left as it is."""
    force = load_directory().get(force_id)
    if not force.foi_form:
        return force
    seen = Checked(fact="foi_form", on=today or date.today(),
                   source=f"you removed its online form's address, {force.foi_form}")
    force = force.model_copy(update={"foi_form": None, "checked": _other_checks(force) + [seen]})
    save_override(force)
    return force


def _other_checks(force: Force, fact: str = "foi_form") -> list[Checked]:
    return [c for c in force.checked if c.fact != fact]


def _read_overrides(path: Path) -> dict:
    """The user's edits as saved; a damaged file is set aside and counts as none."""
    try:
        loaded = storage.read_json(path, "force directory override")
    except FileProblem:
        storage.set_aside(path)
        return {}
    return loaded if isinstance(loaded, dict) else {}
