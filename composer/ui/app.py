"""Starting the desktop app: `run()` opens the main window (with a file, if given), offers back
work a crash left behind, or renders a screenshot and exits.

Two environment variables exist for tests and benchmarks and change nothing else:
`FOI_COMPOSER_STARTUP_PROBE=1` prints `shown` and the CPU seconds the process has used once the
window has been painted for the first time, and quits (bench/bench_startup.py times that line;
the start runs as it always does); `FOI_COMPOSER_STARTUP_PROBE=usable` prints `shown` the same way
and then goes on as the app does, with one character typed into the first part at that moment: it
prints `key` when the edit has been made and `checked` when the first findings are shown, each
with the CPU seconds used, and quits once both have happened;
`FOI_COMPOSER_TEST_EDIT=<title>` retitles the request after start and prints `autosaved <file>`
when the autosave is written (the crash-recovery test kills the app after that line);
`FOI_COMPOSER_TEST_TYPING=<text>` types the text into the first part, one character every
`FOI_COMPOSER_TEST_TYPING_MS` (default 50) ms as the editor does, printing `typed <count> <time>`
after each (the autosave test kills the app mid-typing and counts what came back).
"""

from __future__ import annotations

import importlib
import linecache
import os
import sys
import threading
from pathlib import Path

from composer import paths, storage
from composer.errors import ComposerError
from composer.ui.qt import QApplication, QIcon, QObject, Qt, QTimer, Signal, alive, qInstallMessageHandler
from composer.ui.qt_autosaver import DELAY_MS
from composer.ui.qt_first_paint import AT_LATEST_MS, FirstPaint
from composer.ui.qt_main_window import QtMainWindow
from composer.ui.settings import load_settings

SCREENS = ("main", "wizard", "campaign", "coverage", "order")
TABS = {"campaign": 1, "coverage": 2}
SCREENSHOT_SIZE = (1280, 800)


# What Qt says that is not the user's to read: the offscreen platform (a screenshot) cannot pass
# size hints or raise a window, and with no locale set (`env -i`, some menus) Qt says it uses UTF-8.
_QT_CHATTER = ("This plugin does not support", "Detected locale ", "Qt depends on a UTF-8 locale",
               "If this causes problems, reconfigure your locale", "for more information.")


def _qt_message(kind, context, message: str) -> None:
    if not message.startswith(_QT_CHATTER):
        print(message, file=sys.stderr)


def application() -> QApplication:
    if QApplication.instance() is None:
        qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FOI Composer")
    app.setApplicationDisplayName("FOI Composer")
    app.setDesktopFileName("foi-composer")
    app.setWindowIcon(QIcon(str(paths.bundled("resources") / "foi-composer.png")))
    return app


def _keep_legible() -> None:
    from composer.ui.qt_style import keep_legible

    keep_legible(QApplication.instance())


def build_window(path: Path | None = None, *, strict: bool = True) -> tuple[QtMainWindow, list[str]]:
    """The main window with `path` loaded and the notes to show the user about files that were set
    aside. A file that cannot be read is a ComposerError when `strict`; otherwise the window opens
    without it, the campaigns and library in reach, and the first note says why."""
    settings, problem = load_settings()
    delay = int(os.environ.get("FOI_COMPOSER_AUTOSAVE_MS", DELAY_MS))
    window = QtMainWindow(settings, autosave_delay_ms=delay)
    notes = [note for note in (problem, window.profile_problem) if note]
    if path is not None:  # read as File › Open reads it: a text letter is fitted, changes listed
        try:
            request = _read(path, notes)
        except (ComposerError, OSError) as exc:
            if strict:
                raise
            said = str(exc) if isinstance(exc, ComposerError) else str(storage.os_problem(exc))
            print(f"foi-composer: {said}", file=sys.stderr)  # for whoever started it from a terminal
            notes.insert(0, f"{said} (the app opened without it)")
            return window, notes
        window.files.show_opened(request, Path(path))
    return window, notes


