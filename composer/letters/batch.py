"""One request, one letter per force, written to a folder.

Each letter is written as soon as it is ready, under a name a person can read and never over an
existing file. A failure for one force is recorded and the batch goes on, so the letters already
written are never lost; the summary says what was written, what failed and why.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from composer import storage
from composer.errors import ComposerError, unexpected
from composer.forces import missing_address, online_form, unconfirmed_address
from composer.letters import pdf_batch
from composer.letters.eml import write_eml
from composer.letters.judgement import ForceJudgement, judge_forces
from composer.letters.letter import Letter, letter_title, request_letter
from composer.letters.pdf import NO_LIBREOFFICE, convert_to_pdf, find_soffice
from composer.letters.templates import TemplateProblem, emoji_note, load_template
from composer.letters.text import write_txt
from composer.letters.word import TemplateSpec
from composer.library import slug
from composer.model import Force, Request, Requester

FORMATS = ("docx", "txt", "eml", "pdf")
_PDF_CHUNK = 8  # letters per LibreOffice run when they cannot go as one document

Progress = Callable[[int, int, Force], object]
"""Called after each force, written or failed: progress(done, total, force). Returning False
(not None) stops the batch: the letters already written are kept and the summary says so."""


@dataclass
class ExportSummary:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Force, str]] = field(default_factory=list)  # (force, why)
    warnings: list[str] = field(default_factory=list)
    stopped: bool = False  # the progress callback asked to stop before every force was done
    refused: list[ForceJudgement] = field(default_factory=list)  # not written: the checker's errors

    @property
    def ok(self) -> bool:
        return not self.failed and not self.refused

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def file_name(day: Date, force: Force, title: str, fmt: str) -> str:
    """`2026-11-21 West Midlands Police - Predictive policing.docx`"""
    return f"{day.isoformat()} {slug(force.name)} - {slug(title)}.{fmt}"


def _free_path(folder: Path, name: str, taken: set[Path]) -> Path:
    path = storage.unique_path(folder / name)
    n = 2
    while path in taken:  # a name claimed earlier in this batch but not yet on disk
        stem, dot, ext = name.rpartition(".")
        path = storage.unique_path(folder / f"{stem} ({n}){dot}{ext}")
        n += 1
    taken.add(path)
    return path


def _why(exc: Exception) -> str:
    if isinstance(exc, ComposerError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"could not write the file: {exc.strerror or exc}"
    return f"unexpected error: {unexpected(exc)}"


def export_batch(
    request: Request,
    forces: Sequence[Force],
    folder: Path,
    *,
    fmt: str = "docx",
    template: TemplateSpec = None,
    requester: Requester,
    date: Date,
    reference: str | None = None,
    progress: Progress | None = None,
    anyway: bool = False,
    judgements: Sequence[ForceJudgement] | None = None,
) -> ExportSummary:
    """Write one letter per force into `folder`, in format `fmt` (docx, txt, eml or pdf).

    Each force's letter is judged first as `check --force` judges it (`letters.judgement`): a
    force with an error finding gets no letter and is in `summary.refused`, unless `anyway`.
    `judgements` already made for these forces (the export dialog shows them) are not redone.
    Raises ComposerError before writing anything when the whole batch cannot work (unknown
    format, unusable template, no LibreOffice for PDF, a folder that cannot be made);
    otherwise problems are per force, in the summary.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ComposerError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ComposerError(f"{folder}: is a file, not a folder")
    prepared = load_template(template) if fmt in ("docx", "pdf") else None
    if fmt == "pdf" and find_soffice() is None:
        raise ComposerError(NO_LIBREOFFICE)
    summary = ExportSummary()
    if not anyway:
        if judgements is None:
            judgements = judge_forces(request, forces, requester)
        wanted = {f.id for f in forces}
        summary.refused = [j for j in judgements if j.force.id in wanted and not j.writable]
        refused = {j.force.id for j in summary.refused}
        forces = [f for f in forces if f.id not in refused]
        if not forces:
            return summary  # nothing to write: not even the folder is made
    storage.writable_folder(folder)  # a folder no letter can go in: one line, not one per force

    taken: set[Path] = set()
    tick = _Ticker(progress, len(forces))
    pending: list[tuple[Force, Path, str]] = []  # PDF: Word documents waiting for LibreOffice

    with tempfile.TemporaryDirectory(prefix="foi-composer-export-") as work:
        for index, force in enumerate(forces):
            if tick.stop:
                break
            try:
                letter = request_letter(request, force, requester, date=date, reference=reference)
                for message in letter.warnings:
                    summary.warn(message)
                if fmt != "eml" and (unaddressed := missing_address(force)) is not None:
                    summary.warn(f"{force.name}: {unaddressed}")  # (an email to it fails, saying so)
                if (unconfirmed := unconfirmed_address(force)) is not None:
                    summary.warn(f"{force.name}: {unconfirmed}")
                if (form := online_form(force)) is not None:
                    summary.warn(f"{force.name}: {form}")
                if fmt in ("docx", "pdf") and (emoji := emoji_note(letter)) is not None:
                    summary.warn(emoji)
                if fmt == "pdf":
                    document = Path(work) / f"{index:04d}.docx"
                    document.write_bytes(prepared.render_letter(letter))
                    pending.append((force, document, letter.subject, letter_title(request, force)))
                    continue
                path = _free_path(folder, file_name(date, force, letter_title(request, force), fmt), taken)
                summary.written.append(_write(letter, path, fmt, prepared))
            except TemplateProblem:
                raise  # the template is the same for every force: stop at once
            except Exception as exc:  # one force's failure must not lose the others
                summary.failed.append((force, _why(exc)))
            tick(force)
        if pending:
            _to_pdf(pending, folder, date, taken, summary, Path(work), tick)
    summary.stopped = tick.stop and tick.done < tick.total
    return summary


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done, self.stop = progress, total, 0, False

    def __call__(self, force: Force) -> None:
        self.done += 1
        if self.progress is not None and self.progress(self.done, self.total, force) is False:
            self.stop = True


