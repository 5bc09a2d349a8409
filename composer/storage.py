"""Safe file handling shared by the library, profile, settings and campaigns.

Writes are atomic (a temporary file in the same folder, flushed, then renamed over the target),
so a crash mid-write leaves either the old file or the new one, never half of each. Reading a
file that is not what it should be raises a `FileProblem` that names the file and the problem;
`set_aside` moves such a file out of the way so it is kept but no longer in the way.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from composer.errors import FileProblem

M = TypeVar("M", bound=BaseModel)

BROKEN_DIR = ".set-aside"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_model(path: Path, model: BaseModel) -> None:
    atomic_write_text(path, model.model_dump_json(indent=2, exclude_none=False) + "\n")


def read_text(path: Path, what: str = "file") -> str:
    """Read a UTF-8 text file, refusing empty and binary files with a clear message."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise FileProblem(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise FileProblem(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise FileProblem(f"{path}: the {what} is empty")
    if b"\x00" in data[:8192]:
        raise FileProblem(f"{path}: is a binary file, not a {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # Word's "plain text" on Windows
        except UnicodeDecodeError:
            raise FileProblem(f"{path}: is not text (not UTF-8)") from None
    return text


def read_json(path: Path, what: str = "file") -> object:
    text = read_text(path, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(
            f"{path}: is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def describe_validation_error(exc: ValidationError, limit: int = 3) -> str:
    parts = []
    for err in exc.errors()[:limit]:
        where = ".".join(str(x) for x in err["loc"]) or "top level"
        parts.append(f"{where}: {err['msg']}")
    more = len(exc.errors()) - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


def parse_model(
    data: object,
    model: type[M],
    *,
    source: str,
    what: str,
    current_version: int | None = None,
) -> M:
    """Validate JSON data as `model`, checking its schema version first when one is given."""
    if not isinstance(data, dict):
        raise FileProblem(f"{source}: is not a {what} (expected a JSON object)")
    if current_version is not None:
        version = data.get("schema_version")
        if not isinstance(version, int):
            raise FileProblem(f"{source}: is not a {what} (no schema_version)")
        if version > current_version:
            raise FileProblem(
                f"{source}: was written by a newer FOI Composer (format {version}, this version "
                f"reads up to {current_version}); update the app to open it"
            )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FileProblem(f"{source}: is not a valid {what}: {describe_validation_error(exc)}") from None


def read_model(path: Path, model: type[M], *, what: str, current_version: int | None = None) -> M:
    return parse_model(
        read_json(path, what), model, source=str(path), what=what, current_version=current_version
    )


def set_aside(path: Path) -> Path:
    """Move a broken file into a `.set-aside` folder beside it, never overwriting anything there."""
    path = Path(path)
    target_dir = path.parent / BROKEN_DIR
    target_dir.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{path.name}.{stamp}"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{path.name}.{stamp}-{n}"
    os.replace(path, target)
    return target


def unique_path(path: Path) -> Path:
    """`path` if free, else `name (2).ext`, `name (3).ext` …: never an existing file."""
    path = Path(path)
    if not path.exists():
        return path
    suffixes = "".join(path.suffixes[-2:]) if path.name.endswith(".foi.json") else path.suffix
    stem = path.name[: len(path.name) - len(suffixes)] if suffixes else path.name
    n = 2
    while True:
        candidate = path.with_name(f"{stem} ({n}){suffixes}")
        if not candidate.exists():
            return candidate
        n += 1
