"""Autosave and crash recovery, with a real crash: the app is started in its own process, makes
an edit, writes its autosave and is killed with SIGKILL; the next start finds the work and
offers it back. A clean exit leaves nothing to offer."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from composer.library import save_request
from composer.model import Part, Request
from composer.ui.autosave import AutosaveSlot, autosave_files
from composer.ui.qt_autosaver import QtAutosaver
from composer.ui.qt_prompts import QtRecoveryPrompt, QtUnsavedPrompt

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and select on a pipe")


def answer(monkeypatch, cls, reply, seen: list | None = None):
    def ask(_cls, _parent, *args):
        if seen is not None:
            seen.append(args[0])
        return reply
    monkeypatch.setattr(cls, "ask", classmethod(ask))


def start_and_crash(request_file: Path, home: Path, title: str) -> Path:
    env = dict(os.environ, FOI_COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               FOI_COMPOSER_TEST_EDIT=title, FOI_COMPOSER_AUTOSAVE_MS="100")
    proc = subprocess.Popen([sys.executable, "-m", "composer", "gui", str(request_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        assert ready, "the app did not report its autosave"
        line = proc.stdout.readline()
        assert line.startswith("autosaved "), line + proc.stderr.read()
        autosave = Path(line.split(" ", 1)[1].strip())
        assert autosave.exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return autosave


def test_work_of_a_killed_app_is_offered_back(qtbot, tmp_path, data_home, monkeypatch):
    request_file = tmp_path / "risk.foi.json"
    save_request(request_file, Request(title="Before the crash", parts=[Part(text="Q?")],
                                       forces=["kent_police", "wmp"]))
    autosave = start_and_crash(request_file, data_home, "Typed just before the crash")
    assert autosave.exists()  # a crash leaves it behind: that is how the next start knows

    from composer.ui.app import build_window

    offered = []
    answer(monkeypatch, QtRecoveryPrompt, "recover", offered)
    window, _notes = build_window(None)
    try:
        assert window.files.offer_recovery()
        assert [record.request.title for record in offered] == ["Typed just before the crash"]
        document = window.document
        assert document.request.title == "Typed just before the crash"
        assert document.path == request_file and document.is_modified
        assert document.forces == ["kent_police", "wmp"]
        assert not autosave.exists()  # this session's own autosave now holds the work
        assert window.files.save()
        assert Request.model_validate_json(request_file.read_text()).title == "Typed just before the crash"
    finally:
        window.close()
    assert QtAutosaver.orphans() == [] and autosave_files() == []


def orphan(request: Request) -> Path:
    """An autosave left by a session that is no longer running (nobody holds its lock)."""
    return AutosaveSlot("12345-deadbeef").write(request, source=None)


def test_discarded_work_is_removed_and_later_keeps_it(qtbot, monkeypatch):
    from composer.ui.app import build_window

    kept = orphan(Request(title="Keep for later"))
    answer(monkeypatch, QtRecoveryPrompt, "later")
    window, _ = build_window(None)
    assert not window.files.offer_recovery() and kept.exists()
    answer(monkeypatch, QtRecoveryPrompt, "discard")
    assert not window.files.offer_recovery() and not kept.exists()
    window.close()


def test_a_running_sessions_autosave_is_not_an_orphan_and_a_clean_exit_removes_it(window, qtbot, monkeypatch):
    from composer.operations import request as edits

    with qtbot.waitSignal(window.autosaver.written, timeout=5000) as written:
        window.document.edit("retitle", edits.set_title, title="Unsaved title")
    path = Path(written.args[0])
    assert path.exists()
    assert QtAutosaver.orphans() == []  # its lock is held: the app is alive
    window.document.undo_stack.undo()  # back to the saved state: nothing left to recover
    assert not path.exists()
    window.document.edit("retitle", edits.set_title, title="Unsaved again")
    window.autosaver.write_now()
    answer(monkeypatch, QtUnsavedPrompt, "discard")
    window.close()
    assert not path.exists() and autosave_files() == []


def test_an_autosave_that_cannot_be_written_is_said_once_in_the_status_bar(qtbot, data_home, monkeypatch):
    """LEFT-S10: with the data folder read-only, each autosave ended in a traceback on stderr
    (the app went on, the user was told nothing). The window now says so once, and again only
    after a write that worked."""
    import errno

    from composer import storage
    from composer.operations import request as edits
    from composer.ui.qt_main_window import QtMainWindow

    def read_only(folder, *_args):
        raise OSError(errno.EROFS, "Read-only file system", str(folder / ".~foi-1-abc.tmp"))

    monkeypatch.setattr(storage, "_temp_file", read_only)
    window = QtMainWindow(autosave_delay_ms=10)
    qtbot.addWidget(window)
    said = []
    window.autosaver.failed.connect(said.append)
    window.document.edit("retitle", edits.set_title, title="First")
    assert window.autosaver.write_now() is None
    window.document.edit("retitle", edits.set_title, title="Second")
    assert window.autosaver.write_now() is None
    assert len(said) == 1 and said[0].startswith("Autosave could not write a copy: ")
    assert f"{data_home}: the disk is read-only" in said[0]
    assert window.statusBar().currentMessage() == said[0]
    answer(monkeypatch, QtUnsavedPrompt, "discard")
    window.close()


def test_a_broken_autosave_is_set_aside_not_offered(qtbot, data_home, monkeypatch):
    from composer.ui.app import build_window

    broken = orphan(Request(title="x"))
    broken.write_text("{ not json")
    window, _ = build_window(None)
    assert not window.files.offer_recovery()  # the autouse fixture fails the test if asked
    assert not broken.exists()
    assert any((broken.parent / ".set-aside").iterdir())
    window.close()


def test_an_autosave_from_before_requests_kept_their_forces_still_brings_them_back(qtbot, monkeypatch):
    from composer.ui.app import build_window

    path = orphan(Request(title="x"))
    path.write_text(
        '{"schema_version": 1, "kind": "foi-autosave", "source": null, "saved_at": "2026-11-20T10:00:00",'
        ' "forces": ["kent_police", "essex_police"], "request": {"schema_version": 1, "title": "Older autosave",'
        ' "parts": [{"id": "p1", "text": "Q?"}]}}', "utf-8")
    answer(monkeypatch, QtRecoveryPrompt, "recover")
    window, _ = build_window(None)
    try:
        assert window.files.offer_recovery()
        assert window.document.request.title == "Older autosave"
        assert window.document.forces == ["kent_police", "essex_police"]
    finally:
        answer(monkeypatch, QtUnsavedPrompt, "discard")
        window.close()


def test_the_offer_says_the_day_as_a_letter_does():
    """QA-S9: "last changed 02 December 2026 at 04:59"; a day is written "2 December 2026"."""
    from datetime import datetime

    from composer.model import Request
    from composer.ui.autosave import Autosave

    saved = Autosave(request=Request(title="Risk scores"), saved_at=datetime(2026, 12, 2, 4, 59))
    assert saved.described == "“Risk scores” (not saved yet), last changed 2 December 2026 at 04:59"
