"""Safe file handling shared by the library, profile, settings, holidays and campaigns.

Writing:
- every write is atomic: a temporary file of ours (`.~foi-<pid>-<random>.tmp`) in the same
  folder, flushed and synced, then renamed into place and the folder synced, so a crash leaves
  the old file or the new one, never half of each. `clean_stale_temps` removes the temporary
  files a killed process left behind.
- `write_new` never writes over an existing file unless told to replace it: it takes the next
  free name, `name (2).ext`, and returns the path it wrote.
- personal data (profile, library, campaigns, settings, autosaves) is private to the user
  (0600); letters and shared templates are readable as the user's umask allows.
- `safe_name` makes a title into a file name every OS accepts.

Reading is bounded: size, JSON nesting depth, number length and invalid text (lone surrogates)
all give a `FileProblem` that names the file, never a crash. `set_aside` moves a damaged file
into a `.set-aside` folder beside it, so it is kept but no longer in the way.

Every store changes its file as a read-modify-write under a lock (`locked`, `locked_update`),
so two processes changing one file at once both keep their change.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import json
import math
import os
import re
import secrets
import stat
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from composer import paths
from composer.errors import ComposerError, FileProblem, NewerFile

if TYPE_CHECKING:  # pydantic is loaded where a file is read or written, not with this module
    from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound="BaseModel")
T = TypeVar("T")

BROKEN_DIR = ".set-aside"
TEMP_PREFIX = ".~foi-"
TEMP_SUFFIX = ".tmp"
MAX_NAME_BYTES = 255
MAX_FILE_BYTES = 32 * 1024 * 1024  # no file of ours comes near this; a bigger one is damaged
MAX_DEPTH = 64  # the deepest file of ours nests about 8 levels
MAX_NUMBER_DIGITS = 40
LOCK_TIMEOUT_S = 30.0
STALE_TEMP_AGE_S = 24 * 3600  # a temp file whose process we cannot check is stale after a day
PRIVATE_MODE = 0o600


# -- names ----------------------------------------------------------------------------------------
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]+')
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"} | {
    f"{kind}{n}" for kind in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]
}


def _visible(ch: str) -> bool:
    """Not a control, format (bidi overrides, zero-width marks), surrogate or unassigned char."""
    return unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def fit_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never splitting a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def safe_name(title: str, *, suffix: str = "", default: str = "Untitled", reserve: int = 0) -> str:
    """A file name (without `suffix`) a person can read and every OS accepts.

    Control and bidi characters and the characters Windows forbids go; spaces are collapsed and
    leading or trailing dots and spaces dropped (so `..` cannot name a parent folder); a Windows
    device name (CON, NUL, COM1 …) gets a trailing underscore; and the name with `suffix` and
    `reserve` more bytes (room for " (2)") fits in 255 bytes of UTF-8."""
    text = unicodedata.normalize("NFC", str(title))
    text = "".join(ch if _visible(ch) else " " for ch in text)
    text = _FORBIDDEN.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    limit = MAX_NAME_BYTES - len(suffix.encode("utf-8")) - reserve
    text = fit_bytes(text, max(limit, 1)).rstrip(" .")
    if not text:
        text = default
    head, dot, rest = text.partition(".")
    if head.strip().upper() in _WINDOWS_DEVICES:  # Windows reads "NUL.txt" as the device too
        text = fit_bytes(f"{head.rstrip()}_{dot}{rest}", max(limit, 1))
    return text


def split_suffix(name: str) -> tuple[str, str]:
    """`("report", ".foi.json")` for "report.foi.json"; `("a", ".txt")`; `("a", "")`."""
    for double in (".foi.json", ".campaign.json"):
        if name.endswith(double) and len(name) > len(double):
            return name[: -len(double)], double
    stem, dot, ext = name.rpartition(".")
    if dot and stem and not stem.endswith("."):
        return stem, f".{ext}"
    return name, ""


def free_names(path: Path) -> Iterator[Path]:
    """`path`, then `name (2).ext`, `name (3).ext` …, each fitting the 255-byte limit."""
    path = Path(path)
    stem, suffix = split_suffix(path.name)
    yield path
    n = 2
    while True:
        extra = f" ({n})"
        room = MAX_NAME_BYTES - len((extra + suffix).encode("utf-8"))
        yield path.with_name(f"{fit_bytes(stem, room).rstrip()}{extra}{suffix}")
        n += 1


def unique_path(path: Path) -> Path:
    """`path` if free, else `name (2).ext`, `name (3).ext` …: never an existing file."""
    return next(p for p in free_names(path) if not os.path.lexists(p))


def inside(root: Path, name: str, *, suffix: str = "", what: str = "name") -> Path:
    """`root/name+suffix`, refused unless it is a plain name that stays inside `root`."""
    root = Path(root)
    bad = (not name or name != name.strip() or name in {".", ".."} or "/" in name or "\\" in name
           or "\x00" in name or any(not _visible(ch) for ch in name))
    path = root / f"{name}{suffix}"
    if not bad:
        try:
            bad = path.resolve(strict=False).parent != root.resolve(strict=False)
        except (OSError, RuntimeError):
            bad = True
    if bad:
        raise ComposerError(f"{name!r} is not a {what}: a name cannot hold a folder "
                            "(no '/', '\\' or '..') or invisible characters")
    return path


# -- writing --------------------------------------------------------------------------------------
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (POSIX; Windows has no folder handles)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_file(folder: Path, data: bytes, private: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            os.chmod(tmp, 0o666 & ~_UMASK)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _place_new(tmp: Path, target: Path) -> bool:
    """Put `tmp` at `target` only if nothing is there (atomically); False if something is."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        return False
    except OSError:
        # no hard links here (FAT, some network shares): Windows' rename never replaces;
        # elsewhere check first (a race of a few microseconds remains)
        if os.name == "nt":
            try:
                os.rename(tmp, target)
            except FileExistsError:
                return False
            return True
        if os.path.lexists(target):
            return False
        os.replace(tmp, target)
        return True
    tmp.unlink(missing_ok=True)
    return True


