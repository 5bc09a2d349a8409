"""The first check's modules load on a worker thread once the window is up, so a key typed as the
window appears is taken at once; the check runs on the GUI thread when they have loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from composer.ui.app import when_imported
from composer.ui.qt import QWidget


def _module(folder, name: str, body: str = "") -> str:
    (folder / f"{name}.py").write_text(
        "import threading\nLOADED_IN = threading.current_thread().name\n" + body, "utf-8")
    return name


def test_modules_not_loaded_are_loaded_on_a_worker_and_then_runs_on_the_gui_thread(qtbot, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    names = (_module(tmp_path, "warmup_first_p11"), _module(tmp_path, "warmup_second_p11"))
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[str] = []
    when_imported(names, window, lambda: ran.append(threading.current_thread().name))
    assert ran == []  # not run in the call: the modules were not there
    qtbot.waitUntil(lambda: ran != [])
    assert ran == [threading.main_thread().name]
    for name in names:
        assert sys.modules[name].LOADED_IN not in ("", threading.main_thread().name)
        monkeypatch.delitem(sys.modules, name)


def test_modules_already_loaded_run_it_at_once(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[str] = []
    when_imported(("composer.model", "json"), window, lambda: ran.append("ran"))
    assert ran == ["ran"]


def test_a_module_that_fails_to_load_still_leads_to_the_check(qtbot, tmp_path, monkeypatch):
    """The check on the GUI thread imports it again and says what failed, as it always has."""
    monkeypatch.syspath_prepend(str(tmp_path))
    broken = _module(tmp_path, "warmup_broken_p11", "raise ValueError('a broken pattern')\n")
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[str] = []
    when_imported((broken,), window, lambda: ran.append("ran"))
    qtbot.waitUntil(lambda: ran == ["ran"])
    assert broken not in sys.modules


def test_a_key_typed_as_the_window_appears_is_taken_before_the_checker_has_loaded(data_home):
    """The app started as a user starts it, opening a request: a key pressed at the first paint
    is taken while the checker loads, and the first findings follow."""
    from composer.library import save_request
    from composer.model import Part, Request

    path = data_home / "request.foi.json"
    save_request(path, Request(title="Risk scores", parts=[Part(text="How many people did the system score in 2024?")]))
    env = {**os.environ, "FOI_COMPOSER_HOME": str(data_home), "FOI_COMPOSER_STARTUP_PROBE": "usable",
           "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "composer", str(path)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert [line.split()[0] for line in out.stdout.splitlines()] == ["shown", "key", "checked"], out.stdout


def test_the_source_lines_read_while_loading_are_dropped_after_the_first_check(data_home, qtbot):
    """PySide6 reads the source of each module imported after it, and linecache keeps the lines;
    once the first check has run they are let go."""
    import linecache

    from composer.ui import app

    window, notes = app.build_window(None)
    qtbot.addWidget(window)
    kept = app.__file__
    assert linecache.getlines(kept) and kept in linecache.cache
    with qtbot.waitSignal(window.findings.checked):
        app._after_show(window, notes)
    qtbot.waitUntil(lambda: kept not in linecache.cache)
    window.document.undo_stack.setClean()


def test_a_window_closed_while_the_modules_load_is_left_alone(qtbot, tmp_path, monkeypatch):
    """The worker's signal does not go through the window: closed and deleted before the modules have
    loaded, the window is not called back and nothing touches what it owned."""
    import shiboken6

    monkeypatch.syspath_prepend(str(tmp_path))
    gate = threading.Event()
    name = _module(tmp_path, "warmup_slow_s12", "import threading\n")
    (tmp_path / f"{name}.py").write_text("import builtins\nbuiltins._warmup_gate_s12.wait(10)\n", "utf-8")
    import builtins

    monkeypatch.setattr(builtins, "_warmup_gate_s12", gate, raising=False)
    window = QWidget()
    ran: list[str] = []
    from composer.ui import app

    app.when_imported((name,), window, lambda: ran.append("ran"))
    shiboken6.delete(window)
    gate.set()
    qtbot.waitUntil(lambda: not app._PENDING)
    assert ran == []
    monkeypatch.delitem(sys.modules, name, raising=False)
