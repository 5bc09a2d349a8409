"""A letter as PDF, by converting its Word document with LibreOffice (`soffice --headless`).

LibreOffice is not bundled: when it is not installed, `find_soffice()` returns None and the
writers raise a ComposerError saying so and what to do instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from composer import paths, storage
from composer.errors import ComposerError
from composer.letters.letter import Letter
from composer.letters.word import TemplateSpec, docx_bytes

_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

NO_LIBREOFFICE = (
    "PDF export needs LibreOffice, which is not installed (no `soffice` found); install it from "
    "libreoffice.org, or export as .docx and use Save as PDF in Word"
)


def find_soffice() -> str | None:
    """The LibreOffice program, or None. `FOI_COMPOSER_SOFFICE` names it when it is elsewhere."""
    override = os.environ.get("FOI_COMPOSER_SOFFICE")
    if override is not None:
        return override if override and Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _PLACES if Path(p).is_file()), None)


def convert_to_pdf(
    documents: Sequence[Path], outdir: Path, *, timeout: float | None = None, target: str = "pdf"
) -> dict[Path, Path]:
    """Convert .docx files to PDF in one LibreOffice run; returns {document: pdf} for those that
    converted. LibreOffice runs with its own profile folder, so a LibreOffice window the user
    has open neither blocks the conversion nor is disturbed by it. `target` is LibreOffice's
    `--convert-to` argument: "pdf", or the PDF filter with options."""
    soffice = find_soffice()
    if soffice is None:
        raise ComposerError(NO_LIBREOFFICE)
    if not documents:
        return {}
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    profile = paths.subdir("cache") / "libreoffice-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless", "--invisible", "--norestore", "--nologo", "--nolockcheck",
        "--convert-to", target, "--outdir", str(outdir),
        *[str(d) for d in documents],
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout or 90 + 5 * len(documents),
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise ComposerError("LibreOffice took too long to convert the letters to PDF") from None
    except OSError as exc:
        raise ComposerError(f"LibreOffice ({soffice}) could not be started: {exc.strerror}") from None
    converted = {}
    for document in documents:
        pdf = outdir / (Path(document).stem + ".pdf")
        if pdf.is_file() and pdf.stat().st_size > 0:
            converted[Path(document)] = pdf
    if not converted and result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ComposerError(
            "LibreOffice could not convert the letters to PDF"
            + (f": {detail[-1]}" if detail else f" (exit status {result.returncode})")
        )
    return converted


def write_pdf(letter: Letter, path: Path, template: TemplateSpec = None, *,
              replace: bool = False) -> Path:
    """Write the letter as PDF at `path` (atomically; a taken name becomes "name (2)" unless
    `replace`); returns the path written."""
    if find_soffice() is None:
        raise ComposerError(NO_LIBREOFFICE)
    data = docx_bytes(letter, template)
    with tempfile.TemporaryDirectory(prefix="foi-composer-pdf-") as work:
        document = Path(work) / "letter.docx"
        document.write_bytes(data)
        converted = convert_to_pdf([document], Path(work) / "pdf")
        if document not in converted:
            raise ComposerError("LibreOffice did not produce a PDF for the letter")
        return storage.write_new(Path(path), converted[document].read_bytes(), replace=replace)