def write_new(path: Path, data: bytes, *, replace: bool = False, private: bool = False) -> Path:
    """Write `data` atomically to `path`, or to the next free name if `path` exists and
    `replace` is False. Returns the path written. OS errors become one-line `FileProblem`s."""
    path = Path(path)
    try:
        clean_stale_temps(path.parent)
        tmp = _temp_file(path.parent, data, private)
        try:
            if replace:
                os.replace(tmp, path)
                written = path
            else:
                written = next(p for p in free_names(path) if _place_new(tmp, p))
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise os_problem(exc, path) from None
    _sync_folder(path.parent)
    return written


def move_new(source: Path, target: Path) -> Path:
    """Move `source` to `target`, or to the next free name: never over an existing file."""
    source, target = Path(source), Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        written = next(p for p in free_names(target) if _place_new(source, p))
    except OSError as exc:
        raise os_problem(exc, source) from None
    if written != source:
        source.unlink(missing_ok=True)
    _sync_folder(target.parent)
    return written


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = True) -> None:
    """Replace `path` with `data` atomically: for the app's own files, which it keeps current.
    Files written for the user go through `write_new`, which never replaces unasked."""
    write_new(path, data, replace=True, private=private)


def atomic_write_text(path: Path, text: str, *, private: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), private=private)


def model_bytes(model: BaseModel) -> bytes:
    return (model.model_dump_json(indent=2, exclude_none=False) + "\n").encode("utf-8")


def write_model(path: Path, model: BaseModel, *, private: bool = True) -> None:
    atomic_write_bytes(path, model_bytes(model), private=private)


