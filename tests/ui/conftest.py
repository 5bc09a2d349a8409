"""Fixtures for the app's tests: no modal dialog ever blocks a test, and a ready main window."""

from __future__ import annotations

import pytest

from composer.ui.qt_prompts import QtProblem, QtRecoveryPrompt, QtShareReview, QtUnsavedPrompt


class UnexpectedDialog(AssertionError):
    pass


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> list[tuple]:
    """Every prompt's `ask` is replaced: a test that expects one sets its own answer; any other
    prompt fails the test instead of waiting for a click that never comes."""
    asked: list[tuple] = []

    def refuse(name):
        def ask(*args, **kwargs):
            asked.append((name, args[1:]))
            raise UnexpectedDialog(f"{name} was shown: {args[1:]}")
        return classmethod(lambda cls, *a, **k: ask(cls, *a, **k))

    from composer.ui.qt_alike_campaigns import QtAlikeCampaigns
    from composer.ui.qt_campaign_dialogs import QtAttachAgain
    from composer.ui.qt_new_campaign import QtNewCampaignDialog
    from composer.ui.qt_reply_dialog import QtReplyDialog

    for cls in (QtProblem, QtRecoveryPrompt, QtShareReview, QtUnsavedPrompt, QtReplyDialog,
                QtNewCampaignDialog, QtAttachAgain):
        monkeypatch.setattr(cls, "ask", refuse(cls.__name__))
    monkeypatch.setattr(QtAlikeCampaigns, "ask", refuse("QtAlikeCampaigns"))
    monkeypatch.setattr(QtAlikeCampaigns, "ask_name", refuse("QtAlikeCampaigns.ask_name"))
    return asked


@pytest.fixture
def window(qtbot):
    from composer.ui.qt_main_window import QtMainWindow
    from composer.ui.settings import Settings

    win = QtMainWindow(Settings(), autosave_delay_ms=50)
    yield win
    win.document.undo_stack.setClean()  # a test's edits are not "unsaved work" to ask about
    win.close()
    win.deleteLater()


@pytest.fixture
def keep() -> list:
    """Widgets whose item models `qtmodeltester` checks. Ask for `keep` before `qtmodeltester`:
    fixtures end in reverse order, so the tester lets go of a model before its widget is
    destroyed. (QTreeWidget models are checked with the Python tester, `force_py=True`: Qt's C++
    tester stays connected and crashes when a QTreeWidget empties its model on destruction.)"""
    kept: list = []
    yield kept
    kept.clear()
