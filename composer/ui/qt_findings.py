"""The findings panel: what an FOI officer would pick up in the draft, re-checked as you type.

The check runs 150 ms after the last change (a single-shot QTimer restarted on every edit), on
the GUI thread: the checker is fast, and a finding always matches the text on screen. Clicking
a finding selects its part; its details show the checker's reasoning (how it read the part, the
hours estimate, the expected counts). A finding that comes with a fix offers it as a button,
and "Fix all of this kind" accepts the same fix on every part that has it, as one edit; fixes go
through the document like any other edit, so they can be undone.
"""

from __future__ import annotations

from collections.abc import Callable

from composer.model import Force, Request, Requester
from composer.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPushButton,
    QScrollArea,
    Qt,
    QTimer,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_document import QtDocument

DEBOUNCE_MS = 150
SEVERITY_NAMES = {"error": "Problem", "warning": "Warning", "info": "Note"}
SEVERITY_ICONS = {"error": "SP_MessageBoxCritical", "warning": "SP_MessageBoxWarning",
                  "info": "SP_MessageBoxInformation"}  # QStyle names, looked up when drawn
COLUMNS = ("Kind", "Part", "Finding")


def default_checker(request: Request, force: Force | None, requester: Requester | None) -> list:
    from composer.checker import check  # imported on first use: start-up stays quick

    return check(request, force=force, requester=requester)


def details_text(finding) -> str:
    """What the panel shows under the list for `finding`: what is wrong and the law, then how the
    checker got there (right after, so that it is in view without scrolling), then what to do,
    then the guidance it rests on, apart from the reasons."""
    text = f"{finding.message} ({finding.law})"
    why = finding.why()
    if why:
        text += "\nHow the checker got there:\n" + "\n".join(f"  • {line}" for line in why)
    if finding.suggestion:
        text += f"\nSuggestion: {finding.suggestion}"
    sources = finding.sources()
    if sources:
        text += "\nBased on:\n" + "\n".join(f"  {url}" for url in sources)
    return text


class QtFindingsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.findings: list = []
        self.numbers: dict[str, str] = {}
        self._icons: dict[str, object] = {}  # severity -> the style's icon, once drawn

    def _icon(self, severity: str):
        """The style's icon for a severity, looked up the first time a finding of it is drawn
        (QStyle's enums cost a few milliseconds to build: not before the window shows)."""
        if severity not in self._icons:
            name = SEVERITY_ICONS.get(severity)
            if name is None:
                return None
            from composer.ui.qt import QStyle

            self._icons[severity] = QApplication.style().standardIcon(getattr(QStyle.StandardPixmap, name))
        return self._icons[severity]

    @staticmethod
    def in_order(findings: list) -> list:
        """Problems first, then warnings, then notes; within each, in the letter's order."""
        from composer.checker.findings import SEVERITY_RANK  # loaded with the checker, not before

        return sorted(findings, key=lambda f: SEVERITY_RANK[f.severity])

    def set_findings(self, findings: list, numbers: dict[str, str]) -> None:
        self.beginResetModel()
        self.findings = self.in_order(findings)
        self.numbers = numbers
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return SEVERITY_NAMES.get(finding.severity, finding.severity)
            if column == 1:
                return self.numbers.get(finding.part_id, "") if finding.part_id else "all"
            return finding.message
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{finding.message}\n({finding.law})"
        return None


