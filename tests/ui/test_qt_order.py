"""The order dialog: a row per part and sub-part with its hours and the running total, the line
where a force would stop, moves by button and by drag (a sub-part only within its part), the
suggestion, and accepting as one undo step that the letter follows."""

from __future__ import annotations

import pytest

from composer.costplan import hours_words
from composer.forces import load_directory
from composer.model import Act, Part, Request
from composer.outline import letter_body
from composer.ui.qt import QDialog, QDropEvent, QMimeData, QPointF, Qt
from composer.ui.qt_document import QtDocument
from composer.ui.qt_order import PART_ROLE, QtOrderDialog

CHEAP = "Does the force use the system?"
COSTLY = ("How many people were arrested as a result of the system from 2015 to 2024, broken down "
          "by age, race and gender?")
YEAR = COSTLY.replace("from 2015 to 2024", "in 2023")


def request() -> Request:
    return Request(parts=[
        Part(id="big", text=COSTLY),
        Part(id="parent", text="About the system's use:", subparts=[
            Part(id="s1", text=YEAR), Part(id="s2", text=CHEAP), Part(id="s3", text="What is it called?"),
        ]),
        Part(id="small", text=CHEAP, priority=None),
    ])


def rows(dialog: QtOrderDialog) -> list[tuple[str | None, str | None]]:
    """(part id, parent id) of every row as shown, the stop line as (None, parent)."""
    out = []
    tree = dialog.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out.append((top.data(0, PART_ROLE), None))
        for j in range(top.childCount()):
            out.append((top.child(j).data(0, PART_ROLE), top.data(0, PART_ROLE)))
    return out


def item_of(dialog: QtOrderDialog, part_id: str):
    found = [i for i in dialog.tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
             if i.data(0, PART_ROLE) == part_id]
    return found[0]


@pytest.fixture
def dialog(keep, qtbot):
    made = QtOrderDialog(request())
    keep.append(made)
    qtbot.addWidget(made)
    return made


def test_every_part_and_sub_part_has_a_row_with_hours_and_the_running_total(dialog):
    shown = [r for r in rows(dialog) if r[0] is not None]
    assert shown == [("big", None), ("parent", None), ("s1", "parent"), ("s2", "parent"),
                     ("s3", "parent"), ("small", None)]
    for row in dialog.plan.rows:
        item = item_of(dialog, row.part_id)
        assert item.text(0).startswith(f"{row.number}. ")
        assert item.text(2) == hours_words(row.hours) and item.text(3) == hours_words(row.running)
        assert item.text(4) == row.cost.words
    assert item_of(dialog, "small").text(3) == hours_words(dialog.plan.total)


def test_the_stop_line_sits_before_the_first_part_past_the_limit_and_moves_with_the_act(dialog):
    # The ten-year count comes first and alone passes the limit: the line is at the very top.
    assert rows(dialog)[0] == (None, None)
    assert "would likely stop here" in dialog.stop_line().text(0)
    assert "18 hours (FOIA)" in dialog.stop_line().text(0)
    dialog.tree.setCurrentItem(item_of(dialog, "big"))
    for _ in range(2):
        assert dialog.move_selected(+1)
    assert not dialog.down.isEnabled()  # last: it cannot go further
    # Now the cheap parts come first; the one-year count in 2a is what passes the limit.
    line_at = rows(dialog).index((None, "parent"))
    assert rows(dialog)[line_at + 1] == ("s1", "parent")
    assert [r.part_id for r in dialog.plan.answered()] == ["parent"]
    dialog.pick(None, Act.FOISA)
    assert dialog.plan.limit == 40 and "40 hours (FOISA)" in dialog.stop_line().text(0)


def drop(dialog: QtOrderDialog, source: str, target: str, below: bool) -> None:
    """A real drop event on the tree, as Qt delivers one at the end of a drag."""
    tree = dialog.tree
    tree.setCurrentItem(item_of(dialog, source))
    rect = tree.visualItemRect(item_of(dialog, target))
    y = rect.bottom() - 1 if below else rect.top() + 1
    mime = QMimeData()
    mime.setData("application/x-qabstractitemmodeldatalist", b"")
    event = QDropEvent(QPointF(rect.center().x(), y), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)


