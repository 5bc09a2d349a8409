"""The order for the cost limit: which parts and sub-parts a force should answer first.

Every part and sub-part in the order the force would answer it, with the user's priority, its
estimated hours (the reason in words underneath when selected), the running total against the
limit of the chosen force's Act (FOIA 18 hours, FOISA 40), and a red line where that force would
likely stop answering (`composer.costplan`). The force is picked in the dialog (at first the one
previewed, else the request's first force): its size, from the force directory, scales the
records it holds and so the hours; without one, the hours are a middling force's under the Act
picked. The force picked changes only what is shown: the letter's cost clause follows the order
the user accepts, for every force it goes to. Parts are reordered by drag or with the buttons; a sub-part moves only
within its part. "Suggest an order" ranks by the user's priority and then the cheapest first.
Accepting applies the order through the document (`accept_order`), so it is one step to undo,
and the letter numbers the parts in that order: its cost-limit clause asks the force to answer
them in that order up to its own Act's limit.
"""

from __future__ import annotations

from composer import costplan
from composer.checker.estimate import size_words
from composer.dates import in_words
from composer.errors import ComposerError
from composer.forces import load_directory
from composer.law import LAWS, Law, law_for, readable
from composer.model import Act, Force, Request
from composer.operations.request import accept_order
from composer.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFont,
    QGuiApplication,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPalette,
    QPushButton,
    QShortcut,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_access import QtFitsScreen, QtPair, legible, towards
from composer.ui.qt_document import QtDocument
from composer.ui.qt_outline_model import one_line

COLUMNS = ("Part", "Priority", "Hours", "Running total", "Estimate")
PART_ROLE = Qt.ItemDataRole.UserRole
STOP_COLOUR = QColor(180, 30, 30)


