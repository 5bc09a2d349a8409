"""The new-request wizard: what to ask about, which questions, in what format, to which forces,
and (once) who is asking. It ends with a request built from the question bank, ready to edit.

`QtNewRequestWizard.ask()` runs it and returns a `WizardResult`, or None if it was cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.bank import arrange, build_request, load_bank, modules_for_kind
from composer.errors import ComposerError
from composer.model import AnswerFormat, Request, Requester
from composer.law import readable
from composer.ui.qt import (
    QButtonGroup,
    QCheckBox,
    QFocusEvent,
    QFrame,
    QLabel,
    QLineEdit,
    QPoint,
    QRadioButton,
    QScrollArea,
    QStyle,
    Qt,
    QTimer,
    QToolTip,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from composer.ui.qt_access import QtFitsScreen, quiet
from composer.ui.qt_force_picker import QtForcePicker
from composer.ui.qt_requester import WHY, QtRequesterForm

KINDS = [
    ("crime_mapping", "Predictive crime mapping",
     "Forecasting where or when crime will happen (“hotspot” maps)."),
    ("individual_risk", "Individual risk assessment",
     "Scoring or ranking people by how likely they are thought to offend or be harmed."),
    ("named_system", "A system you can name",
     "One system you know of, such as the Violence Harm Assessment."),
    ("other", "Something else",
     "Data-driven policing in general: suppliers, consultation, protests."),
]
FORMATS = [
    (AnswerFormat.CSV, "CSV file (recommended)",
     "Opens in any spreadsheet; the Act asks for datasets in a re-usable form."),
    (AnswerFormat.SPREADSHEET, "Spreadsheet", "An Excel or similar file."),
    (AnswerFormat.PDF, "PDF", "Good for documents; poor for figures."),
    (None, "No preference", "Leave the format to the force."),
]
PAGE_KIND, PAGE_MODULES, PAGE_FORMAT, PAGE_FORCES, PAGE_REQUESTER = range(5)


@dataclass
class WizardResult:
    request: Request
    forces: list[str]
    requester: Requester


def _radio_page(parent: QWizardPage, choices, heading: str | None = None) -> QButtonGroup:
    group = QButtonGroup(parent)
    layout = QVBoxLayout(parent)
    if heading:
        layout.addWidget(QLabel(heading, parent))
    for i, (_, label, why) in enumerate(choices):
        button = QRadioButton(label, parent)
        button.setAccessibleDescription(why)
        note = QLabel(why, parent)
        note.setWordWrap(True)
        note.setIndent(24)
        group.addButton(button, i)
        layout.addWidget(button)
        layout.addWidget(note)
    group.button(0).setChecked(True)
    return group


class _KindPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("What do you want to ask about?")
        self.setSubTitle("This picks the questions that fit; you can change them next.")
        self.kinds = _radio_page(self, KINDS)
        self.system_name = QLineEdit(self)
        self.system_name.setAccessibleName("Name of the system")
        self.system_name.setPlaceholderText("e.g. Violence Harm Assessment (leave empty if unknown)")
        label = QLabel("Name of the &system, if you know it:", self)
        label.setBuddy(self.system_name)
        self.layout().addSpacing(12)
        self.layout().addWidget(label)
        self.layout().addWidget(self.system_name)
        self.layout().addStretch(1)

    @property
    def kind(self) -> str:
        return KINDS[self.kinds.checkedId()][0]


class _TopicBox(QCheckBox):
    """A topic's box: reached with the keyboard, it shows its questions as the pointer does."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            # after the focus change has settled: a tip shown during it is hidden by its end
            QTimer.singleShot(0, self, lambda: QToolTip.showText(
                self.mapToGlobal(QPoint(0, self.height())), self.toolTip(), self) if self.hasFocus() else None)


