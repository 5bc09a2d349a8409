"""The Follow up and Coverage tables work out what each cell shows once per campaign shown, not on
each of the many questions Qt asks while sizing the table: every cell must still say what the
campaign says, for every role, and follow a new campaign and a new palette."""

from __future__ import annotations

from datetime import date, timedelta

from composer.coverage import STATES, State, coverage
from composer.forces import load_directory
from composer.model import Part, Request
from composer.operations.campaign import add_forces, new_campaign, record
from composer.replies import Outcome, PartReading, ReplyKind, ReplyReading
from composer.ui.qt import QColor, QFont, QPalette, Qt
from composer.ui.qt_campaign_model import COLUMNS, OVERDUE_ROLE, OVERDUE_TINT, SORT_ROLE, CampaignTableModel, _tinted
from composer.ui.qt_coverage import CoverageTableModel, QtCoverageView, colour, short_label

SENT = date(2026, 11, 20)
TODAY = date(2027, 1, 6)
ROLES = [*Qt.ItemDataRole, SORT_ROLE, OVERDUE_ROLE]


def _campaign(name: str = "Risk 2026", parts: int = 3):
    request = Request(title=name, parts=[Part(text=f"Question {n} about {{force_name}}?",
                                              subparts=[Part(text="And by year?")] if n == 1 else [])
                                         for n in range(parts)])
    every = load_directory().resolve("all")
    forces = every[:12]
    c = new_campaign(name=name, request=request, forces=forces, sent=SENT).value
    c = add_forces(c, forces=every[12:13], sent=TODAY - timedelta(days=3)).value  # not yet due
    steps = [("answered", date(2026, 12, 3)), ("clarification-asked", date(2026, 11, 25)),
             ("refused", date(2026, 12, 10)), ("partly-answered", date(2027, 1, 2)), ("acknowledged", SENT)]
    for force, (status, on) in zip(forces[1:], steps):
        c = record(c, force_id=force.id, status=status, on=on,
                   sections=["s12"] if status == "refused" else None).value
    return c, forces


def _readings(forces, numbers):
    said = [PartReading(Outcome.ANSWERED), PartReading(Outcome.NOT_HELD), PartReading(Outcome.REFUSED, ("s40(2)",)),
            PartReading(Outcome.NCND, ("s23(5)",)), PartReading(Outcome.CLARIFY)]
    # the first's answer to the part it leaves out is in an attachment not read
    return {force.id: ReplyReading(kind=ReplyKind.PARTLY, parts={n: said[(i + j) % len(said)]
                                                                 for j, n in enumerate(numbers) if j != i % 3},
                                   unread=i == 0)
            for i, force in enumerate(forces[6:10])}


def _coverage(name="Risk 2026", parts=3):
    c, forces = _campaign(name, parts)
    numbers = [n.number for n in c.request.numbered()]
    return coverage(c, _readings(forces, numbers), today=TODAY)


def _expected_cell(cov, row, column, role, base):
    """What a coverage cell shows, worked out from the coverage alone."""
    forces, parts = len(cov.forces), len(cov.parts)
    if row == forces and column == parts:
        return None
    if row == forces:
        part = cov.parts[column]
        return {Qt.ItemDataRole.DisplayRole: f"{cov.per_part(part)[State.ANSWERED]}/{forces}",
                Qt.ItemDataRole.EditRole: f"{cov.per_part(part)[State.ANSWERED]}/{forces}",
                Qt.ItemDataRole.ToolTipRole: cov.summary(part), Qt.ItemDataRole.FontRole: "bold"}.get(role)
    force_id, name = cov.forces[row]
    if column == parts:
        counts = cov.per_force(force_id)
        spelled = "; ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        return {Qt.ItemDataRole.DisplayRole: f"{counts[State.ANSWERED]}/{parts}",
                Qt.ItemDataRole.EditRole: f"{counts[State.ANSWERED]}/{parts}",
                Qt.ItemDataRole.ToolTipRole: f"{name}: {spelled}", Qt.ItemDataRole.FontRole: "bold"}.get(role)
    part = cov.parts[column]
    cell = cov.cell(force_id, part)
    return {Qt.ItemDataRole.DisplayRole: short_label(cell), Qt.ItemDataRole.EditRole: short_label(cell),
            Qt.ItemDataRole.ToolTipRole: f"{name}, part {part}: {cell.label}\n{part}. {cov.part_texts[part]}",
            Qt.ItemDataRole.AccessibleTextRole: f"{name}, part {part}: {cell.label}",  # "…" says nothing
            Qt.ItemDataRole.BackgroundRole: colour(cell.state, base).rgba(),
            Qt.ItemDataRole.TextAlignmentRole: int(Qt.AlignmentFlag.AlignCenter)}.get(role)


