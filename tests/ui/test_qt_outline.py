"""The outline tree: a correct Qt model, drag to reorder, buttons and undo, all via the document."""

from __future__ import annotations

import pytest

from composer.model import Part, Request
from composer.operations import request as ops
from composer.ui.qt import QItemSelectionModel, QModelIndex, Qt
from composer.ui.qt_document import QtDocument
from composer.ui.qt_outline import QtOutline
from composer.ui.qt_outline_model import PART_ID_ROLE


def sample() -> Request:
    return Request(parts=[
        Part(id="a", text="Is a system used?", subparts=[
            Part(id="a1", text="Its name?", condition="if_yes"),
            Part(id="a2", text="Its cost?", condition="if_yes"),
        ]),
        Part(id="b", text="How many people are scored?"),
        Part(id="c", text="Any impact assessment?"),
    ])


@pytest.fixture
def outline(qtbot) -> QtOutline:
    widget = QtOutline(QtDocument(sample()))
    qtbot.addWidget(widget)
    return widget


def top_ids(document: QtDocument) -> list[str]:
    return [p.id for p in document.request.parts]


def test_the_outline_model_passes_qt_model_checks(outline, qtmodeltester):
    qtmodeltester.check(outline.model)
    order = [p.id for p in outline.document.request.parts][::-1]
    outline.document.edit("move", ops.accept_order, order=order)
    qtmodeltester.check(outline.model)


def test_rows_show_the_numbers_a_force_reads(outline):
    model = outline.model
    assert model.rowCount() == 3
    first = model.index(0, 0)
    assert model.rowCount(first) == 2
    assert model.index(1, 0, first).data().startswith("1b.  Its cost?")
    assert model.index(2, 0).data(PART_ID_ROLE) == "c"
    outline.document.edit("rank", ops.set_priority, part_id="c", priority=1)
    assert model.index(2, 0).data().startswith("1.  Any impact")  # ranked first in the letter
    assert model.index(2, 1).data() == "1"


def test_dragging_a_part_moves_it_and_undo_puts_it_back(outline, qtbot):
    model, document = outline.model, outline.document
    data = model.mimeData([model.index(2, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    with qtbot.waitSignal(model.modelReset):
        model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert top_ids(document) == ["c", "a", "b"]
    document.undo_stack.undo()
    assert top_ids(document) == ["a", "b", "c"]
    document.undo_stack.redo()
    assert top_ids(document) == ["c", "a", "b"]


def test_dropping_a_part_onto_another_makes_it_a_sub_part(outline):
    model, document = outline.model, outline.document
    data = model.mimeData([model.index(2, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))
    assert [s.id for s in document.request.find("b").subparts] == ["c"]
    # a part with sub-parts cannot be dropped under another part
    whole = model.mimeData([model.index(0, 0)])
    assert not model.canDropMimeData(whole, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))


def test_a_part_dropped_on_the_first_parts_upper_half_goes_above_it(outline, qtbot):
    from composer.ui.qt import QDropEvent, QPointF

    with qtbot.waitExposed(outline):
        outline.show()
    model, document, tree = outline.model, outline.document, outline.tree
    first = tree.visualRect(model.index(0, 0))
    data = model.mimeData([model.index(2, 0)])

    def drop(y):  # the tree's handler for a drop on it, as a drag ending there calls it
        event = QDropEvent(QPointF(first.center().x(), y), Qt.DropAction.MoveAction, data,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        tree.dropEvent(event)

    drop(first.bottom() - 1)  # the lower half is left to Qt (no drag of this tree: nothing moves)
    assert top_ids(document) == ["a", "b", "c"]
    drop(first.top() + first.height() // 3)
    assert top_ids(document) == ["c", "a", "b"] and outline.current_part_id == "c"
    document.undo_stack.undo()
    assert top_ids(document) == ["a", "b", "c"]
    sub = model.mimeData([model.index(0, 0, model.index(0, 0))])  # a sub-part keeps Qt's rules
    assert not outline.drop_above_first(sub, first.topLeft())


def test_selection_survives_a_reorder_and_buttons_follow_it(outline, qtbot):
    outline.select_part("b")
    assert outline.current_part_id == "b"
    assert outline.indent_action.isEnabled() and not outline.outdent_action.isEnabled()
    outline.up_action.trigger()
    assert top_ids(outline.document) == ["b", "a", "c"]
    assert outline.current_part_id == "b"
    index = outline.tree.currentIndex()
    assert index.data(PART_ID_ROLE) == "b"
    outline.select_part("a2")
    assert outline.outdent_action.isEnabled()
    outline.outdent_action.trigger()
    assert top_ids(outline.document) == ["b", "a", "a2", "c"]
    assert outline.current_part_id == "a2"


def test_adding_a_follow_up_selects_the_new_sub_part(outline, qtbot):
    outline.select_part("b")
    with qtbot.waitSignal(outline.partAdded) as added:
        outline.followup_action.trigger()
    new_id = added.args[0]
    assert outline.document.request.find("b").subparts[0].id == new_id
    assert outline.document.request.find(new_id).condition == "if_yes"
    assert outline.current_part_id == new_id


def test_delete_key_in_the_tree_removes_the_part_and_selects_the_next(outline, qtbot):
    outline.show()
    outline.tree.setFocus()
    outline.select_part("b")
    qtbot.waitUntil(outline.tree.hasFocus)
    qtbot.keyClick(outline.tree, Qt.Key.Key_Delete)
    assert top_ids(outline.document) == ["a", "c"]
    assert outline.current_part_id == "c"
    outline.document.undo_stack.undo()
    assert top_ids(outline.document) == ["a", "b", "c"]


def test_priority_typed_into_the_tree_goes_through_the_document(outline):
    model = outline.model
    assert model.setData(model.index(1, 1), 2)
    assert outline.document.request.find("b").priority == 2
    assert not model.flags(model.index(0, 1, model.index(0, 0))) & Qt.ItemFlag.ItemIsEditable
    assert outline.document.undo_stack.undoText() == "Set priority"


def test_keyboard_selection_reports_the_current_part(outline, qtbot):
    with qtbot.waitSignal(outline.currentPartChanged) as changed:
        outline.tree.selectionModel().setCurrentIndex(
            outline.model.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert changed.args == ["c"]