def _read(path: Path, notes: list[str]):
    from composer.library import open_request

    return open_request(path, notes)


def run(path: Path | None = None, *, screenshot: Path | None = None, screen: str = "main",
        size: tuple[int, int] | None = None) -> int:
    app = application()
    try:
        window, notes = build_window(path, strict=screenshot is not None)
    except (ComposerError, OSError) as exc:
        if screenshot is None:  # started from a menu or a file manager, no terminal shows the line
            _cannot_start(exc)
        raise  # and the command line prints it and exits 2
    if screenshot is not None:
        storage.clean_data_folder()
        return save_screenshot(window, Path(screenshot), screen, size or SCREENSHOT_SIZE)
    if size is not None:
        window.resize(*size)
    elif not window.settings.window_geometry and window.screen() is not None:
        window.fit_to(window.screen().availableGeometry())  # first start on a small screen
    probe = os.environ.get("FOI_COMPOSER_STARTUP_PROBE")
    if probe == "usable":
        FirstPaint(window, lambda: _probe_usable(window, notes))
    elif probe:
        FirstPaint(window, _probe_shown)  # start-up ends at the first paint; what follows is not timed
    else:
        # The first check and the offer of crashed work wait until the window is on screen: the
        # user sees it at once, the findings just after (a window that is not painted, say one
        # started minimised, gets them a second later all the same).
        FirstPaint(window, lambda: _after_show(window, notes), at_latest_ms=AT_LATEST_MS)
    window.show()
    return app.exec()


def _cannot_start(exc: ComposerError | OSError) -> None:
    from composer.ui.qt_prompts import QtProblem

    message = str(exc) if isinstance(exc, ComposerError) else str(storage.os_problem(exc))
    QtProblem.ask(None, "FOI Composer cannot start", message)


def _probe_shown() -> None:
    import time

    print(f"shown {time.process_time():.4f}", flush=True)
    QApplication.quit()


def _probe_usable(window: QtMainWindow, notes: list[str]) -> None:
    import time

    from composer.operations.request import set_text

    print(f"shown {time.process_time():.4f}", flush=True)
    said: set[str] = set()

    def say(what: str) -> None:
        if what not in said:
            said.add(what)
            print(f"{what} {time.process_time():.4f}", flush=True)
            if said == {"key", "checked"}:
                window.document.undo_stack.setClean()  # the key typed is not the user's: nothing to ask
                QApplication.quit()

    def key() -> None:  # a key pressed as the window appears, as the editor records it
        part = window.document.request.parts[0]
        window.document.edit("Typing", set_text, part_id=part.id, text=part.text + "s",
                             merge_key=f"text:{part.id}")
        say("key")

    window.findings.checked.connect(lambda _count: say("checked"))
    QTimer.singleShot(0, window, key)
    _after_show(window, notes)


def _after_show(window: QtMainWindow, notes: list[str]) -> None:
    _keep_legible()  # check boxes that can be seen, a highlight that can be read
    storage.clean_data_folder()  # what a killed FOI Composer left: a big library takes a while
    for note in notes:
        window.notify(note, 15000)
    window.files.offer_recovery()
    test_edit = os.environ.get("FOI_COMPOSER_TEST_EDIT")
    if test_edit:
        from composer.operations.request import set_title

        window.autosaver.written.connect(lambda p: print(f"autosaved {p}", flush=True))
        window.document.edit("Test edit", set_title, title=test_edit)
    test_typing = os.environ.get("FOI_COMPOSER_TEST_TYPING")
    if test_typing:
        _type_for_test(window, test_typing, int(os.environ.get("FOI_COMPOSER_TEST_TYPING_MS", "50")))
    # After the first check, the source lines Python's linecache holds are dropped: PySide6 reads
    # the source of every module imported after it (inspect.getsource, to see whether the module
    # names PySide6), about 14 MB once the checker has loaded, never read again (a traceback
    # reads the lines it shows afresh).
    when_imported(CHECKER, window, lambda: (window.findings.run_check(),
                                            window.show_overdue(),  # "Follow up (3 overdue)"
                                            linecache.clearcache()))


