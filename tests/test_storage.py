from __future__ import annotations

import pytest

from composer import storage
from composer.errors import FileProblem
from composer.model import Request


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path):
    tmp_path = tmp_path / "w"
    target = tmp_path / "a.json"
    storage.atomic_write_text(target, "one")
    storage.atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    tmp_path = tmp_path / "w"
    target = tmp_path / "a.json"
    storage.atomic_write_text(target, "old")

    def boom(*a):
        raise OSError("disk full")

    monkeypatch.setattr(storage.os, "replace", boom)
    with pytest.raises(FileProblem, match="disk full"):
        storage.atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@pytest.mark.parametrize(
    "content, message",
    [(b"", "is empty"), (b"  \n", "is empty"), (b"\x00\x01PK", "binary"),
     (b"{oops", r"not valid JSON \(line 1"), (b"[1, 2]", "expected a JSON object"),
     (b'{"title": "x"}', "no schema_version"),
     (b'{"schema_version": 99, "title": "x"}', "newer FOI Composer"),
     (b'{"schema_version": 1, "parts": 3}', "parts: Input should be a valid list")],
)
def test_read_model_names_the_problem(tmp_path, content, message):
    path = tmp_path / "x.foi.json"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=message) as info:
        storage.read_model(path, Request, what="request", current_version=1)
    assert str(path) in str(info.value)


def test_a_newer_app_s_file_is_neither_set_aside_nor_written_over(tmp_path):
    """LEFT-S10: the settings and holiday files (as the profile) were set aside when a newer app
    wrote them, and a change then wrote a fresh file in their place."""
    from composer.ui.settings import Settings

    path = tmp_path / "settings.json"
    content = b'{"schema_version": 9, "window_geometry": "abc", "theme": "dark"}'
    path.write_bytes(content)
    settings, problem = storage.load_or_set_aside(path, Settings, what="settings file",
                                                  current_version=1, instead="the defaults are used")
    assert settings == Settings() and "newer FOI Composer" in problem and "left where it is" in problem
    with pytest.raises(FileProblem, match="newer FOI Composer"):
        storage.load_or_set_aside(path, Settings, what="settings file", current_version=1,
                                  instead="-", refuse_newer=True)
    with pytest.raises(FileProblem, match="update the app"):
        storage.update_model(path, Settings, lambda s: s, what="settings file", current_version=1)
    assert path.read_bytes() == content
    assert not (tmp_path / ".set-aside").exists()


def test_set_aside_never_overwrites(tmp_path):
    for n in range(3):
        p = tmp_path / "bad.json"
        p.write_text(str(n))
        storage.set_aside(p)
    kept = sorted(x.read_text() for x in (tmp_path / ".set-aside").iterdir())
    assert kept == ["0", "1", "2"]


def test_unique_path_keeps_double_suffix(tmp_path):
    (tmp_path / "A.foi.json").write_text("x")
    assert storage.unique_path(tmp_path / "A.foi.json").name == "A (2).foi.json"
    (tmp_path / "L.docx").write_text("x")
    assert storage.unique_path(tmp_path / "L.docx").name == "L (2).docx"


def test_only_the_data_folder_is_offered_foi_composer_home(data_home, tmp_path):
    """FOI_COMPOSER_HOME moves the data folder, so an OS error there points to it; an error on
    a path the user named (an output folder) says what to do with that path instead."""
    from composer.storage import os_problem

    theirs = tmp_path / "letters" / "a.docx"
    for error in (PermissionError(13, "Permission denied", str(theirs)),
                  NotADirectoryError(20, "Not a directory", str(theirs))):
        line = str(os_problem(error))
        assert line.startswith(f"{theirs}: ") and "FOI_COMPOSER_HOME" not in line
        assert "choose" in line
    ours = data_home / "library" / "x.foi.json"
    assert "FOI_COMPOSER_HOME" in str(os_problem(PermissionError(13, "Permission denied", str(ours))))
    assert "FOI_COMPOSER_HOME" in str(os_problem(FileExistsError(17, "File exists", str(data_home))))


def test_a_read_only_disk_is_named_as_one(data_home, tmp_path):
    """QA-S9: with the data folder on a read-only disk (a mounted backup, a locked-down machine)
    every change said "…/.profile.json.lock: Read-only file system; check the path and try
    again": no path was wrong, and the hidden lock file is not one the user knows."""
    from composer.storage import os_problem

    lock = data_home / ".profile.json.lock"
    line = str(os_problem(OSError(30, "Read-only file system", str(lock))))
    assert line.startswith(f"{data_home}: ") and "check the path" not in line
    assert "read-only" in line and "FOI_COMPOSER_HOME" in line
    theirs = tmp_path / "letters" / ".~foi-1-abc.tmp"  # a letter's temporary file, on their disk
    line = str(os_problem(OSError(30, "Read-only file system", str(theirs))))
    assert line.startswith(f"{theirs.parent}: ") and "choose a folder on a disk you may write to" in line
