"""Autosave keeps up with typing that never pauses, and quitting after an edit is quiet.

Real processes: the app types into a part (one character every 40 ms, as a steady typist does,
so no idle pause ever comes) and is killed with SIGKILL; what its autosave holds is compared
with what had been typed by then."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from composer.library import save_request
from composer.model import Part, Request
from composer.ui.autosave import autosave_files, read_autosave
from composer.ui.qt_autosaver import MAX_DELAY_MS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and select on a pipe")

WORDS = " ".join(f"word{n}" for n in range(60))
INTERVAL_MS = 40


def type_and_kill(request_file: Path, home: Path, kill_after: int) -> tuple[list[float], str]:
    """Start the app typing WORDS; kill it after `kill_after` characters. Returns the time each
    character was typed and the part's text as the autosave holds it ("" if none)."""
    env = dict(os.environ, FOI_COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               FOI_COMPOSER_TEST_TYPING=WORDS, FOI_COMPOSER_TEST_TYPING_MS=str(INTERVAL_MS))
    env.pop("FOI_COMPOSER_AUTOSAVE_MS", None)
    proc = subprocess.Popen([sys.executable, "-m", "composer", "gui", str(request_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    times: list[float] = []
    try:
        while len(times) < kill_after:
            ready, _, _ = select.select([proc.stdout], [], [], 120)
            assert ready, "the app stopped typing"
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            if line.startswith("typed "):
                times.append(float(line.split()[2]))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    saved = autosave_files(home / "autosave")
    return times, (read_autosave(saved[0]).request.parts[0].text if saved else "")


def test_a_kill_mid_typing_loses_at_most_two_seconds(tmp_path, data_home):
    request_file = tmp_path / "typing.foi.json"
    save_request(request_file, Request(title="Typing", parts=[Part(text="")]))
    # 4 s of typing without a pause: longer than any idle delay, twice the promise
    times, recovered = type_and_kill(request_file, data_home, kill_after=100)
    assert WORDS.startswith(recovered)
    assert recovered, "nothing of 4 s of typing was autosaved"
    lost_seconds = times[-1] - times[len(recovered) - 1]
    assert lost_seconds <= 2.0, f"{lost_seconds:.2f} s of typing lost (at most {MAX_DELAY_MS} ms meant)"


def test_quitting_with_discard_after_an_edit_prints_no_traceback(tmp_path, data_home):
    script = textwrap.dedent("""
        import sys
        from composer.operations.request import set_title
        from composer.ui.app import application, build_window
        from composer.ui.qt import QTimer
        from composer.ui.qt_prompts import QtUnsavedPrompt

        QtUnsavedPrompt.ask = classmethod(lambda cls, *args: "discard")
        app = application()
        window, _ = build_window(None)
        window.show()
        window.document.edit("Retitle", set_title, title="Edited, then discarded")
        QTimer.singleShot(0, window.close)
        sys.exit(app.exec())
    """)
    env = dict(os.environ, FOI_COMPOSER_HOME=str(data_home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    assert autosave_files(data_home / "autosave") == []