def test_a_sub_part_dragged_within_its_part_moves_and_cannot_leave_it(dialog):
    drop(dialog, "s3", "s1", below=False)
    assert dialog.subparts["parent"] == ["s3", "s1", "s2"]
    assert [r[0] for r in rows(dialog) if r[1] == "parent" and r[0]] == ["s3", "s1", "s2"]
    assert item_of(dialog, "s3").text(0).startswith("2a. ")
    drop(dialog, "s3", "small", below=True)  # out of its part: refused, nothing moves
    assert dialog.subparts["parent"] == ["s3", "s1", "s2"] and dialog.order == ["big", "parent", "small"]
    assert "within its own part" in dialog.message.text()
    drop(dialog, "small", "big", below=False)  # a numbered part moves among the numbered parts
    assert dialog.order == ["small", "big", "parent"]


def test_suggest_ranks_by_priority_then_hours(dialog):
    dialog.suggest()
    assert dialog.order == ["small", "parent", "big"]
    assert dialog.subparts["parent"][-1] == "s1"  # the costly sub-part last within its part
    assert "Why here" in dialog.details.text() or dialog.tree.currentItem() is not None


def test_accepting_is_one_undo_step_and_the_letter_follows_the_order(qtbot, monkeypatch):
    document = QtDocument(request())
    before = document.request

    def reorder_and_accept(self):
        self.suggest()
        self.tree.setCurrentItem(item_of(self, "s3"))
        self.move_selected(-1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtOrderDialog, "exec", reorder_and_accept)
    steps = document.undo_stack.count()
    assert QtOrderDialog.ask(None, document)
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Order for the cost limit"
    new = document.request
    assert [p.id for p in new.ordered_parts()] == ["small", "parent", "big"]
    assert [s.id for s in new.find("parent").subparts] == ["s3", "s2", "s1"]
    body = letter_body(new, load_directory().get("kent_police"))
    assert [(p.number, p.part_id) for p in body.parts] == [
        ("1", "small"), ("2", "parent"), ("2a", "s3"), ("2b", "s2"), ("2c", "s1"), ("3", "big")]
    assert any("in the order they are numbered" in c for c in body.clauses)
    document.undo_stack.undo()
    assert document.request == before