def os_problem(exc: OSError, path: Path | None = None) -> FileProblem:
    """One line for an OS error: the path, what went wrong, and what to do."""
    where = exc.filename or path or "a file"
    reason = exc.strerror or str(exc) or exc.__class__.__name__
    if isinstance(exc, PermissionError) and _ours_hidden(where):
        # a folder the user may not write in fails on our temporary or lock file, a name the
        # user never chose: name the folder they did choose
        folder = Path(os.fsdecode(where)).parent
        home = _in_data_folder(folder)
        shown = folder.absolute() if str(folder) == "." else folder
        return FileProblem(f"{shown}: this folder cannot be written in ({reason}); "
                           + ("check you may write there, or set FOI_COMPOSER_HOME to a folder you own" if home
                              else "check you may write there, or choose a folder you own"))
    # FOI_COMPOSER_HOME moves only the data folder: no help with a path the user named.
    home = _in_data_folder(where)
    if isinstance(exc, PermissionError):
        advice = ("check you may write there, or set FOI_COMPOSER_HOME to a folder you own" if home
                  else "check you may write there, or choose a folder you own")
    elif isinstance(exc, (NotADirectoryError, FileExistsError)):
        advice = ("a file stands where a folder should be: move it, or set FOI_COMPOSER_HOME" if home
                  else "a file stands where a folder should be: move or rename it, or choose another folder")
    elif isinstance(exc, IsADirectoryError):
        advice = "a folder stands where a file should be: move it or choose another name"
    elif getattr(exc, "errno", None) == 28:
        advice = "free some disk space and try again"
    elif getattr(exc, "errno", None) == errno.EROFS:  # named by its folder, not a lock or temp file
        where = paths.data_location() if home else Path(os.fsdecode(where)).parent
        advice = ("the disk is read-only: set FOI_COMPOSER_HOME to a folder on a disk you may write to"
                  if home else "the disk is read-only: choose a folder on a disk you may write to")
        return FileProblem(f"{where}: {advice}")
    else:
        advice = "check the path and try again"
    return FileProblem(f"{where}: {reason}; {advice}")


def _ours_hidden(where) -> bool:
    """Whether `where` is a temporary or lock file of ours, which the user never named."""
    if not isinstance(where, (str, os.PathLike)):
        return False
    name = Path(os.fsdecode(where)).name
    return (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)) or (
        name.startswith(".") and name.endswith(".lock"))


def writable_folder(folder: Path) -> None:
    """Make `folder` if missing and make sure a file can be written in it (a temporary one,
    removed at once), or a one-line `FileProblem` naming it: so that many files bound for a
    folder the user may not write in fail once, not once each."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _temp_file(folder, b"", private=True).unlink()
    except OSError as exc:
        raise os_problem(exc, folder) from None


def _in_data_folder(where) -> bool:
    """Whether `where` is the data folder or inside it (True when no path is known)."""
    if not isinstance(where, (str, os.PathLike)) or where == "a file":
        return True
    home = paths.data_location().absolute()
    place = Path(os.fsdecode(where)).absolute()
    return place == home or home in place.parents


# Before this naming, temp files were `.<target name>.<8 random characters>.tmp` (tempfile's).
_OLD_TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
OLD_TEMP_AGE_S = 3600


def _temp_is_stale(path: Path, now: float) -> bool:
    name = path.name
    if not name.startswith(TEMP_PREFIX):  # the older form: no process id, so judged by age
        try:
            return bool(_OLD_TEMP.match(name)) and now - path.stat().st_mtime > OLD_TEMP_AGE_S
        except OSError:
            return False
    pid_text = name[len(TEMP_PREFIX):].split("-", 1)[0]
    try:
        age = now - path.stat().st_mtime
    except OSError:
        return False
    if pid_text.isdigit() and os.name != "nt":
        pid = int(pid_text)
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass
    return age > STALE_TEMP_AGE_S


_cleaned: set[str] = set()


def clean_stale_temps(folder: Path, *, recursive: bool = False) -> list[Path]:
    """Remove temporary files of ours that a killed process left in `folder` (once per folder
    per process unless `recursive`, which start-up uses on the data folder)."""
    folder = Path(folder)
    key = str(folder)
    if key in _cleaned and not recursive:
        return []
    _cleaned.add(key)
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = folder.rglob(f".*{TEMP_SUFFIX}") if recursive else \
            folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}")
        for path in candidates:
            if path.is_file() and _temp_is_stale(path, now):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    except OSError:
        pass
    return removed


def clean_data_folder() -> list[Path]:
    """Remove the temporary files a killed FOI Composer left anywhere in the data folder."""
    return clean_stale_temps(paths.data_dir(), recursive=True)


# -- locks ----------------------------------------------------------------------------------------
def lock_path(path: Path) -> Path:
    path = Path(path)
    name = f".{path.name}.lock"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = f".~lock-{hashlib.sha256(path.name.encode('utf-8')).hexdigest()[:20]}.lock"
    return path.with_name(name)


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the lock of `path` (a `.name.lock` file beside it; the OS frees it if we die)."""
    from filelock import FileLock, Timeout  # only when something is written: not at start-up

    target = lock_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target), timeout=timeout)
        lock.acquire()
    except Timeout:
        raise FileProblem(f"{path}: another FOI Composer has held it for {timeout:.0f} s; "
                          "close the other window or command and try again") from None
    except OSError as exc:
        raise os_problem(exc, target) from None
    try:
        yield
    finally:
        lock.release()


