"""The export dialog: one letter per force, written into a folder, with a progress bar.

The batch (`composer.letters.export_batch`) runs in a worker on a QThread. The worker only
emits signals (progress, done, failed); the dialog, on the GUI thread, updates its widgets from
them, so the window stays responsive and no widget is touched from another thread. At the end
it says what was written, what failed and why, and offers to open the folder.

Before anything is written, the dialog shows what the checker finds for each chosen force, the
same judgement `check --force` and `export` make (`composer.letters.judgement`): a force whose
letter has an error gets no letter unless "Write letters with errors too" is ticked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from composer.errors import ComposerError
from composer.law import readable
from composer.library import slug
from composer.model import Force, Request, Requester
from composer.ui.qt import (
    QCheckBox,
    QComboBox,
    QApplication,
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    QStandardPaths,
    Qt,
    QStyle,
    QTextBrowser,
    QTextDocument,
    QThread,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from composer.ui.qt_access import QtFitsScreen
from composer.ui.qt_file_chooser import choose
from composer.ui.qt_force_picker import QtForcePicker
from composer.ui.settings import Settings

FORMATS = [
    ("docx", "Word documents (.docx)"),
    ("txt", "Plain text, to paste into WhatDoTheyKnow (.txt)"),
    ("eml", "Email drafts (.eml)"),
    ("pdf", "PDF (needs LibreOffice)"),
]


@dataclass
class ExportChoice:
    fmt: str
    template: str | None
    folder: Path
    forces: list[str]
    anyway: bool = False
    track: list[str] = field(default_factory=list)  # "Track these letters": the forces written to


class ExportWorker(QObject):
    """Runs one batch. Lives on a worker thread; talks to the dialog only through signals."""

    progress = Signal(int, int, str)  # done, total, the force just finished
    done = Signal(object)  # ExportSummary
    failed = Signal(str)  # the batch could not start (bad folder, no LibreOffice …)

    def __init__(self, request: Request, forces: list[Force], choice: ExportChoice,
                 requester: Requester, judgements=None) -> None:
        super().__init__()
        self.request, self.forces, self.choice, self.requester = request, forces, choice, requester
        self.judgements = judgements

    def run(self) -> None:
        from composer.letters import export_batch

        try:
            summary = export_batch(
                self.request, self.forces, self.choice.folder, fmt=self.choice.fmt,
                template=self.choice.template, requester=self.requester, date=date.today(),
                progress=lambda done, total, force: self.progress.emit(done, total, force.name),
                anyway=self.choice.anyway, judgements=self.judgements)
        except ComposerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # reported in the dialog, never lost in a thread
            from composer.errors import unexpected

            self.failed.emit(unexpected(exc))
        else:
            self.done.emit(summary)


def default_folder(settings: Settings) -> Path:
    if settings.export_folder:
        return Path(settings.export_folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "FOI letters"


class QtExportDialog(QDialog):
    finished_export = Signal(object)  # the ExportSummary, or None when the batch failed to start

    def __init__(self, request: Request, forces: list[str], requester: Requester,
                 settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from composer.letters import DEFAULT_TEMPLATE, list_templates

        self.setWindowTitle("Export letters")
        self.request, self.requester = request, requester
        self.summary = None
        self._thread: QThread | None = None

        self.format = QComboBox(self)
        self.format.setAccessibleName("Letter format")
        for key, label in FORMATS:
            self.format.addItem(label, key)
        self.format.setCurrentIndex(max(self.format.findData(settings.export_format or "docx"), 0))
        self.template = QComboBox(self)
        self.template.setAccessibleName("Word template")
        for info in list_templates():
            self.template.addItem(info.name + ("" if info.builtin else " (yours)"), info.name)
        # the last one used; else the one `export` uses (not the first by name)
        self.template.setCurrentIndex(max(self.template.findData(settings.export_template or DEFAULT_TEMPLATE), 0))
        self.folder = QLineEdit(str(default_folder(settings) / slug(readable(request.title, request))), self)
        self.folder.setAccessibleName("Folder to write the letters into")
        browse = QPushButton("&Choose…", self)
        browse.setAccessibleName("Choose the folder")
        browse.clicked.connect(self._browse)
        self.forces = QtForcePicker(forces, self)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.progress.setTextVisible(True)
        self.report = QTextBrowser(self)
        self.report.setAccessibleName("What was written")
        self.report.setOpenLinks(False)
        self.report.hide()
        self.findings = QTextBrowser(self)
        self.findings.setAccessibleName("What the checker finds for each force")
        self.findings.setOpenLinks(False)
        self.anyway = QCheckBox("Write letters with e&rrors too", self)
        self.anyway.setAccessibleName("Write the letters the checker finds errors in as well")
        self.anyway.toggled.connect(self._show_findings)
        self.judgements: list = []
        warn = "" if requester.is_known else "Your name is not set (Edit › Your details): letters will say [your name]."
        self.note = QLabel(warn, self)
        self.note.setWordWrap(True)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        for text, widget in (("&Format:", self.format), ("&Template:", self.template)):
            form.addRow(text, widget)  # a label with the field as its buddy
        folder_label = QLabel("F&older:", self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("O&pen the folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()
        self.track_button = self.buttons.addButton("Trac&k these letters…",
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.track_button.setToolTip("Start a campaign for the forces just written to, to follow "
                                     "their answers and deadlines")
        self.track_button.hide()
        self.track_button.clicked.connect(self._track)
        self._tracked: list[str] = []
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        # the list of forces is what is chosen from: it gets most of the room (it showed 5 rows beside ~10
        # lines of findings, which are a line per force and a few more)
        layout.addWidget(self.forces, 3)
        layout.addWidget(self.findings, 1)
        self.findings.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.anyway)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.forces.changed.connect(self._ready)
        self.forces.changed.connect(self.judge)
        self._format_changed()
        self.judge()
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().lineSpacing() * 40)
        QtFitsScreen.install(self)  # a small or scaled screen: it scrolls

    def choice(self) -> ExportChoice:
        fmt = self.format.currentData()
        template = self.template.currentData() if fmt in ("docx", "pdf") else None
        return ExportChoice(fmt, template, Path(self.folder.text().strip()).expanduser(),
                            self.forces.chosen_ids(), self.anyway.isChecked(), list(self._tracked))

    def judge(self) -> list:
        """Check the request for each chosen force, as `check --force` does, and show it."""
        from composer.letters.judgement import judge_forces

        self.judgements = judge_forces(self.request, self.forces.chosen_forces(), self.requester)
        self._show_findings()
        return self.judgements

    def _show_findings(self, *_args) -> None:
        size = self.findings.fontMetrics().height()
        self.findings.setHtml(_findings_html(self.judgements, self.anyway.isChecked(), size))
        # Each force's mark is the style's own icon, not a symbol a font may lack (an empty box).
        document = self.findings.document()
        for name, (icon, _words) in MARKS.items():
            pixmap = self.style().standardIcon(icon).pixmap(size, size)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), pixmap)

    def _format_changed(self, *_args) -> None:
        self.template.setEnabled(self.format.currentData() in ("docx", "pdf"))

    def _ready(self) -> None:
        self.export_button.setEnabled(bool(self.forces.chosen_ids()) and self._thread is None)

    def _browse(self) -> None:
        chosen = choose(self, "Folder for the letters", self.folder.text(), folder=True)
        if chosen:
            self.folder.setText(chosen)

    # -- running --------------------------------------------------------------------------------
    def start(self) -> bool:
        choice = self.choice()
        if not choice.forces or not self.folder.text().strip():
            self.note.setText("Choose at least one force and a folder.")
            return False
        for widget in (self.format, self.template, self.folder, self.forces, self.export_button, self.anyway):
            widget.setEnabled(False)
        self.progress.setRange(0, len(choice.forces))
        self.progress.setValue(0)
        self.progress.setFormat("%v of %m letters")
        self.report.hide()
        self._thread = QThread(self)
        self._worker = ExportWorker(self.request, self.forces.chosen_forces(), choice, self.requester,
                                    self.judgements)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()
        return True

    def _on_progress(self, done: int, total: int, force_name: str) -> None:
        self.progress.setValue(done)
        self.note.setText(f"Written for {force_name}.")

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._worker.deleteLater()
        self._thread = None
        for widget in (self.format, self.folder, self.forces, self.anyway):
            widget.setEnabled(True)
        self._format_changed()
        self._ready()

    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.note.setText(f"Nothing was written: {message}")
        self.finished_export.emit(None)

    def _on_done(self, summary) -> None:
        self._stop_thread()
        self.summary = summary
        self.note.setText("")
        self.report.setHtml(_report_html(summary, self.choice().folder,
                                         [f.name for f in self.forces.chosen_forces()]))
        self.report.show()
        self.open_button.setVisible(bool(summary.written))
        self.track_button.setVisible(bool(summary.written))
        self.finished_export.emit(summary)

    def written_forces(self) -> list[str]:
        """The forces the last export wrote a letter for (not those that failed or were refused)."""
        if self.summary is None:
            return []
        missed = {force.id for force, _why in self.summary.failed}
        missed |= {j.force.id for j in self.summary.refused}
        done = self.forces.chosen_ids()
        return [f for f in done if f not in missed][: len(self.summary.written)]

    def _track(self) -> None:
        self._tracked = self.written_forces()
        self.accept()

    def open_folder(self) -> bool:
        """Open the folder in the file manager; where there is none, show its path to copy."""
        folder = str(self.choice().folder)
        if QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            return True
        QApplication.clipboard().setText(folder)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setText(f"No file manager could open the folder here. The letters are in "
                          f"{folder} (copied: paste it where you need it).")
        return False

    def reject(self) -> None:
        if self._thread is not None:  # never leave a batch half-run behind a closed window
            self.note.setText("Please wait: the letters are still being written.")
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, request: Request, forces: list[str],
            requester: Requester, settings: Settings) -> tuple[object, ExportChoice] | None:
        """Run the dialog; the summary of the last export (or None) and the choices made."""
        dialog = cls(request, forces, requester, settings, parent)
        dialog.exec()
        return dialog.summary, dialog.choice()


# A force's letter in the checker's list: the mark (a resource name), its icon and its words.
MARKS = {"mark:errors": (QStyle.StandardPixmap.SP_MessageBoxCritical, "has errors"),
         "mark:fine": (QStyle.StandardPixmap.SP_DialogApplyButton, "no errors")}


def _findings_html(judgements, anyway: bool, mark_size: int = 16) -> str:
    """Per force: the errors that stop its letter (each with its fix) and how many warnings."""
    from html import escape

    if not judgements:
        return "<p>Choose the forces to write to.</p>"
    blocked = [j for j in judgements if not j.writable]
    if blocked:
        verdict = ("will be written anyway" if anyway else "will not be written until they are fixed")
        head = (f"<p><b>{len(blocked)} of {len(judgements)} letter{'s' if len(judgements) != 1 else ''} "
                f"{'has' if len(blocked) == 1 else 'have'} errors</b> and {verdict}:</p>")
    else:
        whom = (f"for {escape(judgements[0].force.name)}" if len(judgements) == 1
                else f"for any of the {len(judgements)} forces")
        head = f"<p><b>No errors</b> {whom}.</p>"
    parts = [head]
    for j in judgements:
        warnings = sum(1 for f in j.findings if f.severity == "warning")
        name = "mark:errors" if j.errors else "mark:fine"
        mark = f'<img src="{name}" width="{mark_size}" height="{mark_size}" alt="{MARKS[name][1]}">'
        extra = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
        parts.append(f"<p>{mark} <b>{escape(j.force.name)}</b>: {len(j.errors)} error"
                     f"{'s' if len(j.errors) != 1 else ''}{extra}</p>")
        if j.errors:
            parts.append("<ul>")
            for f in j.errors:
                fix = f"<br><i>Fix:</i> {escape(f.suggestion)}" if f.suggestion else ""
                where = j.where(f).capitalize()  # said once: not "Part 1: Part 1 has the field …"
                said = f.message if f.message.startswith(where) else f"{where}: {f.message}"
                parts.append(f"<li>{escape(said)}{fix}</li>")
            parts.append("</ul>")
    return "".join(parts)


def _report_html(summary, folder: Path, everyone: list[str] | None = None) -> str:
    """The export's outcome; a warning that holds for several forces is said once, naming them."""
    from html import escape

    from composer.letters.judgement import shared_messages

    parts = [f"<p><b>{len(summary.written)} letter{'s' if len(summary.written) != 1 else ''} "
             f"written</b> to {escape(str(folder))}.</p>"]
    if summary.refused:
        parts.append(f"<p><b>{len(summary.refused)} not written</b> because the checker found "
                     "errors (listed above): " + escape(", ".join(j.force.name for j in summary.refused))
                     + ".</p>")
    if summary.failed:
        parts.append(f"<p><b>{len(summary.failed)} failed:</b></p><ul>")
        parts += [f"<li>{escape(force.name)}: {escape(why)}</li>" for force, why in summary.failed]
        parts.append("</ul>")
    if summary.warnings:
        parts.append("<p><b>Check before sending:</b></p><ul>")
        parts += [f"<li>{escape(w)}</li>" for w in shared_messages(summary.warnings, everyone or [])]
        parts.append("</ul>")
    return "".join(parts)