# What the first check imports: compiling their patterns takes about 0.3 s.
CHECKER = ("composer.checker", "composer.campaign.history")


class _Imported(QObject):
    done = Signal()


_PENDING: set[_Imported] = set()  # each waiting for its worker, until the GUI thread has run what follows


def when_imported(names: tuple[str, ...], window: QtMainWindow, then) -> None:
    """Calls `then` once the modules `names` are imported: at once if they are; else they are
    imported on a worker thread while the window takes the user's keys and clicks (the patterns
    are compiled in Python, so the window gets its turns), and `then` runs on the GUI thread once
    they are. A module that fails to import is left to `then`, which imports it again and says
    why as it always has."""
    missing = [name for name in names if name not in sys.modules]
    if not missing:
        then()
        return
    # The signal's object has no parent and is held here until the GUI thread has had it: the window may be
    # closed and deleted while the worker still imports, and a signal sent from the worker through an object
    # the window took with it would reach freed memory.
    imported = _Imported()
    _PENDING.add(imported)

    def finish() -> None:
        _PENDING.discard(imported)
        if alive(window):
            then()

    imported.done.connect(finish, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        for name in missing:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 (said by the check on the GUI thread)
                break
        imported.done.emit()

    threading.Thread(target=work, name="FOI Composer: the checker's patterns", daemon=True).start()


def _type_for_test(window: QtMainWindow, text: str, interval_ms: int) -> None:
    import time

    from composer.operations.request import set_text

    part = window.document.request.parts[0]
    typed = [part.text]
    timer = QTimer(window)
    timer.setInterval(interval_ms)

    def key() -> None:
        count = len(typed[0]) - len(part.text)
        if count >= len(text):
            timer.stop()
            return
        typed[0] += text[count]
        window.document.edit("Typing", set_text, part_id=part.id, text=typed[0],
                             merge_key=f"text:{part.id}")
        print(f"typed {count + 1} {time.monotonic():.3f}", flush=True)

    timer.timeout.connect(key)
    timer.start()


def save_screenshot(window: QtMainWindow, target: Path, screen: str,
                    size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Render the main window (or the new-request wizard over it, or the campaign or coverage
    tab) at `size` to a PNG and close."""
    if screen not in SCREENS:
        raise ComposerError(f"unknown screen {screen!r}; choose from {', '.join(SCREENS)}")
    window.remembers_layout = False  # a screenshot leaves the user's settings as they were
    _keep_legible()  # as the app looks once up
    window.resize(*size)
    window.show()
    window.findings.run_check()
    window.show_overdue()  # as the app says it once up
    # Show the part the first finding is about (as clicking it would), else the first part.
    flagged = [f.part_id for f in window.findings.model.findings if f.part_id]
    parts = window.document.request.parts
    if flagged or parts:
        window.outline.select_part(flagged[0] if flagged else parts[0].id)
    QApplication.processEvents()
    widget = window
    if screen in TABS:
        window.tabs.setCurrentIndex(TABS[screen])
        QApplication.processEvents()
    if screen == "wizard":
        from composer.ui.qt_wizard import QtNewRequestWizard

        widget = QtNewRequestWizard(window, requester=window.requester, forces=window.settings.forces)
        widget.show_for_screenshot()
        QApplication.processEvents()
    if screen == "order":
        from composer.ui.qt_order import QtOrderDialog

        widget = QtOrderDialog(window.document.request, window, force=window.preview.force)
        widget.resize(min(widget.width(), size[0]), min(widget.height(), size[1]))
        widget.show()
        QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(target)):
        raise ComposerError(f"{target}: could not write the screenshot (is the folder writable?)")
    window.autosaver.finish()
    # A letter read from text is unsaved work, but a screenshot is not the place to ask about it
    # (nothing is lost: the file it came from is untouched).
    window.document.undo_stack.setClean()
    widget.close()
    window.close()
    return 0
