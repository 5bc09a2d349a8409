"""Sharing from the app: what the scrubber took out is shown before anything is written, and
Cancel writes nothing; a file passed in is never written over. And a window's settings are
written over the file's own, so another window's changes are kept."""

from __future__ import annotations

from composer.library import Library, load_request
from composer.model import Part, Request, Requester
from composer.ui.qt_library import QtLibraryDialog
from composer.ui.qt_prompts import QtShareReview, ShareAnswer

ME = Requester(name="Zephyrine Doe", email="z.doe@example.org")
MINE = Request(title="VHA for Zephyrine Doe", parts=[Part(text="Reply to 0121 496 0000.")],
               notes="private")


def review(monkeypatch, answer: bool | str, carried: list | None = None) -> list[list[str]]:
    """Answer the review: True saves, False cancels, "without" saves without the replies' record."""
    shown: list[list[str]] = []

    def ask(_cls, _parent, removed, carries=None, *, offices=()):
        shown.append(removed)
        if carried is not None:
            carried.append(carries)
        return {True: ShareAnswer(True), False: None, "without": ShareAnswer(False),
                "keep offices": ShareAnswer(True, True)}[answer]
    monkeypatch.setattr(QtShareReview, "ask", classmethod(ask))
    return shown


def test_the_library_shows_what_it_removed_before_writing(qtbot, tmp_path, monkeypatch):
    Library().save(MINE, "Mine")
    dialog = QtLibraryDialog(Library(), ME)
    qtbot.addWidget(dialog)
    dest = tmp_path / "shared.foi.json"
    shown = review(monkeypatch, False)
    assert not dialog.share(dest)
    assert not dest.exists()
    assert "your name in the title" in shown[0] and "private notes" in shown[0]
    review(monkeypatch, True)
    dest.write_text("someone's file")
    assert dialog.share(dest)
    assert dest.read_text() == "someone's file"  # passed in, so never written over
    written = tmp_path / "shared (2).foi.json"
    assert "Zephyrine" not in written.read_text() and "496" not in load_request(written).parts[0].text


def test_the_main_window_shows_it_too(window, tmp_path, monkeypatch):
    window.requester = ME
    window.document.load(MINE, None)
    shown = review(monkeypatch, False)
    assert window.files.share_template(tmp_path / "x.foi.json") is None
    assert shown and not (tmp_path / "x.foi.json").exists()


def test_closing_a_window_keeps_settings_another_window_saved_since(qtbot, tmp_path):
    from composer.ui.qt_main_window import QtMainWindow
    from composer.ui.settings import load_settings, update_settings

    first = QtMainWindow(load_settings()[0])
    qtbot.addWidget(first)
    update_settings(lambda s: s.with_recent(tmp_path / "other window.foi.json")
                    .model_copy(update={"export_format": "pdf"}))
    first.settings = first.settings.with_recent(tmp_path / "this window.foi.json")
    first.remember_layout()
    saved = load_settings()[0]
    assert [p.rsplit("/", 1)[-1] for p in saved.recent_files] == [
        "this window.foi.json", "other window.foi.json"]
    assert saved.export_format == "pdf" and saved.window_geometry
    first.document.undo_stack.setClean()


def test_saving_over_a_file_changed_elsewhere_keeps_both(window, tmp_path):
    from composer.library import save_request
    from composer.operations.request import set_title

    path = tmp_path / "request.foi.json"
    save_request(path, Request(title="As opened", parts=[Part(text="Q?")]))
    assert window.files.open_file(path)
    window.document.edit("Retitle", set_title, title="Edited in the app")
    save_request(path, Request(title="Changed by a command", parts=[Part(text="Q? And more.")]))
    assert window.files.save()
    assert load_request(path).title == "Changed by a command"
    beside = tmp_path / "request (2).foi.json"
    assert load_request(beside).title == "Edited in the app" and window.document.path == beside
    window.document.edit("Retitle", set_title, title="Saved again")
    assert window.files.save()  # no one else changed it: saved in place
    assert load_request(beside).title == "Saved again" and window.document.path == beside


NAMED = Request(title="West Midlands Police and PredPol", parts=[Part(text="Does West Midlands Police use PredPol?")])


def test_sharing_from_the_app_fits_the_template_to_every_force_as_the_command_does(window, qtbot, tmp_path, monkeypatch):
    review(monkeypatch, True)
    window.document.load(NAMED, None)
    assert window.files.share_template(tmp_path / "from-window.foi.json") is not None
    assert load_request(tmp_path / "from-window.foi.json").parts[0].text == "Does {force_name} use PredPol?"
    assert "fitted for every force" in window.statusBar().currentMessage()

    Library().save(NAMED, "Named")
    dialog = QtLibraryDialog(Library(), ME)
    qtbot.addWidget(dialog)
    assert dialog.current_name() == "Named"
    assert dialog.share(tmp_path / "from-library.foi.json")
    shared = load_request(tmp_path / "from-library.foi.json")
    assert shared.parts[0].text == "Does {force_name} use PredPol?" and "West Midlands" not in shared.title


