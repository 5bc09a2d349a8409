"""Letter templates: the bundled ones in `templates/`, and the user's own in their data folder.

A template is a Word document with docxtpl tags. It is checked when it is loaded: a file that is
not a .docx, a Jinja syntax error, or a variable the app does not supply is refused with a
`TemplateProblem` naming the problem and where it is. Every template, bundled or not, renders in
a sandboxed Jinja environment with autoescaping, so text a user types (`& < >`) goes into the
document as text and a template cannot reach into Python.

Loading parses the template once (docxtpl's own tag clean-up, then Jinja compilation) and keeps
the parts of the .docx that never change already compressed; writing one letter then renders
the changed parts and appends them. That is what makes a 49-force batch fast.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timezone
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import Template, TemplateError, TemplateSyntaxError, meta
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from composer import paths
from composer.errors import ComposerError, FileProblem
from composer.law import LAWS
from composer.letters.glyphs import in_words, written_as_words
from composer.letters.letter import Letter, format_date
from composer.model import joined

DEFAULT_TEMPLATE = "formal"

TEMPLATE_VARIABLES: dict[str, str] = {
    "date": "the date of the letter as written, e.g. 21 November 2026",
    "recipient": "who the letter is to, e.g. West Midlands Police",
    "recipient_address": "the recipient's postal address: a list of lines, often empty",
    "recipient_email": "the recipient's email address (empty when none is known)",
    "reference": "a reference to quote, e.g. the force's own (often empty)",
    "subject": "the subject line",
    "salutation": "the greeting line, e.g. Dear West Midlands Police,",
    "before": "paragraphs before the numbered items: a list",
    "items": "the numbered items: each has .number (1, 1a …), .text and .depth (0 part, 1 sub-part)",
    "after": "paragraphs after the items (the clauses, then the closing): a list",
    "sign_off": "e.g. Yours faithfully,",
    "requester_name": "your name ([your name] when none is set)",
    "requester_organisation": "your organisation (often empty)",
    "requester_address": "your postal address: a list of lines, often empty",
    "requester_email": "your email address (may be empty)",
    "force_name": "the force the letter is to or about (empty when none)",
    "act_title": "the Act that force answers under, e.g. Freedom of Information Act 2000",
}
"""Every variable a template may use. `template_context()` supplies exactly these."""

_DOCXTPL = DocxTemplate(None)  # for docxtpl's document-independent helpers
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LISTING_CHARS = re.compile("[\t\n\x07\x0c]")
_CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


class TemplateProblem(ComposerError):
    """A template that cannot be used, with what is wrong and where."""


MAX_LETTER_TEXT = 1_000_000
"""The most text (characters) one letter may have: a template that makes more is looping wrong."""

_TAG_OPEN = re.compile(r"\{([{%#])")
_CLOSER = {"{": "}}", "%": "%}", "#": "#}"}
_BLOCK_TAG = re.compile(r"\{%[-+]?\s*(?:[prc]\s+)?(\w+)")
_OPENS_BLOCK = {"if", "for", "macro", "call", "filter", "with", "block", "raw", "autoescape", "set_block"}
_MIDDLE = {"elif": {"if"}, "else": {"if", "for"}}
_FORBIDDEN = [
    (re.compile(r"\{%[-+]?\s*(?:[prc]\s+)?(include|import|from|extends)\b"),
     "{{% {} %}} (a template may not pull in other files)"),
    (re.compile(r"\|\s*safe\b"), "|safe (it would put text into the document unescaped)"),
]


def tag_problems(paragraphs: list[str], where: str) -> str | None:
    """What is wrong with the tags in `paragraphs` (a template's text, one string per paragraph,
    as Word holds it, before docxtpl merges anything), or None. A tag left open would make
    Jinja swallow everything up to the next close, such as the sentence naming the Act."""
    stack: list[tuple[str, int, str]] = []
    for number, para in enumerate(paragraphs, start=1):
        at = f"{where}, paragraph {number} (\u201c{_short(para)}\u201d)"
        for pattern, what in _FORBIDDEN:
            found = pattern.search(para)
            if found:
                return f"uses {what.format(*found.groups())} in {at}"
        pos = 0
        while True:
            opened = _TAG_OPEN.search(para, pos)
            if opened is None:
                break
            closer = _CLOSER[opened.group(1)]
            end = para.find(closer, opened.end())
            again = _TAG_OPEN.search(para, opened.end())
            if end < 0 or (again is not None and again.start() < end):
                tag = para[opened.start():(again.start() if again and (end < 0 or again.start() < end) else len(para))]
                return f"has a tag left open, \u201c{tag.strip()}\u201d, with no {closer} after it, in {at}"
            if opened.group(1) == "%":
                word = _BLOCK_TAG.match(para, opened.start())
                name = word.group(1) if word else ""
                if name in _OPENS_BLOCK:
                    stack.append((name, number, para[opened.start():end + 2]))
                elif name.startswith("end"):
                    if not stack or stack[-1][0] != name[3:]:
                        return f"has {{% {name} %}} with no {{% {name[3:]} %}} open before it, in {at}"
                    stack.pop()
                elif name in _MIDDLE and (not stack or stack[-1][0] not in _MIDDLE[name]):
                    return f"has {{% {name} %}} outside an if or for, in {at}"
            pos = end + len(closer)
    if stack:
        name, number, tag = stack[-1]
        para = paragraphs[number - 1]
        return (f"has \u201c{tag}\u201d in {where}, paragraph {number} (\u201c{_short(para)}\u201d), "
                f"with no {{% end{name} %}} after it")
    return None


@dataclass(frozen=True)
class TemplateInfo:
    name: str  # what the user picks, e.g. "formal"
    path: Path
    builtin: bool  # bundled with the app (False: the user's own)


def template_context(letter: Letter) -> dict:
    """The values a template sees for `letter`: exactly the keys of TEMPLATE_VARIABLES, with each
    emoji written as words (`letters.glyphs`: letter fonts have no pictures for them)."""
    return _in_words(_as_written(letter))


def emoji_note(letter: Letter) -> str | None:
    """What to tell the user when the Word or PDF form of `letter` writes emoji as words (None:
    it has none)."""
    found = written_as_words(_strings(_as_written(letter)))
    if not found:
        return None
    # the emoji themselves are not repeated here: the app's own fonts may lack them too
    listed = joined([f"\u201c{words}\u201d" for words in found.values()])
    if len(found) == 1:
        return (f"the Word and PDF letters write an emoji as its name, {listed}: letter fonts have no "
                "picture for it (the text and email letters keep what you typed)")
    return (f"the Word and PDF letters write {len(found)} emoji as their names, {listed}: letter fonts "
            "have no pictures for them (the text and email letters keep what you typed)")


def _in_words(value):
    if isinstance(value, str):
        return in_words(value)
    if isinstance(value, list):
        return [_in_words(v) for v in value]
    if isinstance(value, dict):
        return {k: _in_words(v) for k, v in value.items()}
    return value


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, dict)):
        for v in value.values() if isinstance(value, dict) else value:
            yield from _strings(v)


def _as_written(letter: Letter) -> dict:
    force = letter.force
    return {
        "date": format_date(letter.date),
        "recipient": letter.recipient.name,
        "recipient_address": list(letter.recipient.postal_address),
        "recipient_email": letter.recipient.email or "",
        "reference": letter.reference or "",
        "subject": letter.subject,
        "salutation": letter.salutation,
        "before": list(letter.before),
        "items": [{"number": i.number, "text": i.text, "depth": i.depth} for i in letter.items],
        "after": list(letter.after),
        "sign_off": letter.sign_off,
        "requester_name": letter.signature_name,
        "requester_organisation": letter.requester.organisation,
        "requester_address": [line for line in letter.requester.postal_address if line.strip()],
        "requester_email": letter.requester.email,
        "force_name": force.name if force else "",
        "act_title": LAWS[force.act].title if force else "",
    }


# -- finding templates ---------------------------------------------------------------------------


def user_template_folder() -> Path:
    """Where a user puts their own templates."""
    return paths.subdir("templates")


def _docx_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.glob("*.docx") if not p.name.startswith(("~$", ".")) and p.is_file()),
        key=lambda p: p.name.lower(),
    )


def list_templates() -> list[TemplateInfo]:
    """The bundled templates, then the user's own. A user's template of the same name as a
    bundled one is the one used (that is how a user restyles `formal`)."""
    bundled = [TemplateInfo(p.stem, p, True) for p in _docx_files(paths.TEMPLATES)]
    own = [TemplateInfo(p.stem, p, False) for p in _docx_files(user_template_folder())]
    return bundled + own


def find_template(spec: str | Path | None = None) -> TemplateInfo:
    """A template by name (the user's own first, then bundled) or by the path of a .docx file."""
    if spec is None:
        spec = DEFAULT_TEMPLATE
    text = str(spec)
    looks_like_path = isinstance(spec, Path) or text.lower().endswith(".docx") or "/" in text or "\\" in text
    if looks_like_path:
        path = Path(spec).expanduser()
        if not path.is_file():
            raise FileProblem(f"{path}: no such template file")
        builtin = path.resolve().parent == paths.TEMPLATES.resolve()
        return TemplateInfo(path.stem, path, builtin)
    known = list_templates()
    for info in sorted(known, key=lambda i: i.builtin):  # the user's own first
        if info.name.lower() == text.strip().lower():
            return info
    names = ", ".join(sorted({i.name for i in known})) or "none"
    raise TemplateProblem(
        f"no template called {text!r}; templates: {names} (add your own .docx to "
        f"{user_template_folder()})"
    )


# -- the Jinja environments ----------------------------------------------------------------------


def _finalize_xml(value: object) -> Markup:
    """Every value a template prints, made safe for Word's XML: escaped, stripped of characters
    XML cannot hold, and with braces written as character references so that docxtpl's
    `{_{` clean-up can never touch text a user typed."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else _NOT_XML.sub("", str(value))
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def _finalize_plain(value: object) -> str:
    return "" if value is None else _NOT_XML.sub("", str(value))


def xml_environment() -> SandboxedEnvironment:
    """The sandboxed, autoescaping environment templates are rendered in (docxtpl's document
    XML). docxtpl's own `render(context, jinja_env=xml_environment(), autoescape=True)` gives
    the same document as `PreparedTemplate.render`."""
    return SandboxedEnvironment(autoescape=True, finalize=_finalize_xml)


def _plain_environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=False, finalize=_finalize_plain)


# -- a template, loaded once ---------------------------------------------------------------------


@dataclass
class _RenderedPart:
    zip_name: str
    template: Template
    kind: str  # "body": the document body; "whole": a whole XML part (header, footer, notes)
    where: str


class PreparedTemplate:
    """A checked, compiled template; `render(context)` gives the bytes of a .docx file."""

    def __init__(self, path: Path, *, name: str | None = None, builtin: bool = False) -> None:
        self.path = Path(path)
        self.name = name or self.path.stem
        self.builtin = builtin
        self._label = f"template {self.path}"
        data = self._read()
        self._env = xml_environment()
        self._plain = _plain_environment()
        tpl = self._open(data)
        self._parts: list[_RenderedPart] = []
        self._sources: list[tuple[str, str]] = []  # (where, Jinja source) for the variable check
        self._paragraphs: dict[str, list[str]] = {}
        self._prefix = self._suffix = ""
        self._compile_body(tpl)
        self._compile_other_parts(tpl)
        self._compile_core(tpl, data)
        self._check_variables()
        self._static = self._static_zip(data)

    # -- loading -------------------------------------------------------------------------------
    def _read(self) -> bytes:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            raise FileProblem(f"{self.path}: no such template file") from None
        except OSError as exc:
            raise FileProblem(f"{self.path}: cannot be read ({exc.strerror})") from None
        return data

    def _open(self, data: bytes) -> DocxTemplate:
        if data[:4] == b"\xd0\xcf\x11\xe0":
            raise TemplateProblem(f"{self._label}: is an old Word .doc file; save it as .docx")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                    raise TemplateProblem(
                        f"{self._label}: is an OpenDocument (.odt) file; save it as Word (.docx)"
                    )
                archive.testzip()
        except zipfile.BadZipFile:  # (in words a user knows, not "not a zip archive")
            what = "it is empty (0 bytes)" if not data else "it is damaged or cut short, or another kind of file"
            raise TemplateProblem(
                f"{self._label}: is not a Word document (.docx): {what}; open it in Word or LibreOffice "
                "and save it as .docx again"
            ) from None
        if "word/document.xml" not in names:
            raise TemplateProblem(
                f"{self._label}: is not a Word document (.docx): it has no word/document.xml"
            )
        try:
            tpl = DocxTemplate(io.BytesIO(data))
            tpl.init_docx()
        except Exception as exc:  # python-docx raises many kinds for a damaged package
            raise TemplateProblem(f"{self._label}: cannot be read as a Word document ({exc})") from None
        return tpl

    def _compile(self, source: str, where: str, env: SandboxedEnvironment | None = None) -> Template:
        self._sources.append((where, source))
        try:
            return (env or self._env).from_string(source)
        except TemplateSyntaxError as exc:
            raise TemplateProblem(
                f"{self._label}: Jinja syntax error {self._place(where, source, exc.lineno)}: {exc.message}"
            ) from None

    def _compile_body(self, tpl: DocxTemplate) -> None:
        doc_part = tpl.docx.part
        self._doc_zip_name = doc_part.partname.lstrip("/")
        self._paragraphs["the body"] = _paragraph_texts(tpl.docx.element.body)
        self._check_tags("the body")
        whole = etree.tostring(tpl.docx.element, encoding="unicode")
        match = re.search(r"<w:body\b[^>]*/>|<w:body\b.*</w:body>", whole, re.DOTALL)
        if match is None:
            raise TemplateProblem(f"{self._label}: the document has no body")
        self._prefix, self._suffix = whole[: match.start()], whole[match.end() :]
        source = _for_jinja(tpl.patch_xml(tpl.get_xml()))
        self._parts.append(
            _RenderedPart(self._doc_zip_name, self._compile(source, "the body"), "body", "the body")
        )

    def _compile_other_parts(self, tpl: DocxTemplate) -> None:
        seen: set[str] = set()
        for rel in tpl.docx.part.rels.values():
            if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
                continue
            part = rel.target_part
            name = part.partname.lstrip("/")
            if name in seen or not part.blob:
                continue
            seen.add(name)
            where = "a header" if rel.reltype == RT.HEADER else "a footer"
            element = etree.fromstring(part.blob)
            self._paragraphs[where] = _paragraph_texts(element)
            self._check_tags(where)
            xml = etree.tostring(element, encoding="unicode")
            if "{" in xml:
                template = self._compile(_for_jinja(tpl.patch_xml(xml)), where)
                self._parts.append(_RenderedPart(name, template, "whole", where))
        for part in tpl.docx.part.package.parts:
            if part.content_type == _FOOTNOTES:
                xml = part.blob.decode("utf-8")
                if "{" in xml:
                    name = part.partname.lstrip("/")
                    self._paragraphs["the footnotes"] = _paragraph_texts(etree.fromstring(part.blob))
                    self._check_tags("the footnotes")
                    template = self._compile(_for_jinja(tpl.patch_xml(xml)), "the footnotes")
                    self._parts.append(_RenderedPart(name, template, "whole", "the footnotes"))

    def _compile_core(self, tpl: DocxTemplate, data: bytes) -> None:
        """Document properties: the title (and subject …) may carry tags, rendered as plain text;
        every letter gets its own title and created date."""
        self._core: dict[str, Template] = {}
        self._core_name: str | None = None
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "docProps/core.xml" not in archive.namelist():
                return
        props = tpl.docx.core_properties
        for prop in _CORE_PROPERTIES:
            value = getattr(props, prop) or ""
            if "{" in value:
                problem = tag_problems([value], f"the document's {prop} property")
                if problem:
                    raise TemplateProblem(f"{self._label}: {problem}")
                self._core[prop] = self._compile(value, f"the document's {prop} property", self._plain)
        self._core_name = "docProps/core.xml"
        self._core_element = props._element

    def _check_tags(self, where: str) -> None:
        problem = tag_problems(self._paragraphs[where], where)
        if problem:
            raise TemplateProblem(f"{self._label}: {problem}")

    def _check_variables(self) -> None:
        supplied = set(TEMPLATE_VARIABLES) | set(self._env.globals)
        for where, source in self._sources:
            used = meta.find_undeclared_variables(self._env.parse(source))
            unknown = sorted(used - supplied)
            if unknown:
                name = unknown[0]
                place = self._variable_place(where, name)
                raise TemplateProblem(
                    f"{self._label}: uses {{{{ {name} }}}} {place}, which FOI Composer does not "
                    f"supply; a template can use: {', '.join(TEMPLATE_VARIABLES)}"
                )

    def _place(self, where: str, source: str, lineno: int | None) -> str:
        lines = source.splitlines()
        if not lineno or lineno > len(lines):
            return f"in {where}"
        text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip()
        paragraphs = self._paragraphs.get(where, [])
        for i, para in enumerate(paragraphs, start=1):
            if para.strip() and (para.strip() in text or (text and text in para)):
                return f"in {where}, paragraph {i} (\u201c{_short(para)}\u201d)"
        return f"in {where}, near \u201c{_short(text)}\u201d" if text else f"in {where}"

    def _variable_place(self, where: str, name: str) -> str:
        pattern = re.compile(r"\{[{%][^}]*\b" + re.escape(name) + r"\b")
        for i, para in enumerate(self._paragraphs.get(where, []), start=1):
            if pattern.search(para):
                return f"in {where}, paragraph {i} (\u201c{_short(para)}\u201d)"
        return f"in {where}"

    def _static_zip(self, data: bytes) -> bytes:
        """Every part that does not change from letter to letter, compressed once."""
        rendered = {p.zip_name for p in self._parts} | ({self._core_name} if self._core_name else set())
        self._infos: dict[str, zipfile.ZipInfo] = {}
        out = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest,
        ):
            thumbnails = _thumbnails(source)
            for info in source.infolist():
                if info.filename in rendered:
                    self._infos[info.filename] = info
                    continue
                if info.filename in thumbnails:
                    continue  # the template's picture of itself, not of the letter: left out
                content = source.read(info.filename)
                if info.filename == "_rels/.rels" and thumbnails:
                    content = _without_thumbnail(content)
                dest.writestr(_info_like(info), content)
        return out.getvalue()

    # -- rendering -----------------------------------------------------------------------------
    @property
    def variables(self) -> set[str]:
        """The variables this template uses."""
        used: set[str] = set()
        for _, source in self._sources:
            used |= meta.find_undeclared_variables(self._env.parse(source))
        return used - set(self._env.globals)

    def render(self, context: dict, *, created: datetime | None = None) -> bytes:
        """The .docx bytes of this template filled with `context` (see `template_context`);
        `created` is the document's created date (default: now)."""
        out = io.BytesIO(self._static)
        out.seek(0, io.SEEK_END)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
            for part in self._parts:
                xml = self._render_part(part, context)
                archive.writestr(_info_like(self._infos[part.zip_name]), xml)
            if self._core_name:
                archive.writestr(_info_like(self._infos[self._core_name]), self._render_core(context, created))
        return out.getvalue()

    def render_letter(self, letter: Letter) -> bytes:
        return self.render(template_context(letter), created=_created(letter.date))

    def _render_part(self, part: _RenderedPart, context: dict) -> bytes:
        try:
            xml = self._bounded(part, context)
        except TemplateError as exc:
            raise TemplateProblem(f"{self._label}: cannot fill in {part.where}: {exc}") from None
        xml = _after_jinja(xml)
        try:
            tree = etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            raise TemplateProblem(
                f"{self._label}: filling in {part.where} gave a broken Word document ({exc}); "
                "check that every {%p …%} tag sits on a paragraph of its own"
            ) from None
        if part.kind == "body":
            if tree.find(f".//{qn('w:tbl')}") is not None:
                tree = _DOCXTPL.fix_tables(xml)  # docxtpl's own repair of looped table columns
            for number, element in enumerate(tree.iter(qn("wp:docPr")), start=1001):
                element.set("id", str(number))
            body = etree.tostring(tree, encoding="unicode")
            return _XML_DECLARATION + (self._prefix + body + self._suffix).encode("utf-8")
        return _XML_DECLARATION + etree.tostring(tree, encoding="utf-8")

    def _bounded(self, part: _RenderedPart, context: dict) -> str:
        """Render, stopping once the text passes MAX_LETTER_TEXT (markup counts a few times over
        while streaming; the text alone is measured at the end)."""
        chunks: list[str] = []
        size = 0
        for chunk in part.template.generate(context):
            chunks.append(chunk)
            size += len(chunk)
            if size > 8 * MAX_LETTER_TEXT:
                break
        xml = "".join(chunks)
        if size > MAX_LETTER_TEXT and len(re.sub(r"<[^>]*>", "", xml)) > MAX_LETTER_TEXT:
            raise TemplateProblem(
                f"{self._label}: filling in {part.where} makes more than {MAX_LETTER_TEXT // 1_000_000} MB "
                "of text for one letter; a loop in the template is repeating far more than it should"
            )
        return xml

    def _render_core(self, context: dict, created: datetime | None) -> bytes:
        element = copy.deepcopy(self._core_element)
        values = {"title": context.get("subject", "")}
        for prop, template in self._core.items():
            try:
                values[prop] = template.render(context)
            except TemplateError as exc:
                raise TemplateProblem(f"{self._label}: cannot fill in the {prop} property: {exc}") from None
        for prop, value in values.items():
            _set_core(element, _CORE_TAGS[prop], value)
        stamp = (created or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for tag in ("dcterms:created", "dcterms:modified"):
            node = _set_core(element, tag, stamp)
            node.set(qn("xsi:type"), "dcterms:W3CDTF")
        return _XML_DECLARATION + etree.tostring(element, encoding="utf-8")


_CORE_TAGS = {"title": "dc:title", "subject": "dc:subject", "author": "dc:creator",
              "comments": "dc:description", "identifier": "dc:identifier", "language": "dc:language"}


def _set_core(element, tag: str, value: str):
    node = element.find(qn(tag))
    if node is None:
        node = etree.SubElement(element, qn(tag))
    node.text = value
    return node


def _created(day: Date) -> datetime:
    """A letter's created date: now when it is dated today, else midday of its date."""
    now = datetime.now(timezone.utc)
    if day == now.date():
        return now
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _thumbnails(archive: zipfile.ZipFile) -> set[str]:
    """The package's thumbnail parts: a Word template carries a picture of its blank self."""
    try:
        rels = etree.fromstring(archive.read("_rels/.rels"))
    except (KeyError, etree.XMLSyntaxError):
        return set()
    return {r.get("Target", "").lstrip("/") for r in rels if r.get("Type") == _THUMBNAIL}


def _without_thumbnail(rels_xml: bytes) -> bytes:
    rels = etree.fromstring(rels_xml)
    for rel in list(rels):
        if rel.get("Type") == _THUMBNAIL:
            rels.remove(rel)
    return _XML_DECLARATION + etree.tostring(rels, encoding="utf-8")


def _for_jinja(xml: str) -> str:
    """docxtpl's step before Jinja: one paragraph per line, so error line numbers mean something."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _after_jinja(xml: str) -> str:
    """docxtpl's steps after Jinja: join the lines again, turn `{_{` into literal braces, and turn
    tabs and line breaks inside text into Word's tab and break elements."""
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if _LISTING_CHARS.search(xml) is None:
        return xml  # nothing for resolve_listing to do, and it is the slowest step
    return _DOCXTPL.resolve_listing(xml)


def _info_like(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy_ = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy_.compress_type = zipfile.ZIP_DEFLATED
    copy_.external_attr = info.external_attr
    return copy_


def _paragraph_texts(element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


_CACHE: dict[tuple[str, int, int], PreparedTemplate] = {}


def load_template(spec: str | Path | TemplateInfo | PreparedTemplate | None = None) -> PreparedTemplate:
    """A checked, compiled template by name, path or TemplateInfo; loaded once while unchanged."""
    if isinstance(spec, PreparedTemplate):
        return spec
    info = spec if isinstance(spec, TemplateInfo) else find_template(spec)
    try:
        stat = info.path.stat()
    except OSError:
        raise FileProblem(f"{info.path}: no such template file") from None
    key = (str(info.path.resolve()), stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(key)
    if cached is None:
        try:
            cached = PreparedTemplate(info.path, name=info.name, builtin=info.builtin)
        except TemplateProblem as exc:
            raise TemplateProblem(f"{exc}. {_yours_to_mend(info)}") from None
        if len(_CACHE) >= 16:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = cached
    return cached


def _yours_to_mend(info: TemplateInfo) -> str:
    """What to do when a template of the user's own cannot be used (one in their folder stands in
    for the bundled one of its name, so every export with that name stops on it)."""
    folder = user_template_folder()
    if info.builtin or info.path.resolve().parent != folder.resolve():
        return "Choose another template (`foi-composer templates` lists them)"
    bundled = any(t.builtin and t.name.lower() == info.name.lower() for t in list_templates())
    instead = (f"move it out of that folder to use the bundled {info.name!r} again" if bundled
               else "move it out of that folder")
    return (f"It is your own template, in {folder}: mend it (`foi-composer templates --check FILE` "
            f"says what is wrong), {instead}, or choose another template")


def check_template(path: Path) -> PreparedTemplate:
    """Load a template the user offers, raising TemplateProblem if it cannot be used."""
    return PreparedTemplate(Path(path), builtin=False)


def install_template(source: Path, name: str | None = None) -> Path:
    """Check a user's template and copy it into their templates folder under a free name."""
    from composer import storage
    from composer.library import slug

    check_template(source)
    target = user_template_folder() / f"{slug(name or Path(source).stem)}.docx"
    return storage.write_new(target, storage.read_bytes(Path(source), "Word template"))
