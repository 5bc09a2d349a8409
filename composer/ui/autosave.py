"""Autosave files: the open request, written a few seconds after each change. No Qt here.

Each running app owns one file, `autosave/<session>.json`, next to a lock file that says the
session is alive. A clean exit removes both. So at start, an autosave whose lock nobody holds is
work left behind by a crash, and the app offers it back.
"""

from __future__ import annotations

from datetime import datetime
import contextlib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from composer import paths, storage
from composer.errors import FileProblem
from composer.law import readable
from composer.model import Request

AUTOSAVE_VERSION = 1
SUFFIX = ".autosave.json"


class Autosave(BaseModel):
    model_config = ConfigDict(defer_build=True)  # built on first write: start-up stays quick

    schema_version: int = AUTOSAVE_VERSION
    kind: Literal["foi-autosave"] = "foi-autosave"
    source: str | None = Field(default=None, description="the file the request came from, if any")
    forces: list[str] = Field(default_factory=list, description="read from older autosaves only")
    saved_at: datetime = Field(default_factory=datetime.now)
    request: Request

    def with_forces(self) -> Request:
        """The request, with the forces an older autosave kept beside it (newer ones keep them in
        the request itself)."""
        if self.request.forces or not self.forces:
            return self.request
        return self.request.model_copy(update={"forces": self.forces})

    @property
    def described(self) -> str:
        where = Path(self.source).name if self.source else "not saved yet"
        from composer.letters.letter import format_date  # only when work is offered back

        when = f"{format_date(self.saved_at)} at {self.saved_at:%H:%M}"
        return f"“{readable(self.request.title, self.request)}” ({where}), last changed {when}"


def autosave_dir() -> Path:
    return paths.subdir("autosave")


class AutosaveSlot:
    """The autosave file of one running session."""

    def __init__(self, session: str, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else autosave_dir()
        self.session = session
        self.path = self.folder / f"{session}{SUFFIX}"

    def write(self, request: Request, *, source: Path | None) -> Path:
        record = Autosave(source=str(source) if source else None, request=request)
        storage.write_model(self.path, record)
        return self.path

    def clear(self) -> None:
        with contextlib.suppress(OSError):  # a folder that cannot be written holds none of ours
            self.path.unlink(missing_ok=True)


def session_of(path: Path) -> str:
    return path.name[: -len(SUFFIX)]


def autosave_files(folder: Path | None = None) -> list[Path]:
    folder = Path(folder) if folder else autosave_dir()
    return sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)


def read_autosave(path: Path) -> Autosave:
    return storage.read_model(
        path, Autosave, what="autosave file", current_version=AUTOSAVE_VERSION
    )


def discard(path: Path) -> None:
    """Remove an autosave the user chose not to recover."""
    Path(path).unlink(missing_ok=True)


def read_or_set_aside(path: Path) -> Autosave | None:
    """The autosave, or None after moving a broken one out of the way (it is kept, not deleted)."""
    try:
        return read_autosave(path)
    except FileProblem:
        storage.set_aside(path)
        return None