class QtFindings(QWidget):
    partActivated = Signal(str)
    checked = Signal(int)  # a check finished, with the number of findings

    def __init__(self, document: QtDocument, *, force: Callable[[], Force | None] = lambda: None,
                 requester: Callable[[], Requester | None] = lambda: None,
                 checker: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._force = force
        self._requester = requester
        self._checker = checker or default_checker
        self._past = None  # what forces did with the same parts in saved campaigns (campaign.history)
        self.model = QtFindingsModel(self)

        self.summary = QLabel("Not checked yet.", self)
        self.summary.setAccessibleName("Check summary")
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName("Findings")
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        # Reached with Tab and read with the arrow keys, as it is selected with the mouse.
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details.setAccessibleName("Finding details")
        # Named by what they do (the fix's own words): a fixed name hid which fix it was.
        self.fix_button = QPushButton(self)
        self.fix_button.setAccessibleDescription("Makes the suggested change to the part (Ctrl+Z undoes it)")
        self.fix_button.hide()
        self.fix_all_button = QPushButton(self)
        self.fix_all_button.setAccessibleDescription("Makes the same change wherever it is offered, as one step")
        self.fix_all_button.hide()
        # A cost finding leads to the order for the cost limit: hours part by part, where a force
        # would stop, and the order to ask in.
        self.order_button = QPushButton("Order for the cost limit…", self)
        self.order_button.setAccessibleName("Open the order for the cost limit")
        self.order_button.hide()

        buttons = QVBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        buttons.addWidget(self.order_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        # The reasoning can run to many lines: it scrolls, so the list above keeps its rows.
        self.details_area = QScrollArea(self)
        self.details_area.setWidget(self.details)
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.details_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the details take the keyboard
        self.details_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_area.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 6)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.view.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        row.addWidget(self.details_area, 1)
        row.addLayout(buttons, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_check)
        document.changed.connect(self.timer.start)
        self.view.selectionModel().currentChanged.connect(self._show_details)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.fix_button.clicked.connect(self.apply_current_fix)
        self.fix_all_button.clicked.connect(self.apply_all_of_kind)
        self.order_button.clicked.connect(self.open_order)

    def schedule(self) -> None:
        self.timer.start()

    def learn_from(self, past) -> None:
        """Check with what forces did before (a campaign.history.History), at once."""
        self._past = past
        self.run_check()

    def run_check(self) -> None:
        self.timer.stop()
        request = self.document.request
        try:
            force = self._force()
            findings = self._checker(request, force, self._requester())
            if self._past is not None or request.past:  # your campaigns', or a shared template's record
                from composer.campaign.history import with_history
                from composer.model import Act

                findings = with_history(findings, request, self._past, force.act if force else Act.FOIA)
        except Exception as exc:  # a broken checker must never cost the user their editing
            from composer.errors import unexpected

            self.summary.setText(f"The checker could not run ({unexpected(exc)}).")
            return
        numbers = {n.part.id: n.number for n in request.numbered()}
        # Compared in the order shown: an unchanged list leaves the view (and its selection and
        # details) alone, so typing that changes no finding redraws nothing here.
        findings = self.model.in_order(findings)
        if findings != self.model.findings or numbers != self.model.numbers:
            selected = self.current_finding()
            self.model.set_findings(findings, numbers)
            self._summarise(findings)
            row = findings.index(selected) if selected in findings else 0
            if findings:  # details of the chosen (or the first) finding show under the list
                self.view.setCurrentIndex(self.model.index(row, 0))
            self._show_details()
        self.checked.emit(len(findings))

    def _summarise(self, findings: list) -> None:
        if not findings:
            self.summary.setText("No problems found.")
            return
        counts = [(sum(f.severity == s for f in findings), name) for s, name in
                  (("error", "problem"), ("warning", "warning"), ("info", "note"))]
        self.summary.setText(", ".join(f"{n} {name}{'s' if n != 1 else ''}" for n, name in counts if n))

    def current_finding(self):
        index = self.view.currentIndex()
        return self.model.findings[index.row()] if index.isValid() and index.row() < len(self.model.findings) else None

    def _show_details(self, *_args) -> None:
        finding = self.current_finding()
        if finding is None:
            self.details.setText("")
            self.fix_button.hide()
            self.fix_all_button.hide()
            self.order_button.hide()
            return
        self.details.setText(details_text(finding))
        if finding.fix is not None:
            self.fix_button.setText(finding.fix.label)
            self.fix_button.show()
        else:
            self.fix_button.hide()
        from composer.checker.findings import same_kind  # the checker has run: already loaded

        kind = same_kind(self.model.findings, finding)
        if len(kind) > 1:
            self.fix_all_button.setText(f"Fix all of this kind ({len(kind)})")
            self.fix_all_button.show()
        else:
            self.fix_all_button.hide()
        several = sum(1 for _ in self.document.request.all_parts()) > 1
        self.order_button.setVisible(finding.category == "cost" and several)

    def open_order(self) -> bool:
        """The order for the cost limit; True when an order was accepted (one undoable step)."""
        from composer.ui.qt_order import QtOrderDialog

        return QtOrderDialog.ask(self, self.document, force=self._force())

    def _activate(self, index: QModelIndex) -> None:
        finding = self.model.findings[index.row()] if index.isValid() else None
        if finding is not None and finding.part_id:
            self.partActivated.emit(finding.part_id)

    def apply_current_fix(self) -> bool:
        finding = self.current_finding()
        if finding is None or finding.fix is None:
            return False
        from composer.operations.request import apply_fix

        return self.document.edit(f"Fix: {finding.fix.label}", apply_fix, fix=finding.fix)

    def apply_all_of_kind(self) -> bool:
        """Accept the current finding's fix on every part that is offered the same one, as one edit."""
        finding = self.current_finding()
        if finding is None:
            return False
        from composer.checker.findings import same_kind

        fixes = [f.fix for f in same_kind(self.model.findings, finding)]
        if not fixes:
            return False
        from composer.operations.request import apply_fixes

        return self.document.edit(f"Fix all: {finding.fix.label}", apply_fixes, fixes=fixes)
