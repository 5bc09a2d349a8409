"""The live preview: the letter for the chosen force, kept in step with every edit (it replaces
only what changed, so this checks the result is still exactly the letter), and the selected
part highlighted in the palette's colour."""

from __future__ import annotations

from composer.model import Part, Request, Requester
from composer.operations import request as edits
from composer.ui.qt import QPalette
from composer.ui.qt_document import QtDocument
from composer.ui.qt_preview import QtPreview


def make(qtbot) -> QtPreview:
    document = QtDocument(Request(title="Risk", parts=[
        Part(id="a", text="Does {force_name} use a risk score?", subparts=[
            Part(id="a1", text="What is it called?", condition="if_yes")]),
        Part(id="b", text="How many people were scored?"),
    ]))
    preview = QtPreview(document, Requester(name="Sam Example"))
    qtbot.addWidget(preview)
    return preview


def test_the_preview_is_the_letter_for_the_chosen_force(qtbot):
    preview = make(qtbot)
    with qtbot.waitExposed(preview):  # the letter modules load once the preview is on screen
        preview.show()
    assert "Dear" not in preview.text.toPlainText()  # no force: the body only
    with qtbot.waitSignal(preview.forceChanged):
        preview.set_force("police_scotland")
    qtbot.waitUntil(lambda: "Freedom of Information (Scotland) Act 2002" in preview.text.toPlainText())
    shown = preview.text.toPlainText()
    assert "Dear Police Scotland" in shown
    assert "Does Police Scotland use a risk score?" in shown
    assert shown.rstrip().endswith("Sam Example")


def test_every_edit_leaves_exactly_the_letter_on_screen(qtbot):
    preview = make(qtbot)
    preview.set_force("wmp")
    document = preview.document
    for text in ("How many people", "How many people were scored in 2023?", "", "😀 emoji 😀 ok",
                 "Plain again", "Ünïcödé — “quotes”"):
        document.edit("typing", edits.set_text, part_id="b", text=text, merge_key="b")
        assert preview.text.toPlainText() == preview.letter_text()
    document.edit("move", edits.move_up, part_id="b")
    assert preview.text.toPlainText() == preview.letter_text()
    document.undo_stack.undo()
    assert preview.text.toPlainText() == preview.letter_text()


def test_the_selected_part_is_highlighted_in_the_palette_colour(qtbot):
    preview = make(qtbot)
    dark = QPalette(preview.palette())
    dark.setColor(QPalette.ColorRole.Highlight, dark.color(QPalette.ColorRole.Dark))
    preview.setPalette(dark)
    preview.document.edit("emoji", edits.set_text, part_id="a", text="😀 Does {force_name} use a score?")
    preview.show_part("a1")
    (selection,) = preview.text.extraSelections()
    assert selection.cursor.selectedText() == "1a. What is it called?"
    colour = selection.format.background().color()
    assert colour.rgb() == dark.color(QPalette.ColorRole.Highlight).rgb()
    preview.show_part(None)
    assert preview.text.extraSelections() == []


def indents(preview: QtPreview) -> dict[str, tuple[float, float]]:
    """Each paragraph's first words, with its left margin and first-line indent."""
    out = {}
    block = preview.text.document().begin()
    while block.isValid():
        layout = block.blockFormat()
        out[block.text().strip()[:12]] = (layout.leftMargin(), layout.textIndent())
        block = block.next()
    return out


def test_wrapped_parts_hang_under_their_text_and_stay_so_through_edits(qtbot):
    preview = make(qtbot)
    document = preview.document
    document.edit("add", edits.add_followup, parent_id="a", new_id="a2", text="Who supplies it?")
    document.edit("add", edits.add_part, new_id="c", text="A new part typed in " * 20)

    def check() -> None:
        shown = indents(preview)
        tops = [shown[k] for k in shown if k[:2] in ("1.", "2.", "3.")]
        subs = [shown[k] for k in shown if k[:3] in ("1a.", "1b.")]
        assert len(tops) == 3 and len(subs) == 2
        assert all(margin > 0 and indent == -margin for margin, indent in tops + subs)
        assert len(set(tops)) == 1 and len(set(subs)) == 1  # one level, one indent
        assert subs[0][0] > tops[0][0]  # sub-parts sit further in
        assert all(value == (0.0, 0.0) for key, value in shown.items()
                   if key[:1].isalpha() or not key)  # everything else is not indented

    check()
    document.edit("typing", edits.set_text, part_id="b", text="Much longer words now " * 30, merge_key="b")
    check()
    document.undo_stack.undo()
    check()


def test_read_as_lists_the_requests_own_forces_first(qtbot):
    preview = make(qtbot)
    box = preview.force_box
    assert box.itemData(1) == sorted(preview._forces, key=lambda f: f.name)[0].id
    preview.set_force("kent_police")
    preview.document.set_forces(["wmp", "police_scotland"])
    assert [box.itemData(i) for i in range(3)] == [None, "wmp", "police_scotland"]
    assert box.itemText(3) == ""  # a separator before every other force
    assert box.findData("kent_police") > 3 and box.count() == len(preview._forces) + 2
    assert preview.force.id == "kent_police"  # the force being read as stays chosen


def test_the_changed_span_is_found_as_a_character_by_character_scan_would_find_it():
    import random

    from composer.ui.qt_preview import _shared_length

    rng = random.Random(7)
    for _ in range(500):
        old = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 15)))
        new = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 15)))
        limit = min(len(old), len(new))
        start = 0
        while start < limit and old[start] == new[start]:
            start += 1
        end = 0
        while end < limit - start and old[-1 - end] == new[-1 - end]:
            end += 1
        assert _shared_length(lambda n: old[:n] == new[:n], limit) == start, (old, new)
        assert _shared_length(lambda n: old[len(old) - n:] == new[len(new) - n:], limit - start) == end, (old, new)


def test_numbered_parts_hang_and_the_indent_goes_when_the_parts_go(qtbot):
    preview = make(qtbot)

    def indents() -> dict[str, float]:
        found, block = {}, preview.text.document().begin()
        while block.isValid():
            layout = block.blockFormat()
            if layout.leftMargin() or layout.textIndent():
                assert layout.textIndent() == -layout.leftMargin()  # a hanging indent
                found[block.text().strip()[:3]] = layout.leftMargin()
            block = block.next()
        return found

    hung = indents()
    assert set(hung) == {"1. ", "1a.", "2. "} and hung["1. "] == hung["2. "] > 0
    for part_id in ("a", "b"):
        preview.document.edit("delete", edits.remove_part, part_id=part_id)
    assert indents() == {}  # the letter with no parts keeps no indent of theirs