def locked_update(path: Path, change: Callable[[T | None], T], *,
                  read: Callable[[Path], T], write: Callable[[Path, T], None]) -> T:
    """Read `path` (None if absent), apply `change`, write the result: all under its lock, so
    changes made at the same time by other processes are kept, not written over."""
    path = Path(path)
    with locked(path):
        current = read(path) if path.exists() else None
        updated = change(current)
        write(path, updated)
        return updated


def update_model(path: Path, model: type[M], change: Callable[[M], M], *, what: str,
                 current_version: int | None = None, unversioned: int | None = None,
                 private: bool = True) -> tuple[M, str | None]:
    """`locked_update` for a file holding one model. A damaged file is set aside and `change`
    gets a fresh default model; the second value is then the one-line message saying so. A file
    written by a newer app is never set aside or written over: its `NewerFile` is raised."""
    problems: list[str] = []

    def read(p: Path) -> M:
        try:
            return read_model(p, model, what=what, current_version=current_version,
                              unversioned=unversioned)
        except NewerFile:
            raise
        except FileProblem as exc:
            problems.append(f"{exc}; it was moved to {set_aside(p)}")
            return model()

    updated = locked_update(path, lambda current: change(current if current is not None
                                                         else model()),
                            read=read, write=lambda p, m: write_model(p, m, private=private))
    return updated, (problems[0] if problems else None)


# -- text people give the app ---------------------------------------------------------------------
# UTF-8, UTF-16 and UTF-32 are read with or without a byte-order mark (charset-normalizer tells
# the byte orders apart when there is no mark), and Windows-1252, Word's "plain text" on
# Windows. A file mostly in UTF-8 with some lines in Windows-1252 (text pasted together from two
# sources) is read line by line, and a note names the lines read the other way. Binary data is
# refused: `decode_text` returns None for it.
_BOMS = (  # longest first: a UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
         "utf-32-le": "UTF-32", "utf-32-be": "UTF-32", "mixed": "UTF-8 and Windows-1252"}


@dataclass
class Decoded:
    text: str
    encoding: str  # a key of NAMES
    notes: list[str] = field(default_factory=list)


