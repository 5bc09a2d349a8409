"""Saved requests and shareable templates, one `.foi.json` file per request.

The library is a folder under the user's data dir. Every write is atomic. A file that cannot be
read is moved to `.set-aside/` with a message naming it and why, and the rest still load.
Deleting moves a file to `bin/`, from where it can be restored. Sharing a template strips the
requester's personal data; importing one validates it as data (it is JSON, never run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from composer import paths, storage
from composer.errors import ComposerError, FileProblem
from composer.model import SCHEMA_VERSION, Request, Requester

SUFFIX = ".foi.json"


def load_request(path: Path) -> Request:
    """Read one `.foi.json` file, with a clear message for anything that is not a request."""
    return storage.read_model(
        Path(path), Request, what="FOI Composer request", current_version=SCHEMA_VERSION
    )


def save_request(path: Path, request: Request) -> None:
    storage.write_model(Path(path), request)


def slug(title: str) -> str:
    """A file name a person can read, safe on Windows, macOS and Linux."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", title)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .")
    return cleaned[:80] or "Untitled request"


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
    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root else paths.subdir("library")
        self.root.mkdir(parents=True, exist_ok=True)
        self.bin = self.root / "bin"

    # -- reading -----------------------------------------------------------------------------
    def list(self) -> Listing:
        listing = Listing()
        for path in sorted(self.root.glob(f"*{SUFFIX}"), key=lambda p: p.name.lower()):
            try:
                request = load_request(path)
            except FileProblem as exc:
                moved = storage.set_aside(path)
                listing.problems.append(f"{exc} (moved to {moved})")
                continue
            listing.entries.append(Entry(path.name[: -len(SUFFIX)], path, request))
        return listing

    def path_for(self, name: str) -> Path:
        name = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
        return self.root / f"{name}{SUFFIX}"

    def load(self, name: str) -> Request:
        path = self.path_for(name)
        if not path.exists():
            known = ", ".join(e.name for e in self.list().entries) or "none saved yet"
            raise ComposerError(f"no request called {name!r} in the library ({known})")
        return load_request(path)

    # -- writing -----------------------------------------------------------------------------
    def save(self, request: Request, name: str | None = None, *, replace: bool = True) -> Path:
        """Save under `name` (default: from the title); `replace=False` picks a free name."""
        path = self.path_for(slug(name or request.title))
        if not replace:
            path = storage.unique_path(path)
        save_request(path, request)
        return path

    def duplicate(self, name: str) -> Path:
        request = self.load(name)
        copy = request.model_copy(update={"title": f"{request.title} (copy)"})
        return self.save(copy, f"{name} (copy)", replace=False)

    def rename(self, name: str, new_name: str) -> Path:
        source = self.path_for(name)
        if not source.exists():
            raise ComposerError(f"no request called {name!r} in the library")
        target = self.path_for(slug(new_name))
        if target.exists():
            raise ComposerError(f"a request called {slug(new_name)!r} already exists")
        source.rename(target)
        return target

    def delete(self, name: str) -> Path:
        """Move to the bin; `restore` brings it back."""
        source = self.path_for(name)
        if not source.exists():
            raise ComposerError(f"no request called {name!r} in the library")
        self.bin.mkdir(exist_ok=True)
        target = storage.unique_path(self.bin / source.name)
        source.rename(target)
        return target

    def binned(self) -> list[Path]:
        return sorted(self.bin.glob(f"*{SUFFIX}")) if self.bin.exists() else []

    def restore(self, binned_name: str) -> Path:
        source = self.bin / (binned_name if binned_name.endswith(SUFFIX) else binned_name + SUFFIX)
        if not source.exists():
            raise ComposerError(f"no request called {binned_name!r} in the bin")
        target = storage.unique_path(self.root / source.name)
        source.rename(target)
        return target

    # -- sharing -----------------------------------------------------------------------------
    def export_template(self, name: str, dest: Path, requester: Requester | None = None) -> list[str]:
        """Write a shareable copy with personal data removed; returns what was removed."""
        shared, removed = strip_personal_data(self.load(name), requester)
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / f"{slug(shared.title)}{SUFFIX}"
        save_request(dest, shared)
        return removed

    def import_template(self, source: Path) -> Path:
        """Validate a shared template and add it to the library under a free name."""
        request = load_request(Path(source))
        request, _ = strip_personal_data(request, None)
        return self.save(request, replace=False)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(\+44\s?|0)(\d[\s-]?){9,10}(?!\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def strip_personal_data(request: Request, requester: Requester | None) -> tuple[Request, list[str]]:
    """A copy of `request` fit to share: no notes, no contact details, no requester's name."""
    removed: list[str] = []
    needles: list[tuple[str, str]] = []
    if requester is not None:
        if requester.name.strip():
            needles.append((requester.name.strip(), "[your name]"))
        if requester.email.strip():
            needles.append((requester.email.strip(), "[your email]"))
        for line in requester.postal_address:
            if line.strip():
                needles.append((line.strip(), "[your address]"))

    def scrub(text: str, where: str) -> str:
        original = text
        for needle, placeholder in needles:
            text = re.sub(re.escape(needle), placeholder, text, flags=re.IGNORECASE)
        text = _EMAIL.sub("[email address]", text)
        text = _PHONE.sub("[phone number]", text)
        text = _POSTCODE.sub("[postcode]", text)
        if text != original:
            removed.append(f"personal details in {where}")
        return text

    data = request.model_copy(deep=True)
    if data.notes:
        removed.append("private notes")
        data.notes = ""
    if data.introduction:
        data.introduction = scrub(data.introduction, "the introduction")
    for number in data.numbered(ordered=False):
        number.part.text = scrub(number.part.text, f"part {number.number}")
    data.fields = {k: scrub(v, f"field {k}") for k, v in data.fields.items()}
    return data, removed


def open_request(path: Path) -> Request:
    """A saved request (`.foi.json`), or a request written as plain text, imported on the fly."""
    path = Path(path)
    text = storage.read_text(path, "request")
    if path.name.endswith(SUFFIX) or text.lstrip().startswith("{"):
        return load_request(path)
    from composer.textimport import parse_request

    return parse_request(text, source=str(path))