class OrderTree(QTreeWidget):
    """The rows, reorderable by drag. Qt does not move anything itself: a drop says which part
    went where (`dropped`), and the dialog decides whether that move is allowed and redraws."""

    dropped = Signal(str, str, bool)  # the part moved, the part it was dropped on, below it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def share_columns(self) -> None:
        """The room left by the figures goes to the part's words and the estimate's: the estimate takes no
        more than it needs, and never more than two fifths (at 1024x700 the part was cut to ~40
        characters while the estimate column stood half empty)."""
        header = self.header()
        figures = sum(header.sectionSize(column) for column in range(1, header.count() - 1))
        free = self.viewport().width() - figures
        needed = self.sizeHintForColumn(header.count() - 1)
        least = self.fontMetrics().horizontalAdvance("M" * 16)
        header.resizeSection(0, max(least, free - min(needed, free * 2 // 5)))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.share_columns()

    def dropEvent(self, event) -> None:  # noqa: N802
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the dialog moves it, Qt must not
        event.accept()
        source = self.currentItem()
        point = event.position().toPoint()
        target = self.itemAt(point)
        if source is None or target is None or target is source:
            return
        below = point.y() > self.visualItemRect(target).center().y()
        if target.data(0, PART_ROLE) is None:  # the stop line: the row on its far side
            target = self.itemBelow(target) if below else self.itemAbove(target)
            below = not below
            if target is None:
                return
        self.dropped.emit(source.data(0, PART_ROLE), target.data(0, PART_ROLE), below)


ACT_ITEM = "act:"  # the picker's entries for no particular force: "act:FOIA", "act:FOISA"


class QtOrderDialog(QDialog):
    def __init__(self, request: Request, parent: QWidget | None = None, *, force: Force | None = None,
                 law: Law | None = None) -> None:
        """`force`: the force to show first (the one previewed); else the request's first force;
        else no particular force under `law` (or the Act the request's text is written under)."""
        super().__init__(parent)
        self.setWindowTitle("Order for the cost limit")
        self.request = request
        self._costs: dict[str, dict[str, costplan.PartCost]] = {}
        self.order = [p.id for p in request.ordered_parts()]
        self.subparts = {p.id: [s.id for s in p.subparts] for p in request.ordered_parts() if p.subparts}
        self.reasons: dict[str, str] = {}

        intro = QLabel(
            "If answering everything would take more than the limit, the cost-limit clause asks the "
            "force to answer the parts in the order they are numbered, up to the limit of its own "
            "Act. Put first what you want most, and cheap parts before costly ones: drag a row, or "
            "use the buttons (a sub-part moves within its part).", self)
        intro.setWordWrap(True)
        self.directory = load_directory()
        self.force_box = QComboBox(self)
        self.force_box.setAccessibleName("The force whose limit and size apply")
        self.force_box.setToolTip("Whose limit and size the hours are for: its Act's limit, and records "
                                  "in proportion to its officers. The order you accept goes to every force.")
        self._fill_forces()
        self.force_box.setCurrentIndex(self._first_choice(force, law))
        # As wide as its longest name where there is room, narrower where not (at 150% with large
        # text the row was 995 pixels and the dialog scrolled sideways): a long name is cut with "…".
        self.force_box.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        force_label = QLabel("&Force:", self)
        force_label.setBuddy(self.force_box)
        self.limit_label = QLabel(self)
        self.limit_label.setWordWrap(True)
        self.limit_label.setAccessibleName("The limit and the force's size")

        self.tree = OrderTree(self)
        self.tree.setAccessibleName("Order for the cost limit")
        self.tree.setHeaderLabels(list(COLUMNS))
        heading = self.tree.headerItem()
        heading.setToolTip(1, "Your rank for the part, set in the part editor (1: wanted most). Using this "
                              "order ranks the parts 1, 2, 3 … as shown here.")
        heading.setToolTip(3, "The hours so far, answering in this order; a second figure from a query "
                              "already written adds little")
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("M" * 32))

        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Why this estimate")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("The whole request against the limit")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")

        self.up = QPushButton("Move &up", self)
        self.up.setShortcut(QKeySequence("Ctrl+Up"))
        self.down = QPushButton("Move &down", self)
        self.down.setShortcut(QKeySequence("Ctrl+Down"))
        for keys, button in (("Alt+Up", self.up), ("Alt+Down", self.down)):  # as the outline moves a part
            QShortcut(QKeySequence(keys), self, button.click)
        self.up.setToolTip("Ctrl+Up or Alt+Up")
        self.down.setToolTip("Ctrl+Down or Alt+Down")
        self.suggest_button = QPushButton("&Suggest an order", self)
        self.suggest_button.setToolTip("Your priorities first; among equals, and within each part, the "
                                       "cheapest first")
        self.reset_button = QPushButton("&Back to the current order", self)
        which = QHBoxLayout()
        which.addWidget(force_label)
        which.addWidget(self.force_box)
        which.addStretch(1)
        orders = QHBoxLayout()
        orders.addStretch(1)
        orders.addWidget(self.suggest_button)
        orders.addWidget(self.reset_button)
        self.top = QtPair(which, orders)  # the buttons go under the force where both do not fit
        moves = QHBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addWidget(self.message, 1)

        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton("Use this order", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.top)
        layout.addWidget(self.limit_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(moves)
        layout.addWidget(self.details)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self.force_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tree.dropped.connect(self.drop)
        self.tree.currentItemChanged.connect(lambda *_a: self._selected())
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(+1))
        self.suggest_button.clicked.connect(self.suggest)
        self.reset_button.clicked.connect(self.reset)
        self.plan: costplan.CostPlan | None = None
        self.refresh()
        if len(costplan.acts_of(request)) > 1:
            self.message.setText("Your forces answer under both Acts: pick a force of each to see where "
                                 "it would stop.")
        stop = self.plan.stop_index  # the part the force would stop at is the one to look at first
        self.refresh(self.plan.rows[stop].part_id if stop is not None else None)
        self._fit_to_screen()
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls
        # Tab goes as the eye reads: the force and the two buttons beside it, then the rows.
        QWidget.setTabOrder(self.force_box, self.suggest_button)
        QWidget.setTabOrder(self.suggest_button, self.reset_button)

    # -- the force ------------------------------------------------------------------------------
    def _request_forces(self) -> list[Force]:
        """The forces saved with the request, in its order (none when it names none it can find)."""
        try:
            return self.directory.resolve(",".join(self.request.forces)) if self.request.forces else []
        except ComposerError:
            return [self.directory.by_id[f] for f in self.request.forces if f in self.directory.by_id]

    def _fill_forces(self) -> None:
        """No particular force under each Act, then the request's own forces, then every other."""
        box = self.force_box
        for act in Act:
            box.addItem(f"No particular force ({LAWS[act].short_title}, a middling force)", ACT_ITEM + act.value)
        ours = self._request_forces()
        box.insertSeparator(box.count())
        for each in ours:
            box.addItem(each.name, each.id)
        if ours:
            box.insertSeparator(box.count())
        for each in sorted(self.directory.forces, key=lambda f: f.name):
            if each not in ours:
                box.addItem(each.name, each.id)

    def _first_choice(self, force: Force | None, law: Law | None) -> int:
        ours = self._request_forces()
        wanted = force or (ours[0] if ours and law is None else None)
        if wanted is not None and self.force_box.findData(wanted.id) >= 0:
            return self.force_box.findData(wanted.id)
        chosen = law or costplan.law_of(self.request)
        return self.force_box.findData(ACT_ITEM + chosen.act.value)

    @property
    def force(self) -> Force | None:
        """The force picked, or None for no particular force."""
        data = self.force_box.currentData() or ""
        return None if data.startswith(ACT_ITEM) else self.directory.by_id.get(data)

    def pick(self, force_id: str | None, act: Act = Act.FOIA) -> None:
        """Show the plan for the force `force_id` (None: no particular force under `act`)."""
        row = self.force_box.findData(force_id if force_id else ACT_ITEM + act.value)
        if row < 0:
            raise ValueError(f"no force {force_id!r} in the picker")
        self.force_box.setCurrentIndex(row)

    @property
    def law(self) -> Law:
        force = self.force
        if force is not None:
            return law_for(force)
        return LAWS[Act(self.force_box.currentData()[len(ACT_ITEM):])]

    def limit_words(self) -> str:
        """The limit picked and whose size the hours are for, in a sentence."""
        law, force = self.law, self.force
        limit = f"Limit under {law.title}: {law.cost_limit_text}."
        if force is None:
            return f"{limit} Hours for {size_words(None)}."
        strength = force.strength
        if strength is None:
            return f"{limit} The directory does not know {force.name_in_text}'s size: hours for {size_words(None)}."
        measure = "full-time equivalent" if strength.measure == "FTE" else "headcount"
        when = in_words(strength.as_at) if strength.as_at else "undated"
        return f"{limit} Hours for {force.name_in_text}: {size_words(strength.officers)} ({measure}, {when})."

    # -- the plan ------------------------------------------------------------------------------
    def costs(self) -> dict[str, costplan.PartCost]:
        key = self.force_box.currentData()
        if key not in self._costs:
            self._costs[key] = costplan.estimates(self.request, self.law, self.force)
        return self._costs[key]

    def refresh(self, select: str | None = None) -> None:
        """Replan in the working order and redraw, keeping the selected part selected."""
        current = self.tree.currentItem()
        select = select or (current.data(0, PART_ROLE) if current is not None else None)
        self.plan = costplan.plan(self.request, self.law, self.order, self.subparts, self.costs(), self.force)
        self.order, self.subparts = self.plan.order, self.plan.subparts
        self.limit_label.setText(self.limit_words())
        force = self.force
        who = force.name_in_text if force is not None else "a middling force"
        self.tree.headerItem().setToolTip(2, f"The hours {who} would likely spend on this part alone")
        self._draw(select)
        self.summary.setText("\n".join(self.plan.notes))
        self.tree.share_columns()

    def _draw(self, select: str | None) -> None:
        plan = self.plan
        self.tree.blockSignals(True)
        self.tree.clear()
        stop = plan.stop_index
        # Past the limit: greyed, but still readable (a palette's disabled grey is often under 2:1).
        palette = self.tree.palette()
        base = palette.color(QPalette.ColorRole.Base)
        muted = QBrush(legible(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text), base))
        parents: dict[str, QTreeWidgetItem] = {}
        chosen = None
        for i, row in enumerate(plan.rows):
            holder = parents.get(row.parent_id) if row.parent_id else None
            if i == stop:
                self._stop_line(holder, row)
            text = one_line(readable(row.text, self.request)) or "(empty)"
            item = QTreeWidgetItem([f"{row.number}. {text}", str(row.priority or ""),
                                    costplan.hours_words(row.hours), costplan.hours_words(row.running),
                                    row.cost.words])
            item.setData(0, PART_ROLE, row.part_id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
            item.setFlags(flags | Qt.ItemFlag.ItemIsDropEnabled)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tip = f"{row.cost.reading}\nEstimate: {row.cost.words}"
            if costplan.shared_words(row):
                tip += f"\n{costplan.shared_words(row)}"
            if not row.within:
                tip += "\nLikely unanswered: the running total is past the limit before this part."
                for column in range(len(COLUMNS)):
                    item.setForeground(column, muted)
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole,  # the grey said in words
                             f"{item.text(0)} (likely unanswered: past the limit)")
            for column in range(len(COLUMNS)):
                item.setToolTip(column, tip)
            if holder is not None:
                holder.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
                parents[row.part_id] = item
            if row.part_id == select:
                chosen = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self.tree.scrollToItem(chosen)
        self._selected()

    def _stop_line(self, holder: QTreeWidgetItem | None, row: costplan.PlanRow) -> None:
        plan = self.plan
        before = plan.rows[plan.stop_index - 1].running if plan.stop_index else 0.0
        words = (f"A force would likely stop here: {costplan.hours_words(before)} answered of the "
                 f"{costplan.limit_words(plan.law)} limit; part {row.number} would take it to "
                 f"{costplan.hours_words(row.running)}")
        line = QTreeWidgetItem([words])
        line.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(self.tree.font())
        font.setBold(True)
        line.setFont(0, font)
        # Red on the palette's own base, as dark as it must be to read in a light theme (as light in
        # a dark one); the words say what the red says.
        base = self.tree.palette().color(QPalette.ColorRole.Base)
        tint = towards(base, STOP_COLOUR, 0.12)
        line.setForeground(0, QBrush(legible(STOP_COLOUR, tint)))
        line.setBackground(0, QBrush(tint))
        line.setData(0, Qt.ItemDataRole.AccessibleTextRole, words)
        if holder is not None:
            holder.addChild(line)
        else:
            self.tree.addTopLevelItem(line)
        line.setFirstColumnSpanned(True)

    def stop_line(self) -> QTreeWidgetItem | None:
        """The red line's row, if a force would stop before the end."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        for item in items:
            for one in [item, *(item.child(j) for j in range(item.childCount()))]:
                if one.data(0, PART_ROLE) is None:
                    return one
        return None

    def _selected(self) -> None:
        item = self.tree.currentItem()
        part_id = item.data(0, PART_ROLE) if item is not None else None
        row = next((r for r in self.plan.rows if r.part_id == part_id), None) if part_id else None
        self.up.setEnabled(row is not None and self._can_move(part_id, -1))
        self.down.setEnabled(row is not None and self._can_move(part_id, +1))
        if row is None:
            self.details.setText("")
            return
        lines = [f"Part {row.number}: {row.cost.words}.", row.cost.reading]
        if costplan.shared_words(row):
            lines.append(costplan.shared_words(row))
        if row.cost.remedy:
            lines.append(f"To bring it down: {row.cost.remedy}.")
        if self.reasons.get(row.part_id):
            lines.append(f"Why here: {self.reasons[row.part_id]}.")
        self.details.setText("\n".join(lines))

    # -- moving --------------------------------------------------------------------------------
    def _siblings(self, part_id: str) -> list[str]:
        if part_id in self.order:
            return self.order
        return next((subs for subs in self.subparts.values() if part_id in subs), [])

    def _can_move(self, part_id: str, step: int) -> bool:
        group = self._siblings(part_id)
        return part_id in group and 0 <= group.index(part_id) + step < len(group)

    def move_selected(self, step: int) -> bool:
        item = self.tree.currentItem()
        part_id = item.data(0, PART_ROLE) if item is not None else None
        if part_id is None or not self._can_move(part_id, step):
            return False
        group = self._siblings(part_id)
        at = group.index(part_id)
        group[at], group[at + step] = group[at + step], group[at]
        self.message.setText("")
        self.refresh(part_id)
        return True

    def drop(self, part_id: str, target_id: str, below: bool) -> bool:
        """`part_id` dropped on `target_id` (below it, or above): moved there if that keeps every
        sub-part within its own part, else left where it was, with a message saying why."""
        group = self._siblings(part_id)
        if part_id in self.order and target_id not in self.order:  # onto a sub-part: by its part
            target_id = next(pid for pid, subs in self.subparts.items() if target_id in subs)
            below = True
        elif part_id not in self.order and target_id not in group:
            parent = next(pid for pid, subs in self.subparts.items() if part_id in subs)
            if target_id != parent:
                self.message.setText("A sub-part moves only within its own part.")
                return False
            target_id, below = group[0], False  # onto its own part: first of its sub-parts
        if target_id == part_id:
            return False
        group.remove(part_id)
        group.insert(group.index(target_id) + (1 if below else 0), part_id)
        self.message.setText("")
        self.refresh(part_id)
        return True

    def suggest(self) -> None:
        suggested = costplan.suggest(self.request, self.law, self.costs(), self.force)
        self.order, self.subparts = list(suggested.order), {k: list(v) for k, v in suggested.subparts.items()}
        self.reasons = dict(suggested.reasons)
        self.message.setText("Suggested: your priorities first, then the cheapest.")
        self.refresh()

    def reset(self) -> None:
        self.order = [p.id for p in self.request.ordered_parts()]
        self.subparts = {p.id: [s.id for s in p.subparts] for p in self.request.ordered_parts() if p.subparts}
        self.reasons = {}
        self.message.setText("")
        self.refresh()

    def chosen(self) -> tuple[list[str], dict[str, list[str]]]:
        """The order to apply: numbered parts, and each part's sub-parts."""
        return list(self.order), {k: list(v) for k, v in self.subparts.items()}

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.top.fit(event.size().width())

    def _fit_to_screen(self) -> None:
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 175, metrics.lineSpacing() * 44
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    @classmethod
    def ask(cls, parent: QWidget | None, document: QtDocument, force: Force | None = None) -> bool:
        """Show the order, for `force` at first (the one previewed; None: the request's first
        force); True when one was accepted (and applied to the document as one step)."""
        if not document.request.parts:
            return False
        dialog = cls(document.request, parent, force=force)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        order, subparts = dialog.chosen()
        return document.edit("Order for the cost limit", accept_order, order=order, subparts=subparts)
