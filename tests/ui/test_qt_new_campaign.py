"""Starting a campaign in the app: File › New campaign, and "Track these letters" after an export."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from composer.campaign.store import CampaignStore
from composer.forces import load_directory
from composer.letters.batch import ExportSummary
from composer.model import Part, Request, Requester
from composer.ui.qt import QDate
from composer.ui.qt_export import ExportChoice, QtExportDialog
from composer.ui.qt_new_campaign import NewCampaignChoice, QtNewCampaignDialog
from composer.ui.settings import Settings

REQUEST = Request(title="Risk scoring", parts=[Part(text="Do you use a risk score?")],
                  forces=["wmp", "kent_police"])


def test_the_dialog_suggests_a_name_and_refuses_what_cannot_be_tracked(qtbot):
    dialog = QtNewCampaignDialog(None, request=REQUEST, forces=["wmp", "kent_police"],
                                 sent=date(2026, 11, 20), taken=["Risk scoring November 2026"])
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Risk scoring November 2026 (2)"
    assert dialog.sent.calendarPopup()
    dialog.sent.setDate(QDate(2026, 11, 23))
    choice = dialog.choice()
    assert (choice.name, choice.sent) == ("Risk scoring November 2026 (2)", date(2026, 11, 23))
    assert sorted(choice.forces) == ["kent_police", "wmp"]
    dialog.name.setText("risk scoring november 2026")
    dialog._accept()
    assert "already a campaign" in dialog.problem.text() and not dialog.result()
    dialog.name.setText("Fresh")
    dialog.forces.set_chosen([])
    dialog._accept()
    assert "Choose the forces" in dialog.problem.text()


def test_file_new_campaign_starts_one_and_shows_it(window, monkeypatch):
    window.document.load(REQUEST, None)
    asked = []

    def ask(cls, parent, **kwargs):
        asked.append(kwargs)
        return NewCampaignChoice("VHA 2026", kwargs["forces"], date(2026, 11, 20))

    monkeypatch.setattr(QtNewCampaignDialog, "ask", classmethod(ask))
    window.new_campaign_action.trigger()
    assert asked[0]["forces"] == ["wmp", "kent_police"]  # the request's own forces
    campaign = CampaignStore().load("VHA 2026")
    assert [t.force_id for t in campaign.forces] == ["wmp", "kent_police"]
    assert campaign.request.title == "Risk scoring" and campaign.forces[0].sent == date(2026, 11, 20)
    assert window.tabs.currentIndex() == 1 and window.campaign_panel.name == "VHA 2026"
    assert window.campaign_panel.model.rowCount() == 2
    assert "Started the campaign 'VHA 2026'" in window.statusBar().currentMessage()


def test_track_these_letters_after_an_export(window, qtbot, monkeypatch, tmp_path):
    dialog = QtExportDialog(REQUEST, ["wmp", "kent_police", "essex_police"], Requester(name="Sam"),
                            Settings())
    qtbot.addWidget(dialog)
    essex = load_directory().get("essex_police")
    dialog.summary = ExportSummary(written=[Path("a.docx"), Path("b.docx")],
                                   failed=[(essex, "disk full")])
    dialog._track()
    assert sorted(dialog.choice().track) == ["kent_police", "wmp"]  # not Essex, whose letter failed

    window.document.load(REQUEST, None)
    chosen = ExportChoice("docx", None, tmp_path, ["wmp", "kent_police"], track=["wmp"])
    monkeypatch.setattr(QtExportDialog, "ask", classmethod(lambda cls, *a: (None, chosen)))
    offered = []
    monkeypatch.setattr(QtNewCampaignDialog, "ask",
                        classmethod(lambda cls, parent, **kw: offered.append(kw["forces"])))
    window.export_letters()
    assert offered == [["wmp"]]


def test_a_sent_day_after_today_is_named_as_the_command_line_names_it(qtbot):
    today = date.today()
    dialog = QtNewCampaignDialog(None, request=REQUEST, forces=["wmp"], sent=today, taken=[])
    qtbot.addWidget(dialog)
    assert dialog.later.isHidden() and dialog.later.text() == ""
    later = today + timedelta(days=366)  # the year mistyped
    dialog.sent.setDate(QDate(later.year, later.month, later.day))
    assert not dialog.later.isHidden()
    assert f"{later.isoformat()} is after today ({today.isoformat()})" in dialog.later.text()
    assert "is the year right?" in dialog.later.text()
    assert dialog.choice().sent == later  # taken as given: a campaign may be set up before the letters go
    dialog.sent.setDate(QDate(today.year, today.month, today.day))
    assert dialog.later.isHidden()


def test_a_campaign_just_started_has_the_keyboard(window, qtbot, monkeypatch):
    """QA-S9: after File › New campaign (or Track these letters) the Follow up tab showed the new
    campaign but the keyboard was on the tab bar: the forces' rows, where a chaser or a reply is
    worked from, were some Tab presses away."""
    window.document.load(REQUEST, None)
    window.show()
    window.activateWindow()
    window.outline.tree.setFocus()
    qtbot.waitUntil(window.outline.tree.hasFocus)
    monkeypatch.setattr(QtNewCampaignDialog, "ask", classmethod(
        lambda cls, parent, **kw: NewCampaignChoice("VHA 2026", kw["forces"], date(2026, 11, 20))))
    window.new_campaign_action.trigger()
    qtbot.waitUntil(window.campaign_panel.view.hasFocus)
    assert window.campaign_panel.view.currentIndex().row() == 0  # a row to act on is selected


def test_the_sent_day_cannot_be_picked_past_the_years_deadlines_count_in(qtbot):
    """QA-S9: the calendar offered any day up to 9999-12-31, from which no deadline can be
    counted (the command line stopped with a traceback on such a campaign)."""
    dialog = QtNewCampaignDialog(None, request=REQUEST, forces=["wmp"], sent=date(2026, 11, 20), taken=[])
    qtbot.addWidget(dialog)
    dialog.sent.setDate(QDate(9999, 12, 20))
    assert dialog.choice().sent == date(2999, 12, 31)


def test_nothing_in_the_dialog_scrolls_at_its_own_size(qtbot):
    """QA-S12 at 1366x768: the count of forces chosen ("49 of 49 chosen") sat half under the
    buttons, the dialog's contents scrolling at the size it opens at."""
    from composer.ui.qt import QScrollArea

    dialog = QtNewCampaignDialog(None, request=REQUEST, forces=["wmp"], sent=date(2026, 11, 20), taken=[])
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    scroll = dialog.findChild(QScrollArea, "fits_screen")
    assert scroll.verticalScrollBar().maximum() == 0
    assert dialog.forces.count.isVisible() and dialog.forces.count.visibleRegion().boundingRect().height() == \
        dialog.forces.count.height()


def test_a_campaign_just_started_shows_every_force_whatever_was_filtered_before(window, qtbot, monkeypatch):
    """QA-S12: "Metropolitan" left in the Follow up tab's filter from another campaign, a campaign just
    started to 49 forces showed one row."""
    window.document.load(REQUEST, None)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: hasattr(window.campaign_panel, "search"))
    window.campaign_panel.search.setText("Kent")
    monkeypatch.setattr(QtNewCampaignDialog, "ask", classmethod(
        lambda cls, parent, **kwargs: NewCampaignChoice("VHA 2026", kwargs["forces"], date(2026, 11, 20))))
    window.new_campaign_action.trigger()
    assert window.campaign_panel.name == "VHA 2026" and window.campaign_panel.search.text() == ""
    assert window.campaign_panel.proxy.rowCount() == 2