def _shown(model, row, column, role):
    value = model.data(model.index(row, column), role)
    if isinstance(value, QFont):
        return "bold" if value.bold() else "plain"
    if hasattr(value, "color"):  # a brush
        return value.color().rgba()
    return value


def _every_coverage_cell_as_worked_out(model, cov, qapp):
    """Every cell and header as the coverage says (a cell's words are its edit text too, as a standard
    item keeps them, and no cell can be edited)."""
    base = qapp.palette().color(QPalette.ColorRole.Base)
    never = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
    for row in range(model.rowCount()):
        assert model.headerData(row, Qt.Orientation.Vertical) == (
            cov.forces[row][1] if row < len(cov.forces) else "forces answering")
        assert model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) is None
        for column in range(model.columnCount()):
            assert model.flags(model.index(row, column)) == never
            for role in ROLES:
                if role == Qt.ItemDataRole.StandardItemFlagsRole:  # the flags themselves, just checked
                    continue
                assert _shown(model, row, column, role) == _expected_cell(cov, row, column, role, base), \
                    (row, column, role)
    for column, part in enumerate([*cov.parts, None]):
        assert model.headerData(column, Qt.Orientation.Horizontal) == (part or "answered")
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
            f"{part}. {cov.part_texts[part]}\n{cov.summary(part)}" if part else None)


def test_every_coverage_cell_says_what_the_coverage_says_for_every_role(qapp, qtmodeltester):
    cov = _coverage()
    assert {cell.state for cell in cov.cells.values()} == set(STATES)  # every state is shown
    model = CoverageTableModel(cov)
    qtmodeltester.check(model)
    _every_coverage_cell_as_worked_out(model, cov, qapp)
    bigger = _coverage("Another", parts=6)  # another campaign, more parts
    model.set_coverage(bigger)
    assert model.columnCount() == len(bigger.parts) + 1
    _every_coverage_cell_as_worked_out(model, bigger, qapp)
    model.set_coverage(None)
    assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None


def test_coverage_colours_follow_a_new_palette(qapp, qtbot):
    cov = _coverage()
    view = QtCoverageView(lambda name: cov, lambda: ["risk-2026"])
    qtbot.addWidget(view)
    model = view.model
    original = qapp.palette()
    try:
        for base in (QColor(30, 30, 30), QColor(255, 255, 255)):
            palette = QPalette(original)
            palette.setColor(QPalette.ColorRole.Base, base)
            qapp.setPalette(palette)
            qapp.processEvents()  # the palette change reaches the view as a posted event
            _every_coverage_cell_as_worked_out(model, cov, qapp)
    finally:
        qapp.setPalette(original)


def _expected_row(p, column, role):
    """What a Follow up cell shows, from the force's progress (the tip: what it starts with and holds)."""
    title, value = COLUMNS[column]
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):  # read as shown
        return _Tip(p)
    background = (_tinted(OVERDUE_TINT).rgba() if p.overdue else
                  _tinted((255, 193, 7)).rgba() if p.responded and p.late_by else None)
    sort = {"Sent": p.sent.isoformat() if p.sent else "", "Due": p.due.isoformat() if p.due else "9999",
            "Next": p.next_date.isoformat() if p.next_date else "9999"}
    return {Qt.ItemDataRole.DisplayRole: value(p),
            SORT_ROLE: sort[title] if title in sort else value(p),
            OVERDUE_ROLE: p.overdue,
            Qt.ItemDataRole.BackgroundRole: background,
            Qt.ItemDataRole.FontRole: "bold" if p.overdue and title == "Next" else None}.get(role)


class _Tip:
    """Equal to a row's tip: its force, status and next step first, then each warning and the notes."""

    def __init__(self, p) -> None:
        self.p = p

    def __eq__(self, tip: object) -> bool:
        p = self.p
        return (isinstance(tip, str) and tip.startswith(f"{p.force_name}: {p.status_label}\nnext: {p.next_in_words}")
                and all(f"\nwarning: {warning}" in tip for warning in p.warnings) and (p.notes or "") in tip
                and ((f"\n{p.late_by} working day{'s' if p.late_by != 1 else ''} late" in tip)
                     if p.late_by else ("working days late" not in tip.replace(p.next_in_words, ""))))


def test_every_follow_up_cell_says_what_the_campaign_says_for_every_role(qapp, qtmodeltester):
    c, _forces = _campaign()
    model = CampaignTableModel(c, TODAY)
    qtmodeltester.check(model)
    later = TODAY + timedelta(days=40)
    for campaign, today in ((c, TODAY), (_campaign("Other", 2)[0], later), (c, later)):
        model.set_campaign(campaign, today)
        assert {p.overdue for p in model.rows} == {True, False}
        for row, p in enumerate(model.rows):
            for column in range(len(COLUMNS)):
                for role in ROLES:
                    assert _shown(model, row, column, role) == _expected_row(p, column, role), (row, column, role)
