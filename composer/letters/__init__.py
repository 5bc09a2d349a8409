"""Letters: a request (or a follow-up) written out for a force as Word, text, email or PDF.

What a letter says is kept apart from how it is written out. A `Letter` holds the words; the
writers take any Letter. `request_letter()` fills one from a Request; a follow-up letter (reply
to a clarification request, chaser, internal review request, complaint to the ICO or the Scottish
Information Commissioner) is a Letter built the same way and goes through the same writers.

Building a letter
-----------------
    Letter(date, recipient, subject, salutation, before=[], items=[], after=[],
           requester=Requester(), sign_off="Yours faithfully,", reference=None, force=None)
        date: datetime.date              written "21 November 2026"
        recipient: Recipient             Recipient.for_force(force), or e.g.
                                         Recipient("Information Commissioner's Office",
                                                   email=..., postal_address=[...],
                                                   greeting="Information Commissioner")
        subject: str                     the email subject and the letter's heading
        salutation: str                  the whole line: recipient.salutation is "Dear <greeting>,"
        before: list[str]                paragraphs before the numbered items
        items: list[Item]                Item(number: str, text: str, depth: int 0|1), printed
                                         "1. …" and, indented, "1a. …"; may be empty
        after: list[str]                 paragraphs after the items (clauses, closing)
        requester: Requester             signs the letter; a missing name prints "[your name]"
        reference: str | None            printed "Reference: …" (e.g. the force's reference)
        force: Force | None              the force the letter is to or about (its Act)
        warnings: list[str]              filled on creation: control characters that a Word
                                         document cannot hold are removed, and said so here
    request_letter(request, force, requester, *, date, reference=None, body=None) -> Letter
        The request for one force: its name and salutation, its Act, the parts in the order,
        numbers and wording of composer.outline.letter_body(), and its clauses (cost limit,
        format). Warnings: unfilled {fields}, a wrong Act named in the introduction (replaced
        by the right one), no requester name.
    clean_text(text) -> (text, removed_count); format_date(date) -> "21 November 2026"

Writing a letter out (each returns the path written; writes are atomic; they overwrite `path`)
------------------
    write_docx(letter, path, template=None) / docx_bytes(letter, template=None) -> bytes
        template: a name ("formal", "email", or the user's own), a .docx path, a TemplateInfo,
        or a PreparedTemplate; None is "formal".
    letter_as_text(letter, *, heading=False, contact=False, width=0) -> str
        From "Dear …" to the name: what to paste into WhatDoTheyKnow (which publishes it, so
        no address by default). heading=True adds date, recipient and subject on top;
        contact=True adds the requester's postal address and email under the name.
    write_txt(letter, path, **letter_as_text options)
    letter_as_email(letter) -> email.message.EmailMessage; write_eml(letter, path)
        To: the recipient, From: the requester when their email is known, Subject, X-Unsent: 1
        (opens as a draft), the text with contact details as a UTF-8 body. ComposerError when
        the recipient has no email address.
    write_pdf(letter, path, template=None); find_soffice() -> str | None;
    convert_to_pdf(docx_paths, outdir) -> {docx: pdf}
        Through LibreOffice; ComposerError (NO_LIBREOFFICE) when it is not installed.

Templates
---------
    list_templates() -> list[TemplateInfo(name, path, builtin)]   bundled first, then the
        user's own from composer.paths.subdir("templates"); a user's template named like a
        bundled one is the one used.
    find_template(name_or_path) -> TemplateInfo; load_template(spec) -> PreparedTemplate
        (cached while the file is unchanged); check_template(path) -> PreparedTemplate;
        install_template(path, name=None) -> Path (checked, copied into the user's folder).
    TemplateProblem(ComposerError): not a .docx, a Jinja syntax error, or a variable the app
        does not supply; the message names the file, the problem and the paragraph.
    TEMPLATE_VARIABLES: {name: meaning} of every variable a template may use;
    template_context(letter) -> dict with exactly those keys.
    Templates render in a sandboxed, autoescaping Jinja environment (xml_environment()).

One letter per force
--------------------
    export_batch(request, forces, folder, *, fmt="docx", template=None, requester, date,
                 reference=None, progress=None, anyway=False, judgements=None)
                 -> ExportSummary(written: list[Path], failed: list[tuple[Force, str]],
                 warnings: list[str], stopped: bool, refused: list[ForceJudgement])
        Each force is judged first exactly as `check --force` judges it (judgement.judge):
        a force with an error finding gets no letter and is in `refused`, unless anyway=True.
        PDF: every letter in one LibreOffice run (pdf_batch: one document, cut back into
        letters), or a few letters per run when a template cannot be combined.
        fmt: "docx", "txt", "eml" or "pdf". File names: file_name(date, force, title, fmt),
        e.g. "2026-11-21 West Midlands Police - Predictive policing.docx"; an existing file is
        never overwritten ("… (2).docx"). progress(done, total, force) after each force;
        returning False from it stops the batch (letters written so far are kept).
        A force without an FOI address gets a docx/txt/pdf letter and a warning, and fails
        for eml. Raises ComposerError up front only when no letter could be written (bad
        format or template, no LibreOffice for PDF, a folder that cannot be made).
"""

from __future__ import annotations

import importlib

# Each name and the module it lives in. They are loaded when first asked for (PEP 562), so that
# what needs one part (the checker's judgement, a letter's words) does not load Word's and
# Jinja's libraries with the writers: `foi-composer check` took some 70 ms more for them.
_WHERE = {
    "batch": ("FORMATS", "ExportSummary", "export_batch", "file_name"),
    "eml": ("letter_as_email", "write_eml"),
    "letter": ("Item", "Letter", "Recipient", "clean_text", "format_date", "request_letter"),
    "pdf": ("NO_LIBREOFFICE", "convert_to_pdf", "find_soffice", "write_pdf"),
    "templates": ("DEFAULT_TEMPLATE", "TEMPLATE_VARIABLES", "PreparedTemplate", "TemplateInfo",
                  "TemplateProblem", "check_template", "find_template", "install_template",
                  "list_templates", "load_template", "template_context", "user_template_folder",
                  "xml_environment"),
    "text": ("letter_as_text", "write_txt"),
    "word": ("TemplateSpec", "docx_bytes", "write_docx"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
