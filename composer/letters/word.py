"""A letter as a Word document, through a docxtpl template."""

from __future__ import annotations

from pathlib import Path

from composer import storage
from composer.letters.letter import Letter
from composer.letters.templates import PreparedTemplate, TemplateInfo, load_template

TemplateSpec = str | Path | TemplateInfo | PreparedTemplate | None
"""A template by name ("formal", "email", or one of the user's), a .docx path, a TemplateInfo
from `list_templates()`, or an already loaded PreparedTemplate; None is the formal letter."""


def docx_bytes(letter: Letter, template: TemplateSpec = None) -> bytes:
    """The .docx file for `letter`, as bytes."""
    return load_template(template).render_letter(letter)


def write_docx(letter: Letter, path: Path, template: TemplateSpec = None, *,
               replace: bool = False) -> Path:
    """Write the letter as a Word document at `path` (atomically; a taken name becomes
    "name (2)" unless `replace`); returns the path written."""
    return storage.write_new(Path(path), docx_bytes(letter, template), replace=replace)