def test_sharing_on_a_template_you_received_does_not_say_you_sent_it(window, qtbot, tmp_path, monkeypatch):
    from composer.model import PastPart

    text = "How much has the force spent on the system in each year since 2020?"
    received = Request(title="Spend", parts=[Part(text=text)],
                       past=[PastPart(text=text, sent="2026-09", replied=4, met={"cost": 3})])
    window.document.load(received, None)
    carries: list = []
    review(monkeypatch, False, carries)  # asked, though nothing personal was found: it carries a record
    assert window.files.share_template(tmp_path / "on.foi.json") is None and not (tmp_path / "on.foi.json").exists()
    assert carries == ["what forces did with 1 part when they were sent before (counts of forces and the month; "
                       "no campaign name, force or person)"]
    review(monkeypatch, True)
    dest = window.files.share_template(tmp_path / "on.foi.json")
    assert dest is not None and len(load_request(tmp_path / "on.foi.json").past) == 1
    said = window.statusBar().currentMessage()
    assert "it carries what forces did with 1 part when they were sent before" in said, said  # no campaign of yours
    Library().save(received, "Spend")
    dialog = QtLibraryDialog(Library(), ME)  # the library's Share says the same
    qtbot.addWidget(dialog)
    assert dialog.share(tmp_path / "again.foi.json")
    assert "when they were sent before" in dialog.message.text(), dialog.message.text()


def test_the_app_can_share_a_template_without_the_replies_record(window, qtbot, tmp_path, monkeypatch):
    # As `library export --no-past` can: the app wrote the record with no way to leave it out (reuse9).
    from composer.model import PastPart

    text = "How much has the force spent on the system in each year since 2020?"
    received = Request(title="Spend", parts=[Part(text=text)],
                       past=[PastPart(text=text, sent="2026-09", replied=4, met={"cost": 3})])
    window.document.load(received, None)
    review(monkeypatch, "without")
    window.files.share_template(tmp_path / "bare.foi.json")
    assert load_request(tmp_path / "bare.foi.json").past == []
    assert "carries" not in window.statusBar().currentMessage()
    Library().save(received, "Spend")
    dialog = QtLibraryDialog(Library(), ME)
    qtbot.addWidget(dialog)
    assert dialog.share(tmp_path / "bare2.foi.json")
    assert load_request(tmp_path / "bare2.foi.json").past == [] and "carries" not in dialog.message.text()


def test_the_review_offers_to_leave_the_record_out_only_when_there_is_one(qtbot):
    plain = QtShareReview(None, ["your name in the title"])
    qtbot.addWidget(plain)
    assert plain.without is None
    assert plain.choice(plain.button(QtShareReview.StandardButton.Save)) == ShareAnswer(True, False)
    assert plain.choice(plain.button(QtShareReview.StandardButton.Cancel)) is None
    assert not hasattr(plain, "keep")  # no office-holder's name was taken out
    carrying = QtShareReview(None, [], "what forces did with 1 part when you sent them")
    qtbot.addWidget(carrying)
    assert "It carries what forces did with 1 part" in carrying.informativeText()
    assert carrying.choice(carrying.without) == ShareAnswer(False, False)
    assert carrying.choice(carrying.button(QtShareReview.StandardButton.Save)) == ShareAnswer(True, False)
    assert carrying.choice(None) is None  # closed with Escape


OFFICE = Request(title="Request from Jane Doe",
                 introduction="My name is Jane Doe; I write for my client Mr A. Khan.",
                 parts=[Part(text="Has Sir Mark Rowley, the Commissioner, seen the DPIA?")])


def test_names_are_shown_before_writing_and_an_office_holder_can_be_put_back(window, tmp_path, monkeypatch):
    """PRIVACY-S11: with no profile the writer's and a client's names reached the shared file
    unshown; an office-holder named in a question is taken out too, and the review offers it back."""
    window.requester = None
    window.document.load(OFFICE, None)
    shown = review(monkeypatch, True)
    removed = window.files.share_template(tmp_path / "plain.foi.json")
    assert shown[0] == removed and any("\u201cMr A. Khan\u201d" in line for line in removed)
    plain = load_request(tmp_path / "plain.foi.json")
    assert "Jane" not in plain.title + plain.introduction and "Khan" not in plain.introduction
    assert "Rowley" not in plain.parts[0].text

    review(monkeypatch, "keep offices")
    removed = window.files.share_template(tmp_path / "kept.foi.json")
    kept = load_request(tmp_path / "kept.foi.json")
    assert kept.parts[0].text == "Has Sir Mark Rowley, the Commissioner, seen the DPIA?"
    assert "Khan" not in kept.introduction and not any("Rowley" in line for line in removed)


def test_the_review_offers_the_office_holders_back_only_when_one_was_taken_out(qtbot):
    from composer.library import strip_personal_data

    _, removed = strip_personal_data(OFFICE, None)
    box = QtShareReview(None, removed, None, ["Sir Mark Rowley"])
    qtbot.addWidget(box)
    assert "Sir Mark Rowley" in box.keep.text() and "\u201cMr A. Khan\u201d" in box.informativeText()
    assert box.choice(box.button(QtShareReview.StandardButton.Save)) == ShareAnswer(True, False)
    box.keep.setChecked(True)
    assert box.choice(box.button(QtShareReview.StandardButton.Save)) == ShareAnswer(True, True)
