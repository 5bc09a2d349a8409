"""Saved requests and shareable templates, one `.foi.json` file per request.

The library is a folder under the user's data dir. Every write is atomic. A file that cannot be
read is moved to `.set-aside/` with a message naming it and why, and the rest still load.
Deleting moves a file to `bin/`, from where it can be restored. Sharing a template strips the
requester's personal data; importing one validates it as data (it is JSON, never run).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from composer import paths, storage
from composer.errors import ComposerError, FileProblem
from composer.model import SCHEMA_VERSION, Request, Requester
from composer.sharing import strip_personal_data

SUFFIX = ".foi.json"


def load_request(path: Path) -> Request:
    """Read one `.foi.json` file, with a clear message for anything that is not a request."""
    return storage.read_model(
        Path(path), Request, what="FOI Composer request", current_version=SCHEMA_VERSION
    )


def save_request(path: Path, request: Request, *, replace: bool = True) -> Path:
    """Write a request file (private to the user: it may hold notes); `replace=False` writes to
    a free name instead of over an existing file. Returns the path written."""
    return storage.write_new(Path(path), storage.model_bytes(request), replace=replace,
                             private=True)


def slug(title: str) -> str:
    """A file name a person can read, safe on Windows, macOS and Linux (see storage.safe_name),
    at most 80 characters and leaving room for a suffix and a " (2)"."""
    return storage.safe_name(title[:200], default="Untitled request", suffix=SUFFIX,
                             reserve=40)[:80].rstrip(" .") or "Untitled request"


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
        self.root = Path(root) if root else paths.subdir("library")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage.os_problem(exc, self.root) from None
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
                try:
                    where = f"moved to {storage.set_aside(path)}"
                except OSError as os_exc:
                    where = f"left in place: {os_exc.strerror or os_exc}"
                listing.problems.append(f"{exc} ({where})")
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
            raise ComposerError(f"no request called {name!r} in the library ({known})")
        return path

    def load(self, name: str) -> Request:
        return load_request(self._existing(name))

    # -- writing -----------------------------------------------------------------------------
    def save(self, request: Request, name: str | None = None, *, replace: bool = False) -> Path:
        """Save under `name` (default: from the title), made safe. A taken name gets the next
        free one ("name (2)") unless `replace`, which first puts the earlier request in the bin.
        Returns the path written."""
        path = self.path_for_title(name or request.title)
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

    # -- sharing -----------------------------------------------------------------------------
    def export_template(self, name: str, dest: Path, requester: Requester | None = None, *,
                        replace: bool = False) -> tuple[Path, list[str]]:
        """Write a shareable copy with personal data removed (to a folder: named by its safe
        title). Returns the file written (a free name unless `replace`) and what was removed."""
        shared, removed = strip_personal_data(self.load(name), requester)
        return write_template(shared, Path(dest), replace=replace), removed

    def import_template(self, source: Path, requester: Requester | None = None
                        ) -> tuple[Path, list[str]]:
        """Validate a shared template, clean it, and add it under a free name; returns the path
        and what was removed."""
        request = load_request(Path(source))
        request, removed = strip_personal_data(request, requester)
        return self.save(request), removed


def write_template(shared: Request, dest: Path, *, replace: bool = False) -> Path:
    """Write an already cleaned request for sharing: readable by others, never over a file
    unasked. A folder `dest` gets a file named by the template's safe title."""
    if dest.is_dir():
        dest = dest / f"{slug(shared.title)}{SUFFIX}"
    return storage.write_new(dest, storage.model_bytes(shared), replace=replace, private=False)


def open_request(path: Path) -> Request:
    """A saved request (`.foi.json`), or a request written as plain text, imported on the fly."""
    path = Path(path)
    text = storage.read_text(path, "request")
    if path.name.endswith(SUFFIX) or text.lstrip().startswith("{"):
        return load_request(path)
    from composer.textimport import parse_request

    return parse_request(text, source=str(path))