class _ModulesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Which questions?")
        self.setSubTitle("The ticked topics suit what you chose; each says why it is worth "
                         "asking. Hover over a topic, or move to it with Tab, to read its "
                         "questions.")
        self.bank = load_bank()
        self.boxes: dict[str, QCheckBox] = {}
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.setSpacing(2)
        for module in self.bank.modules:
            if not module.questions:  # the format module: chosen on the next page
                continue
            count = len(module.default_questions)
            label = (f"{module.title}  (asks whether it is used; the topics below go under it)"
                     if module.umbrella else
                     f"{module.title}  ({count} question{'s' if count != 1 else ''})")
            box = _TopicBox(label, inner)
            questions = [readable(q.text, Request()) for q in module.default_questions]  # fields in words
            box.setAccessibleDescription(f"{module.why} It asks: {' '.join(questions)}")
            asked = "\n".join(f"• {q}" for q in questions)
            box.setToolTip(asked)
            why = QLabel(module.why, inner)
            why.setWordWrap(True)
            why.setIndent(box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6)
            quiet(why)
            why.setToolTip(asked)
            box.toggled.connect(lambda _on: self.completeChanged.emit())
            column.addSpacing(6)
            column.addWidget(box)
            column.addWidget(why)
            self.boxes[module.id] = box
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        self._kind: str | None = None

    def initializePage(self) -> None:  # noqa: N802
        kind = self.wizard().kind_page.kind
        if kind == self._kind:
            return  # keep the user's own ticks when they come back to this page
        self._kind = kind
        self.set_ticked(modules_for_kind(kind, self.bank))

    def set_ticked(self, module_ids: list[str]) -> None:
        for module_id, box in self.boxes.items():
            box.setChecked(module_id in module_ids)

    def ticked(self) -> list[str]:
        return [module_id for module_id, box in self.boxes.items() if box.isChecked()]

    def isComplete(self) -> bool:  # noqa: N802
        return any(not self.bank.module(m).umbrella for m in self.ticked())

    def selection(self):
        return arrange(self.ticked(), self.bank)

    def validatePage(self) -> bool:  # noqa: N802
        """Refuse a choice the bank cannot build (an umbrella with nothing to ask under it)."""
        try:
            build_request(self.selection(), bank=self.bank)
        except ComposerError as exc:
            self.problem.setText(f"{exc}.")
            return False
        self.problem.setText("")
        return True


class _FormatPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("In what format should figures come?")
        self.setSubTitle("Asked for the parts that want statistics or records.")
        self.formats = _radio_page(self, FORMATS)
        self.layout().addStretch(1)

    @property
    def answer_format(self) -> AnswerFormat | None:
        return FORMATS[self.formats.checkedId()][0]


class _ForcesPage(QWizardPage):
    def __init__(self, chosen: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Which forces?")
        self.setSubTitle("Each gets its own letter, addressed to it under the right Act.")
        self.picker = QtForcePicker(chosen or None, self)
        if not chosen:
            self.picker.add_group("territorial")
        self.picker.changed.connect(self.completeChanged)
        QVBoxLayout(self).addWidget(self.picker)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.picker.chosen_ids())


class _RequesterPage(QWizardPage):
    def __init__(self, requester: Requester, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Who is asking?")
        self.setSubTitle("Asked once; kept on this computer only.")
        why = QLabel(WHY, self)
        why.setWordWrap(True)
        self.form = QtRequesterForm(requester, self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        for box in (self.form.name, self.form.email):
            box.textChanged.connect(self._check)
        self.form.address.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.problem.setText(self.form.problem() or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.form.problem() is None


class QtNewRequestWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, *, requester: Requester | None = None,
                 forces: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New request")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.requester = requester or Requester()
        self.kind_page = _KindPage(self)
        self.modules_page = _ModulesPage(self)
        self.format_page = _FormatPage(self)
        self.forces_page = _ForcesPage(list(forces or []), self)
        self.requester_page = _RequesterPage(self.requester, self)
        for page_id, page in enumerate((self.kind_page, self.modules_page, self.format_page,
                                        self.forces_page, self.requester_page)):
            self.setPage(page_id, page)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().lineSpacing() * 42)
        for page in (self.kind_page, self.format_page, self.forces_page, self.requester_page):
            QtFitsScreen.install(page, window=False)  # the topics page scrolls already
        QtFitsScreen.watch(self)

    def nextId(self) -> int:  # noqa: N802
        current = self.currentId()
        if current == PAGE_FORCES and self.requester.is_known and self.requester.has_address:
            return -1  # the details are known already: asked once, not every time
        return super().nextId()

    def result_value(self) -> WizardResult:
        name = self.kind_page.system_name.text().strip()
        fmt = self.format_page.answer_format
        request = build_request(self.modules_page.selection(), bank=self.modules_page.bank,
                                system_name=name or None, answer_format=fmt.value if fmt else None)
        requester = (self.requester_page.form.requester()
                     if self.hasVisitedPage(PAGE_REQUESTER) else self.requester)
        return WizardResult(request, self.forces_page.picker.chosen_ids(), requester)

    def show_for_screenshot(self) -> None:
        """Open on the page that shows most of what the wizard does: the questions."""
        self.show()
        self.next()

    @classmethod
    def ask(cls, parent: QWidget | None, *, requester: Requester | None = None,
            forces: list[str] | None = None) -> WizardResult | None:
        wizard = cls(parent, requester=requester, forces=forces)
        if wizard.exec() != QWizard.DialogCode.Accepted:
            return None
        return wizard.result_value()