def _write(letter: Letter, path: Path, fmt: str, prepared) -> Path:
    """Write one letter, never over a file (a name taken meanwhile becomes "name (2)")."""
    if fmt == "docx":
        return storage.write_new(path, prepared.render_letter(letter))
    if fmt == "txt":
        return write_txt(letter, path)
    return write_eml(letter, path)


def _to_pdf(pending, folder, date, taken, summary, work: Path, tick: _Ticker) -> None:
    """Every letter to PDF in one LibreOffice run (one document, cut back into letters); when
    that cannot be done, in runs of a few letters each."""
    combined = pdf_batch.combine([document.read_bytes() for _, document, _, _ in pending])
    pdfs = None
    if combined is not None:
        whole = work / "all-letters.docx"
        whole.write_bytes(combined)
        try:
            converted = convert_to_pdf([whole], work / "pdf-all", target=pdf_batch.FILTER,
                                       timeout=90 + 2 * len(pending))
        except ComposerError:
            converted = {}
        if whole in converted:
            pdfs = pdf_batch.split(converted[whole].read_bytes(), len(pending),
                                   [subject for _, _, subject, _ in pending])
    if pdfs is None:
        for start in range(0, len(pending), _PDF_CHUNK):
            _convert(pending[start:start + _PDF_CHUNK], folder, date, taken, summary, work, tick)
        return
    for (force, _, _, title), pdf in zip(pending, pdfs):
        _place_pdf(force, pdf, folder, title, date, taken, summary)
        tick(force)


def _place_pdf(force, pdf: bytes, folder, title, date, taken, summary) -> None:
    try:
        path = _free_path(folder, file_name(date, force, title, "pdf"), taken)
        summary.written.append(storage.write_new(path, pdf))
    except OSError as exc:
        summary.failed.append((force, _why(exc)))


def _convert(pending, folder, date, taken, summary, work: Path, tick: _Ticker) -> None:
    """Turn a chunk of Word documents into PDFs, one LibreOffice document each."""
    try:
        converted = convert_to_pdf([doc for _, doc, _, _ in pending], work / "pdf")
        reason = "LibreOffice did not produce a PDF for this letter"
    except ComposerError as exc:
        converted, reason = {}, str(exc)
    for force, document, _, title in pending:
        pdf = converted.get(document)
        if pdf is None:
            summary.failed.append((force, reason))
        else:
            _place_pdf(force, pdf.read_bytes(), folder, title, date, taken, summary)
        tick(force)
