"""Every window and dialog of the app, built with something in it, for the tests that go through
them all (tests/ui/test_qt_accessibility.py): keyboard, screen reader and dark-palette checks.

Each entry is a name and a function of the data folder's campaign store that returns the widget,
not shown. A window added to the app belongs here too, so that the checks reach it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from composer.model import Part, Request, Requester

TODAY = date(2027, 1, 6)
SENT = date(2026, 11, 20)
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "example.foi.json"


def example() -> Request:
    from composer.library import load_request

    return load_request(EXAMPLE)


def small_request() -> Request:
    return Request(title="Risk scoring", forces=["wmp", "kent_police", "essex_police", "police_scotland"], parts=[
        Part(id="p1", text="Does the force use a risk scoring tool for {system_name}?", subparts=[
            Part(id="p1a", text="How many people were scored in each year since 2020, by ethnicity?"),
            Part(id="p1b", text="Please send the equality impact assessment.")]),
        Part(id="p2", text="Please send all emails about the tool since 2010.")])


def campaign_store():
    """A campaign in the data folder, with replies of several kinds and a force overdue."""
    from composer.campaign.store import CampaignStore
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign, record

    directory = load_directory()
    request = small_request()
    c = new_campaign(name="Risk 2026", request=request, sent=SENT,
                     forces=[directory.get(f) for f in request.forces]).value
    c = record(c, force_id="wmp", status="answered", on=SENT + timedelta(days=12)).value
    c = record(c, force_id="police_scotland", status="refused", on=SENT + timedelta(days=30)).value
    c = record(c, force_id="kent_police", status="answered", on=date(2027, 1, 4)).value  # late
    store = CampaignStore()
    store.create(c)
    return store


def _main_window():
    from composer.ui.qt_main_window import QtMainWindow
    from composer.ui.settings import Settings

    window = QtMainWindow(Settings(), autosave_delay_ms=60_000)
    window.remembers_layout = False
    window.document.load(example(), None)
    window.findings.run_check()
    window.outline.select_part(window.document.request.parts[0].id)  # the part editor is on
    return window


def main_window(_store):
    window = _main_window()
    window.show_bank()
    return window


def follow_up_tab(store):
    from datetime import datetime, time

    window = _main_window()
    window.clock = lambda: datetime.combine(TODAY, time())
    window.tabs.setCurrentIndex(1)
    window.campaign_panel.view.selectRow(0)  # the buttons that act on the chosen forces are on
    return window


def coverage_tab(store):
    window = _main_window()
    window.tabs.setCurrentIndex(2)
    return window


def wizard(_store):
    from composer.ui.qt_wizard import QtNewRequestWizard

    return QtNewRequestWizard(None, requester=Requester(name="Sam Example"), forces=["wmp"])


def export(_store):
    from composer.ui.qt_export import QtExportDialog
    from composer.ui.settings import Settings

    return QtExportDialog(small_request(), ["wmp", "police_scotland"], Requester(name="Sam Example"),
                          Settings())


def order(_store):
    from composer.ui.qt_order import QtOrderDialog

    return QtOrderDialog(example())


def fit(_store):
    from composer.ui.qt_document import QtDocument
    from composer.ui.qt_fit import QtFitChanges

    written_for_one = Request(title="The Met's tool", forces=["the_met", "wmp"], parts=[
        Part(text="Does the Metropolitan Police use a risk scoring tool?"),
        Part(text="Under s16 of the Freedom of Information Act, please advise me.")])
    document = QtDocument(written_for_one)
    dialog = QtFitChanges(document)
    dialog._document_kept = document  # the dialog's document lives as long as it
    return dialog


def library(_store):
    from composer.library import Library
    from composer.ui.qt_library import QtLibraryDialog

    kept = Library()
    kept.save(small_request())
    return QtLibraryDialog(kept, Requester(name="Sam Example"))


def profile(_store):
    from composer.ui.qt_requester import QtProfileDialog

    return QtProfileDialog(Requester(name="Sam Example", email="sam@example.org"))


def force_address(_store):
    from composer.ui.qt_force_address import QtForceAddressDialog

    return QtForceAddressDialog(today=TODAY)


def new_campaign(_store):
    from composer.ui.qt_new_campaign import QtNewCampaignDialog

    return QtNewCampaignDialog(None, request=small_request(), forces=["wmp", "kent_police"],
                               sent=TODAY, taken=[])


def record(store):
    from composer.campaign.deadlines import overview
    from composer.ui.qt_campaign_dialogs import QtRecordDialog

    campaign = store.list().entries[0].campaign
    return QtRecordDialog(None, overview(campaign, TODAY)[0], TODAY)


def follow_up_letter(_store):
    from composer.letters.followups import FollowUpKind
    from composer.ui.qt_campaign_dialogs import QtFollowUpDialog

    return QtFollowUpDialog(None, FollowUpKind.CHASER, ["Kent Police", "Police Scotland"], Path.home(), "docx")


def reply(_store):
    from composer.forces import load_directory
    from composer.ui.qt_reply_dialog import QtReplyDialog

    text = ("Our reference: FOI-2026-1234\n\nDear Sam,\n\nThank you for your request. We hold no "
            "risk scoring tool. Part 1a is refused under section 12 of the Act: the cost of "
            "answering it would exceed the appropriate limit.\n\nYours sincerely,\nFOI Unit")
    return QtReplyDialog(None, force_name="West Midlands Police", request=small_request(),
                         act=load_directory().get("wmp").act, today=TODAY, text=text,
                         file_name="reply.txt", sent=SENT)


def share_review(_store):
    from composer.ui.qt_prompts import QtShareReview

    return QtShareReview(None, ["your name (Sam Example)", "an email address", "a postcode",
                                "a name (\u201cSir Mark Rowley\u201d, named with a public office, "
                                "\u201cCommissioner\u201d: keep it if you mean the office-holder) in part 2"],
                         "what 3 forces did with 2 parts, as counts, from 2026-11", ["Sir Mark Rowley"])


def recovery(_store):
    from composer.ui.autosave import Autosave
    from composer.ui.qt_prompts import QtRecoveryPrompt

    return QtRecoveryPrompt(None, Autosave(request=small_request()))


def unsaved(_store):
    from composer.ui.qt_prompts import QtUnsavedPrompt

    return QtUnsavedPrompt(None, "Risk scoring")


def problem(_store):
    from composer.ui.qt_prompts import QtProblem

    return QtProblem(None, "Cannot open", "risk.foi.json is not a request this version can read: "
                     "open it with a newer FOI Composer")


WINDOWS = {
    "main window": main_window,
    "follow up tab": follow_up_tab,
    "coverage tab": coverage_tab,
    "new request wizard": wizard,
    "export": export,
    "order for the cost limit": order,
    "fitted to every force": fit,
    "library": library,
    "your details": profile,
    "force's FOI address": force_address,
    "new campaign": new_campaign,
    "record": record,
    "follow-up letter": follow_up_letter,
    "reply": reply,
    "share as a template": share_review,
    "recover unsaved work": recovery,
    "unsaved changes": unsaved,
    "a problem": problem,
}