def test_cancelling_changes_nothing(qtbot, monkeypatch):
    document = QtDocument(request())
    before = document.request
    monkeypatch.setattr(QtOrderDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not QtOrderDialog.ask(None, document)
    assert document.request == before and document.undo_stack.count() == 0


def test_the_costly_part_goes_last_past_the_line_and_a_request_within_the_limit_says_so(keep, qtbot):
    tasers = Request(title="Tasers", parts=[
        Part(id="p1", text="Please give brief details of each incident in 2023 where a Taser was fired at a dog."),
        Part(id="p2", text="Does the force issue Tasers to response officers?"),
        Part(id="p3", text="Please provide a copy of your Taser policy."),
    ])
    dialog = QtOrderDialog(tasers)
    keep.append(dialog)
    dialog.suggest()
    assert dialog.order == ["p2", "p3", "p1"]
    assert rows(dialog)[-2:] == [(None, None), ("p1", None)]  # the line, then the costly part
    assert "likely unanswered" in item_of(dialog, "p1").toolTip(0).lower()
    assert "stop before part 3" in dialog.summary.text()
    small = QtOrderDialog(Request(parts=[Part(text="Does the force use drones?"),
                                         Part(text="Please provide your drone policy.")]))
    keep.append(small)
    assert small.stop_line() is None and "within the limit" in small.summary.text()


def test_the_limit_follows_the_forces_act_and_a_mixed_list_is_pointed_out(keep, qtbot):
    scottish = request()
    scottish.forces = ["police_scotland"]
    dialog = QtOrderDialog(scottish)
    keep.append(dialog)
    assert dialog.force.id == "police_scotland" and dialog.law.act is Act.FOISA and dialog.plan.limit == 40
    assert "both Acts" not in dialog.message.text()
    mixed = request()
    mixed.forces = ["kent_police", "police_scotland"]
    both = QtOrderDialog(mixed)
    keep.append(both)
    assert both.force.id == "kent_police" and both.plan.limit == 18 and "both Acts" in both.message.text()


# -- the force picker ----------------------------------------------------------------------------
# A part whose records are read one by one: its hours grow with the force's size.
READ_BY_HAND = ("For each use of force report in 2023 in which a dog was used, please give a summary of "
                "the circumstances.")


def sized_request(*forces: str) -> Request:
    made = Request(parts=[Part(id="dogs", text=READ_BY_HAND), Part(id="policy", text=CHEAP)])
    made.forces = list(forces)
    return made


def test_the_picker_starts_at_the_requests_first_force_with_its_limit_and_its_size(keep, qtbot):
    from composer.costplan import estimates
    from composer.law import law_for

    dialog = QtOrderDialog(sized_request("dyfed_powys_police", "the_met"))
    keep.append(dialog)
    small = load_directory().get("dyfed_powys_police")
    assert dialog.force == small and dialog.plan.limit == 18
    label = dialog.limit_label.text()
    assert "Freedom of Information Act 2000" in label and "18 hours" in label
    assert f"{round(small.officers, -2):,.0f} officers" in label and "full-time equivalent" in label
    expected = estimates(dialog.request, law_for(small), small)["dogs"].hours
    assert item_of(dialog, "dogs").text(2) == hours_words(expected)
    assert "Dyfed-Powys Police" in dialog.summary.text()
    # The request's own forces come first, before every other force.
    listed = [dialog.force_box.itemData(i) for i in range(dialog.force_box.count())]
    ours = [i for i in listed if i in ("dyfed_powys_police", "the_met")]
    assert ours == ["dyfed_powys_police", "the_met"]
    assert listed.index("the_met") < listed.index("kent_police")


def test_picking_a_larger_force_scales_the_hours_and_moves_the_line(keep, qtbot):
    dialog = QtOrderDialog(sized_request("dyfed_powys_police", "the_met"))
    keep.append(dialog)
    small_hours = next(r.hours for r in dialog.plan.rows if r.part_id == "dogs")
    dialog.pick("the_met")
    met = load_directory().get("the_met")
    large_hours = next(r.hours for r in dialog.plan.rows if r.part_id == "dogs")
    assert large_hours > 5 * small_hours
    assert item_of(dialog, "dogs").text(2) == hours_words(large_hours)
    assert f"{round(met.officers, -2):,.0f} officers" in dialog.limit_label.text()
    assert "Metropolitan" in dialog.tree.headerItem().toolTip(2)
    # Police Scotland answers under FOISA: its limit is 40 hours, and the label says which Act.
    dialog.pick("police_scotland")
    assert dialog.plan.limit == 40 and "Freedom of Information (Scotland) Act 2002" in dialog.limit_label.text()
    # No particular force: a middling force under the Act picked, and the label says so.
    dialog.pick(None, Act.FOIA)
    assert dialog.force is None and dialog.plan.limit == 18
    assert "middling force" in dialog.limit_label.text()


def test_the_previewed_force_comes_first_and_a_force_without_a_size_says_so(keep, qtbot):
    scotland = load_directory().get("police_scotland")
    dialog = QtOrderDialog(sized_request("kent_police"), force=scotland)
    keep.append(dialog)
    assert dialog.force == scotland and dialog.plan.limit == 40
    unsized = load_directory().get("northern_ireland_policing_board")
    assert unsized.officers is None  # a board, not a police force: no officers
    dialog.pick(unsized.id)
    assert "does not know" in dialog.limit_label.text() and "middling force" in dialog.limit_label.text()


def test_the_window_opens_the_order_for_the_previewed_force(window, qtbot, monkeypatch):
    from composer.operations.request import add_part

    window.document.edit("Add", add_part, text=READ_BY_HAND, new_id="dogs")
    window.preview.set_force("north_wales_police")
    seen = []
    monkeypatch.setattr(QtOrderDialog, "exec", lambda self: seen.append(self.force) or QDialog.DialogCode.Rejected)
    window.suggest_order()
    assert [f.id for f in seen] == ["north_wales_police"]


def test_the_letter_follows_the_users_order_whichever_force_was_picked(qtbot, monkeypatch):
    document = QtDocument(sized_request("the_met", "police_scotland"))

    def reorder_for_scotland_and_accept(self):
        self.pick("police_scotland")
        self.tree.setCurrentItem(item_of(self, "policy"))
        assert self.move_selected(-1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtOrderDialog, "exec", reorder_for_scotland_and_accept)
    assert QtOrderDialog.ask(None, document)
    for force_id in ("the_met", "police_scotland", "kent_police"):
        body = letter_body(document.request, load_directory().get(force_id))
        assert [(p.number, p.part_id) for p in body.parts] == [("1", "policy"), ("2", "dogs")]
        assert any("in the order they are numbered" in c for c in body.clauses)


def test_at_1024_by_700_the_parts_words_get_the_room_the_estimate_does_not_need(dialog, qtbot):
    dialog.resize(1024, 700)
    with qtbot.waitExposed(dialog):
        dialog.show()
    tree, header = dialog.tree, dialog.tree.header()
    last = header.count() - 1
    figures = sum(header.sectionSize(column) for column in range(1, last))
    free = tree.viewport().width() - figures
    qtbot.waitUntil(lambda: header.sectionSize(0) + header.sectionSize(last) >= free - 2)
    assert header.sectionSize(last) <= max(tree.sizeHintForColumn(last), free * 2 // 5) + 2
    assert header.sectionSize(0) >= min(tree.sizeHintForColumn(0), free * 3 // 5) - 2
    assert header.sectionSize(0) > dialog.fontMetrics().horizontalAdvance("M" * 32)  # the old fixed width


def test_the_stop_line_and_a_shared_query_read_in_half_hours(keep, qtbot):
    """QA-S8: "18 h answered of the 18 hours (FOIA) limit; part 2 would take it to 18 h" (17.5 and
    18.5 rounded to even), and a part whose figures come from a query already written showed its
    own hours with nothing to say why the total rose by less."""
    from composer.costplan import PartCost

    asked = Request(parts=[
        Part(id="p1", text="System one?", subparts=[Part(id="a1", text="Its name?"), Part(id="c1", text="Its cost?")]),
        Part(id="p2", text="System two?", subparts=[Part(id="c2", text="Its cost?")]),
    ])
    made = QtOrderDialog(asked)
    keep.append(made)
    qtbot.addWidget(made)
    costs = {"p1": 0.5, "a1": 0.5, "c1": 16.5, "p2": 1.0, "c2": 16.5}
    made._costs[made.force_box.currentData()] = {
        pid: PartCost(pid, hours, "some hours", "Read as: a count.", record="finance", query=pid.startswith("c"))
        for pid, hours in costs.items()}
    made.refresh()
    assert made.stop_line().text(0).endswith("17.5 h answered of the 18 hours (FOIA) limit; part 2 would "
                                              "take it to 18.5 h")
    made.tree.setCurrentItem(item_of(made, "c2"))
    assert "Adds only 0.5 h to the total: the query on finance and contract records written for part 1b" \
        in made.details.text()
    assert "written for part 1b" in item_of(made, "c2").toolTip(2)


def test_a_row_moves_with_the_keys_that_move_a_part_in_the_outline(dialog, qtbot):
    """QA-S8: the outline moves a part with Alt+Up/Alt+Down; here those keys did nothing (only
    Ctrl+Up/Ctrl+Down), so a keyboard user who had learnt the outline's keys was stuck."""
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tree.setFocus()
    qtbot.waitUntil(dialog.tree.hasFocus)
    dialog.tree.setCurrentItem(item_of(dialog, "small"))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.order == ["big", "small", "parent"])
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.order == ["big", "parent", "small"])
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # as before
    qtbot.waitUntil(lambda: dialog.order == ["big", "small", "parent"])


@pytest.mark.parametrize(("larger", "one_row"), [(1.0, True), (1.5, True), (2.0, False)])
def test_the_top_row_wraps_rather_than_scroll_sideways_with_large_text(qtbot, larger, one_row):
    """1366x768 at 150% is 911x512 to Qt, and the dialog opens at 871 wide. With a font half as
    large again the force, Suggest and Back needed 995 pixels and the dialog scrolled sideways;
    now the force box gives up its spare width, and at twice the size the buttons go below it."""
    from composer.ui.qt import QScrollArea

    from ui.every_window import example

    made = QtOrderDialog(example())
    qtbot.addWidget(made)
    font = made.font()
    font.setPointSizeF(font.pointSizeF() * larger)
    made.setFont(font)
    made.resize(871, 452)
    made.show()
    qtbot.waitExposed(made)
    scroll = made.findChild(QScrollArea, "fits_screen")
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert scroll.horizontalScrollBar().maximum() == 0
    assert (made.top.direction() == made.top.Direction.LeftToRight) is one_row
    for button in (made.suggest_button, made.reset_button):  # whole, inside the dialog
        right = button.mapTo(scroll.viewport(), button.rect().topRight()).x()
        assert right < scroll.viewport().width() and button.width() >= button.sizeHint().width()