def _is_text(text: str) -> bool:
    sample = text[:20000]
    return "\x00" not in sample and len(_CONTROL_CHARS.findall(sample)) <= max(2, len(sample) // 100)


def _line_numbers(numbers: list[int], limit: int = 12) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    more = len(numbers) - limit
    return f"{shown} and {more} more" if more > 0 else shown


def _wide(data: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 without a byte-order mark."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_WIDE).best()
    if best is None:
        return None
    encoding = best.encoding.replace("_", "-")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, encoding) if _is_text(text) else None


def _line_by_line(data: bytes) -> Decoded:
    """Each line as UTF-8 where it is valid, else as Windows-1252; a note names the latter."""
    lines = data.split(b"\n")
    out: list[str] = []
    fallback: list[int] = []
    utf8_beyond_ascii = False
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8")
            utf8_beyond_ascii |= not raw.isascii()
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
            fallback.append(number)
        out.append(line)
    text = "\n".join(out)
    if not utf8_beyond_ascii:
        return Decoded(text, "cp1252")
    return Decoded(text, "mixed", [
        f"the text mixes encodings: line{'s' if len(fallback) > 1 else ''} "
        f"{_line_numbers(fallback)} {'were' if len(fallback) > 1 else 'was'} not UTF-8 and "
        "read as Windows-1252; check the accents there"])


def decode_text(data: bytes) -> Decoded | None:
    """The text in `data`, how it was read, and notes for the user; None if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                if encoding != "utf-8":
                    return None
                decoded = _line_by_line(data[len(bom):])
            else:
                decoded = Decoded(text, encoding)
            return decoded if _is_text(decoded.text) else None
    if b"\x00" in data[:8192]:
        return _wide(data)
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        decoded = _line_by_line(data)
    return decoded if _is_text(decoded.text) else None


# -- reading --------------------------------------------------------------------------------------
def read_bytes(path: Path, what: str = "file", *, limit: int | None = None) -> bytes:
    """The bytes of `path`, refusing a file larger than `limit` (default MAX_FILE_BYTES)."""
    path = Path(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise FileProblem(f"{path}: is not a regular file, so not a {what}")
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FileProblem(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise FileProblem(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise FileProblem(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise FileProblem(f"{path}: is larger than {limit:,} bytes, too big for a {what}")
    return data


def read_text(path: Path, what: str = "file", *, limit: int | None = None) -> str:
    """Read a text file (UTF-8, UTF-16 or UTF-32 with or without a byte-order mark, or
    Windows-1252), refusing empty and binary files with a clear message."""
    return read_text_with_notes(path, what, limit=limit)[0]


def read_text_with_notes(path: Path, what: str = "file", *,
                         limit: int | None = None) -> tuple[str, list[str]]:
    """`read_text`, and notes for the user on how it was read (lines in another encoding)."""
    path = Path(path)
    return decode_or_refuse(read_bytes(path, what, limit=limit), str(path), what)


def decode_or_refuse(data: bytes, source: str, what: str) -> tuple[str, list[str]]:
    """The text in `data` and notes on how it was read, or a `FileProblem` naming `source`."""
    if not data.strip():
        raise FileProblem(f"{source}: the {what} is empty")
    decoded = decode_text(data)
    if decoded is None:
        raise FileProblem(f"{source}: is a binary file, not a {what}")
    return decoded.text, decoded.notes


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_number(text: str) -> float:
    raise ValueError(f"the number {text} is not allowed")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {len(text)} digits is too long")
    return int(text)


def _check_tree(data: object) -> str | None:
    """What is wrong with decoded JSON (too deep, invalid text), or None."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"nests more than {MAX_DEPTH} levels deep"
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return "holds invalid text (a lone surrogate escape such as \\ud800)"
        elif isinstance(item, float) and not math.isfinite(item):
            return "holds a number that is not finite"
        elif isinstance(item, dict):
            for key, value in item.items():
                stack.append((key, depth))
                stack.append((value, depth + 1))
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)
    return None


