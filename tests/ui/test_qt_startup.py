"""Start-up: what waits until the window is on screen gets done once it is, and only once."""

from __future__ import annotations

import pytest

from composer.ui.qt import QApplication, QWidget
from composer.ui.qt_first_paint import FirstPaint


class Counted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event) -> None:  # noqa: N802
        self.paints += 1
        super().paintEvent(event)


def test_work_put_off_to_the_first_paint_runs_after_it_and_once(qtbot):
    widget = Counted()
    qtbot.addWidget(widget)
    seen: list[int] = []
    FirstPaint(widget, lambda: seen.append(widget.paints), at_latest_ms=60_000)
    QApplication.processEvents()  # event-loop turns before the widget is shown change nothing
    assert seen == []
    widget.show()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] >= 1  # the widget had been painted when the work ran
    widget.repaint()
    qtbot.waitUntil(lambda: widget.paints > seen[0])
    assert len(seen) == 1


def test_a_window_that_is_never_painted_gets_the_work_all_the_same(qtbot):
    widget = Counted()
    qtbot.addWidget(widget)
    seen: list[int] = []
    FirstPaint(widget, lambda: seen.append(widget.paints), at_latest_ms=20)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [0]


def test_fields_in_a_parts_words_are_tinted_and_the_rest_is_not(window):
    from composer.law import FIELD_OPEN
    from composer.model import Part, Request

    window.document.load(Request(title="t", parts=[Part(id="p1", text="Has {force_name} a policy?")]),
                         None)
    window.outline.select_part("p1")
    block = window.editor.text.document().firstBlock()
    start = block.text().index(FIELD_OPEN)
    tinted = [(r.start, r.length, r.format.background().color().name()) for r in block.layout().formats()]
    base = window.editor.text.palette().base().color().name()
    assert len(tinted) == 1 and tinted[0][0] == start and tinted[0][2] != base
    assert block.text()[start:start + tinted[0][1]].endswith("\u2069")  # the whole field, no more


def test_what_a_killed_app_left_is_cleared_once_the_window_is_up(data_home, qtbot):
    import subprocess
    import sys

    from composer import storage
    from composer.ui.app import _after_show, build_window

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = data_home / "library" / f"{storage.TEMP_PREFIX}{dead}-abc{storage.TEMP_SUFFIX}"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"x")
    window, notes = build_window(None)
    qtbot.addWidget(window)
    assert stale.exists()  # the window is built without walking the data folder
    _after_show(window, notes)
    assert not stale.exists()
    qtbot.waitUntil(lambda: bool(window.status.text()))  # and the first check ran (its modules may load first)


def test_the_empty_request_a_window_opens_on_is_the_validated_one(qapp):
    from composer.model import Request
    from composer.ui.qt_document import QtDocument

    made = QtDocument().request  # made without validation, to spare the start its schema
    assert made == Request() and made.model_dump_json() == Request().model_dump_json()
    assert made.model_fields_set == Request().model_fields_set


@pytest.mark.parametrize("returning", [False, True], ids=["first start", "a force remembered"])
def test_at_the_first_paint_nothing_is_loaded_that_the_first_view_does_not_show(data_home, returning):
    """The app started as a user starts it, looked at when its window is first painted: the
    checker, the campaign tracker, letters, the file lock, the autosave file's model, dateutil
    and the dialogs' Qt classes all wait until something asks for them, also when the preview
    reads as a force remembered from last time (the letter modules load after the paint)."""
    import os
    import subprocess
    import sys

    if returning:
        (data_home / "settings.json").write_text(
            '{"schema_version": 1, "preview_force": "kent_police", "forces": ["kent_police"]}', "utf-8")

    code = (
        "import sys, composer.ui.app as app\n"
        "shown = app._probe_shown\n"
        "def probe():\n"
        "    qt = vars(sys.modules['composer.ui.qt'])\n"
        "    names = ('composer.checker', 'composer.campaign', 'composer.coverage', 'composer.replies',\n"
        "             'composer.letters', 'composer.textimport', 'composer.bank', 'composer.ui.autosave',\n"
        "             'composer.ui.qt_prompts', 'filelock', 'dateutil', 'holidays', 'docxtpl', 'docx',\n"
        "             'jinja2', 'lxml', 'pypdf', 'charset_normalizer')\n"
        "    print(sorted(n for n in names if n in sys.modules),\n"
        "          sorted(n for n in ('QMessageBox', 'QFileDialog', 'QStyle', 'QTextCharFormat') if n in qt))\n"
        "    shown()\n"
        "app._probe_shown = probe\n"
        "from composer.cli import main\n"
        "main([])\n"
    )
    env = {**os.environ, "FOI_COMPOSER_HOME": str(data_home), "FOI_COMPOSER_STARTUP_PROBE": "1",
           "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env)
    assert out.stdout.splitlines()[0] == "[] []", out.stdout + out.stderr
    assert out.stdout.splitlines()[1].startswith("shown ")


def test_work_for_a_window_on_screen_runs_at_once_and_for_one_not_yet_shown_after_its_paint(qtbot):
    from composer.ui.qt_first_paint import when_on_screen

    shown = Counted()
    qtbot.addWidget(shown)
    with qtbot.waitExposed(shown):
        shown.show()
    seen: list[str] = []
    when_on_screen(shown, lambda: seen.append("shown"))
    assert shown.findChildren(FirstPaint) == []  # no waiting for a paint that may not come again
    qtbot.waitUntil(lambda: seen == ["shown"])
    later = Counted()
    qtbot.addWidget(later)
    when_on_screen(later, lambda: seen.append(f"later, painted {later.paints}"))
    assert len(later.findChildren(FirstPaint)) == 1
    later.show()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] != "later, painted 0"