def parse_json(text: str, source: str) -> object:
    """JSON with bounded depth and number length and no invalid text, or a `FileProblem`."""
    try:
        data = json.loads(text, parse_int=_bounded_int, parse_constant=_refuse_number)
    except json.JSONDecodeError as exc:  # ("Unterminated string starting at": the place is given apart)
        what = re.sub(r"\s+(?:starting\s+)?at$", "", exc.msg)
        raise FileProblem(f"{source}: is not valid JSON (line {exc.lineno}, column {exc.colno}: {what})") from None
    except RecursionError:
        raise FileProblem(f"{source}: nests more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:
        raise FileProblem(f"{source}: is not valid JSON ({exc})") from None
    problem = _check_tree(data)
    if problem:
        raise FileProblem(f"{source}: {problem}")
    return data


def read_json(path: Path, what: str = "file") -> object:
    path = Path(path)
    return json_in(read_bytes(path, what), path, what)


def json_in(data: bytes, path: Path, what: str = "file") -> object:
    """The JSON in `data`, the bytes read from `path`, or a `FileProblem` naming `path`."""
    if not data.strip():
        raise FileProblem(f"{path}: the {what} is empty")
    if b"\x00" in data[:8192]:
        raise FileProblem(f"{path}: is a binary file, not a {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"{path}: is not UTF-8 text (byte {exc.start})") from None
    return parse_json(text, str(path))


def describe_validation_error(exc: ValidationError, limit: int = 3) -> str:
    parts = []
    for err in exc.errors()[:limit]:
        where = ".".join(str(x) for x in err["loc"]) or "top level"
        parts.append(f"{where[:80]}: {err['msg'][:200]}")
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
    unversioned: int | None = None,
) -> M:
    """Validate JSON data as `model`, checking its schema version first when one is given.
    `unversioned` is the version a file without `schema_version` is read as (a format that
    carried none at first); without it such a file is refused."""
    if not isinstance(data, dict):
        raise FileProblem(f"{source}: is not a {what} (expected a JSON object)")
    if current_version is not None:
        version = data.get("schema_version", unversioned)
        if not isinstance(version, int) or isinstance(version, bool):
            raise FileProblem(f"{source}: is not a {what} (no schema_version)")
        if version > current_version:
            raise NewerFile(
                f"{source}: was written by a newer FOI Composer (format {version}, this version "
                f"reads up to {current_version}); update the app to open it"
            )
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FileProblem(f"{source}: is not a valid {what}: {describe_validation_error(exc)}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise FileProblem(f"{source}: is not a valid {what} ({exc.__class__.__name__})") from None


def read_model(path: Path, model: type[M], *, what: str, current_version: int | None = None,
               unversioned: int | None = None) -> M:
    return parse_model(read_json(path, what), model, source=str(path), what=what,
                       current_version=current_version, unversioned=unversioned)


def load_or_set_aside(path: Path, model: type[M], *, what: str, current_version: int | None = None,
                      unversioned: int | None = None, instead: str,
                      refuse_newer: bool = False) -> tuple[M, str | None]:
    """The model in `path` (a default one if there is no file) and None; or, if the file is
    damaged, a default model and one line saying where the file went and what is used `instead`.
    A file written by a newer app is not damaged: it stays where it is, untouched, and is either
    refused (`refuse_newer`: the `NewerFile` is raised) or passed over with a line saying so."""
    path = Path(path)
    if not path.exists():
        return model(), None
    try:
        return read_model(path, model, what=what, current_version=current_version,
                          unversioned=unversioned), None
    except NewerFile as exc:
        if refuse_newer:
            raise
        return model(), f"{exc}; it is left where it is and, for now, {instead}"
    except FileProblem as exc:
        try:
            moved = set_aside(path)
        except OSError as os_exc:
            return model(), f"{exc}; it could not be moved aside ({os_exc.strerror}); {instead}"
        return model(), f"{exc}; it was moved to {moved} and {instead}"


def put_aside(path: Path, problem: FileProblem) -> str:
    """One line for a file in a folder listing that did not read: a damaged file is moved aside
    (kept, out of the way); one written by a newer app, or one this user cannot read, stays put."""
    if isinstance(problem, NewerFile) or not os.access(path, os.R_OK):
        return f"{problem} (left where it is)"
    try:
        return f"{problem} (moved to {set_aside(path)})"
    except OSError as exc:
        return f"{problem} (left where it is: {exc.strerror or exc})"


def set_aside_copies(path: Path) -> list[Path]:
    """The files `set_aside` made of `path`, the newest last."""
    path = Path(path)
    base = fit_bytes(path.name, MAX_NAME_BYTES - 40) + "."
    folder = path.parent / BROKEN_DIR
    try:
        return sorted(p for p in folder.iterdir() if p.name.startswith(base))
    except OSError:
        return []


def missing_but_set_aside(path: Path) -> str:
    """What to add where `path` is asked for and is missing because it was set aside as damaged
    (empty when it was not): where the copy is and how to use it again."""
    copies = set_aside_copies(path)
    if not copies:
        return ""
    return (f"; a damaged file of that name was set aside as {copies[-1]}: repair it and move it back "
            f"to {path} to use it again")


def set_aside(path: Path) -> Path:
    """Move a broken file into a `.set-aside` folder beside it, never overwriting anything there."""
    path = Path(path)
    target_dir = path.parent / BROKEN_DIR
    target_dir.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = fit_bytes(path.name, MAX_NAME_BYTES - 40)
    target = unique_path(target_dir / f"{base}.{stamp}")
    os.replace(path, target)
    return target
