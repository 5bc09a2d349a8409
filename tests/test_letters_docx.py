"""Word letters and their templates: read back, checked against the code, refused when broken."""

from __future__ import annotations

import io
import importlib.util
import zipfile

import docx
import pytest
from docxtpl import DocxTemplate
from test_letters import DAY, NASTY, force, me, nasty_request, sample_request

from composer import paths
from composer.letters import (
    TEMPLATE_VARIABLES,
    PreparedTemplate,
    TemplateProblem,
    check_template,
    docx_bytes,
    find_template,
    install_template,
    list_templates,
    request_letter,
    template_context,
    write_docx,
    xml_environment,
)
from composer.model import AnswerFormat, Request

BUNDLED = sorted(paths.TEMPLATES.glob("*.docx"))


def paragraphs(source) -> list[tuple[str, str]]:
    document = docx.Document(source if not isinstance(source, bytes) else io.BytesIO(source))
    return [(p.style.name, p.text) for p in document.paragraphs]


def texts(source) -> list[str]:
    return [text for _, text in paragraphs(source)]


# -- templates and code cannot drift apart ------------------------------------------------------


def test_the_bundled_templates_are_here():
    assert {p.stem for p in BUNDLED} >= {"formal", "email"}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_template_uses_only_variables_the_code_supplies(path):
    used = DocxTemplate(str(path)).get_undeclared_template_variables(jinja_env=xml_environment())
    assert used, "a template with no variables cannot be a letter"
    assert used <= set(TEMPLATE_VARIABLES), used - set(TEMPLATE_VARIABLES)
    assert {"salutation", "items", "after", "sign_off", "requester_name"} <= used


def test_the_context_supplies_exactly_the_documented_variables():
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY)
    assert set(template_context(letter)) == set(TEMPLATE_VARIABLES)


def test_the_committed_templates_match_their_build_script(tmp_path):
    spec = importlib.util.spec_from_file_location("make_templates", paths.TEMPLATES / "make_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for built in module.main(tmp_path):
        committed = paths.TEMPLATES / built.name
        assert paragraphs(str(built)) == paragraphs(str(committed)), built.name
        styles = lambda p: {s.name: (s.paragraph_format.left_indent, s.paragraph_format.first_line_indent)  # noqa: E731
                            for s in docx.Document(str(p)).styles if s.type == 1}
        assert styles(built) == styles(committed), built.name


# -- reading the letter back --------------------------------------------------------------------


@pytest.mark.parametrize("template", ["formal", "email"])
def test_docx_reads_back_as_the_letter(tmp_path, template):
    request = sample_request(answer_format=AnswerFormat.CSV)
    letter = request_letter(request, force("wmp"), me(), date=DAY)
    path = write_docx(letter, tmp_path / "l.docx", template=template)
    found = paragraphs(str(path))
    text = [t for _, t in found]
    assert "Dear West Midlands Police," in text
    assert any("Freedom of Information Act 2000" in t for t in text)
    numbered = [(style, t) for style, t in found if style in ("Part", "Sub-part")]
    assert numbered == [("Part" if i.depth == 0 else "Sub-part", f"{i.number}.\t{i.text}")
                        for i in letter.items]
    assert [t.split(".\t")[0] for _, t in numbered] == ["1", "2", "2a", "2b", "3"]
    clause = next(t for t in text if "appropriate limit" in t)
    assert "£450" in clause and "section 16" in clause
    assert any("section 11(1A)" in t for t in text)
    assert "Ann Example" in text
    assert text.index("Yours faithfully,") < text.index("Ann Example")
    if template == "formal":
        assert text[0] == "21 November 2026"
        assert "By email: foi@westmidlands.police.uk" in text
        assert "12 Chapel Street" in text and "LL61 5UJ" in text
        footer = docx.Document(str(path)).sections[0].footer.paragraphs[0].text
        assert footer.startswith("Freedom of Information request: Risk scoring \u2014 page")
        # "page 1 of 1" never splits: a long subject left the count alone on a second line
        # (python-docx leaves the PAGE and NUMPAGES fields out of the text)
        assert footer.endswith("\u2014 page\u00a0\u00a0of\u00a0")
    assert docx.Document(str(path)).core_properties.title == letter.subject
    assert not any("{{" in t or "{%" in t for t in text)  # no tag left unfilled


@pytest.mark.parametrize("template", ["formal", "email"])
def test_the_closing_paragraph_keeps_the_sign_off_company(tmp_path, template):
    """The last paragraph before "Yours faithfully," keeps with it, so a letter that just fills
    its first page never carries the sign-off and name alone onto a second (seed 003 did)."""
    letter = request_letter(sample_request(), force("the_met"), me(), date=DAY)
    document = docx.Document(str(write_docx(letter, tmp_path / "l.docx", template=template)))
    body = [p for p in document.paragraphs if p.text]
    sign_off = next(i for i, p in enumerate(body) if p.text == "Yours faithfully,")
    closing = body[sign_off - 1]
    assert closing.text == letter.after[-1]

    def keeps(paragraph) -> bool:
        if paragraph.paragraph_format.keep_with_next is not None:
            return paragraph.paragraph_format.keep_with_next
        style = paragraph.style
        while style is not None:
            if style.paragraph_format.keep_with_next is not None:
                return style.paragraph_format.keep_with_next
            style = style.base_style
        return False

    assert keeps(closing) and keeps(body[sign_off])
    assert not keeps(body[sign_off - 2])  # the other clauses may still break across pages


def test_police_scotland_docx_cites_foisa_and_its_limit(tmp_path):
    letter = request_letter(sample_request(), force("police_scotland"), me(), date=DAY)
    text = texts(str(write_docx(letter, tmp_path / "s.docx")))
    assert "Dear Police Scotland," in text
    assert any("Freedom of Information (Scotland) Act 2002" in t for t in text)
    clause = next(t for t in text if "prescribed in regulations made under section 12" in t)
    assert "£600" in clause and "section 15" in clause


@pytest.mark.parametrize("template", ["formal", "email"])
def test_every_character_survives_into_word(tmp_path, template):
    request = nasty_request(200, long=True)
    letter = request_letter(request, force("wmp"), me(name=f"Siân {NASTY}"), date=DAY)
    text = texts(docx_bytes(letter, template))
    # every character as typed, but for the emoji, written as its name (letters.glyphs)
    worded = NASTY.replace("\U0001F600", "(grinning face)")
    numbered = [t for t in text if ".\t" in t and t.split(".\t")[0][:1].isdigit()]
    assert numbered == [f"{i.number}.\t{i.text.replace(NASTY, worded)}" for i in letter.items]
    assert len(numbered) == 400 and numbered[-1] == f"200a.\tSub 199: {worded}"
    assert f"Intro: {worded}" in text
    assert any(t.endswith(" very long") and len(t) > 20000 for t in numbered)
    assert f"Siân {worded}" in text


def test_tabs_and_line_breaks_typed_in_a_part_survive(tmp_path):
    from composer.model import Part

    request = Request(title="x", parts=[Part(text="first line\nsecond\tline")])
    letter = request_letter(request, force("wmp"), me(), date=DAY)
    assert "1.\tfirst line\nsecond\tline" in texts(docx_bytes(letter))


def test_control_characters_never_break_the_document():
    from composer.model import Part

    request = Request(title="Bad\x01", parts=[Part(text="x\x00y\x0cz\x07")])
    letter = request_letter(request, force("wmp"), me(), date=DAY)
    assert "1.\txyz" in texts(docx_bytes(letter))
    letter.items[0].text = "added later \x1b"  # a Letter changed after it was made
    assert "1.\tadded later " in texts(docx_bytes(letter))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_fast_rendering_gives_what_docxtpl_itself_gives(path):
    letter = request_letter(nasty_request(5), force("wmp"), me(), date=DAY)
    context = template_context(letter)
    reference = DocxTemplate(str(path))
    reference.render(context, jinja_env=xml_environment(), autoescape=True)
    out = io.BytesIO()
    reference.save(out)
    ours = PreparedTemplate(path).render(context)
    assert paragraphs(ours) == paragraphs(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        assert archive.testzip() is None
        assert archive.namelist()[0] == "[Content_Types].xml"


# -- the user's own templates -------------------------------------------------------------------


def make_template(path, *lines: str, header: str | None = None):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


def test_list_templates_shows_bundled_and_the_users_own():
    own = make_template(paths.subdir("templates") / "Short note.docx", "{{ salutation }}")
    (paths.subdir("templates") / "~$Short note.docx").write_bytes(b"Word's lock file")
    found = {(t.name, t.builtin): t.path for t in list_templates()}
    assert ("formal", True) in found and ("email", True) in found
    assert found[("Short note", False)] == own
    assert len(found) == 3


def test_a_users_template_named_like_a_bundled_one_is_used_instead():
    own = make_template(paths.subdir("templates") / "formal.docx", "Mine: {{ salutation }}")
    assert find_template("formal").path == own
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY)
    assert texts(docx_bytes(letter, "formal")) == ["Mine: Dear West Midlands Police,"]


def test_a_users_template_with_its_own_layout_renders(tmp_path):
    path = make_template(
        tmp_path / "mine.docx",
        "To {{ recipient }} ({{ act_title }})",
        "{%p for item in items %}",
        "[{{ item.number }}] {{ item.text }}",
        "{%p endfor %}",
        "{{ requester_name }}",
        header="{{ reference }} {{ force_name }}",
    )
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY, reference="REF & 1")
    data = docx_bytes(letter, path)
    assert texts(data)[0] == "To West Midlands Police (Freedom of Information Act 2000)"
    assert texts(data)[1:-1] == [f"[{i.number}] {i.text}" for i in letter.items]
    assert docx.Document(io.BytesIO(data)).sections[0].header.paragraphs[0].text == "REF & 1 West Midlands Police"


def test_a_file_that_is_not_a_docx_is_refused(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("just text", "utf-8")
    with pytest.raises(TemplateProblem, match=r"notes\.docx: is not a Word document \(\.docx\)"):
        check_template(path)
    zipped = tmp_path / "other.docx"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TemplateProblem, match="has no word/document.xml"):
        check_template(zipped)
    doc = tmp_path / "old.docx"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(TemplateProblem, match="old Word .doc file"):
        check_template(doc)


def test_an_unknown_variable_is_refused_naming_it_and_its_paragraph(tmp_path):
    path = make_template(tmp_path / "t.docx", "{{ salutation }}", "Hello", "Phone: {{ phone_number }}")
    with pytest.raises(TemplateProblem) as caught:
        check_template(path)
    message = str(caught.value)
    assert "{{ phone_number }}" in message and "paragraph 3" in message and "t.docx" in message


def test_an_unknown_variable_in_a_header_is_refused_too(tmp_path):
    path = make_template(tmp_path / "t.docx", "{{ salutation }}", header="{{ logo }}")
    with pytest.raises(TemplateProblem, match=r"\{\{ logo \}\} in a header"):
        check_template(path)


def test_a_jinja_syntax_error_is_refused_naming_its_paragraph(tmp_path):
    path = make_template(tmp_path / "t.docx", "{{ salutation }}", "Date: {{ date | }}", "{{ sign_off }}")
    with pytest.raises(TemplateProblem) as caught:
        check_template(path)
    message = str(caught.value)
    assert "Jinja syntax error" in message and "t.docx" in message
    assert "paragraph 2" in message and "Date: {{ date | }}" in message


@pytest.mark.parametrize("lines, said", [
    (["{{ salutation }}", "Broken {{ foo", "Under the {{ act_title }}."], "\u201c{{ foo\u201d, with no }}"),
    (["{{ salutation }}", "Date: {{ date }", "{{ sign_off }}"], "\u201c{{ date }\u201d, with no }}"),
    (["{{ salutation }}", "{% if reference %}", "Ref {{ reference }}"], "with no {% endif %}"),
    (["{%p for item in items %}", "{{ item.text }}"], "with no {% endfor %}"),
    (["{{ salutation }}", "{% endif %}"], "{% endif %} with no {% if %} open"),
])
def test_a_tag_left_open_is_found_before_it_can_swallow_text(tmp_path, lines, said):
    path = make_template(tmp_path / "t.docx", *lines)
    with pytest.raises(TemplateProblem) as caught:
        check_template(path)
    assert said in str(caught.value) and "t.docx" in str(caught.value)


@pytest.mark.parametrize("line, said", [
    ("{% include 'other.docx' %}", "{% include %}"),
    ("{% import 'macros' as m %}", "{% import %}"),
    ("{% from 'macros' import x %}", "{% from %}"),
    ("{{ salutation|safe }}", "|safe"),
])
def test_a_template_may_not_pull_in_files_or_turn_escaping_off(tmp_path, line, said):
    path = make_template(tmp_path / "t.docx", "{{ sign_off }}", line)
    with pytest.raises(TemplateProblem, match="paragraph 2") as caught:
        check_template(path)
    assert f"uses {said}" in str(caught.value)


def test_templates_check_command_refuses_an_unclosed_tag(tmp_path, capsys):
    from composer.cli import main

    path = make_template(tmp_path / "t.docx", "{{ salutation }}", "Broken {{ foo", "the {{ act_title }}}}")
    assert main(["templates", "--check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "tag left open" in err and "Broken {{ foo" in err and "Traceback" not in err


def test_a_letter_over_a_megabyte_of_text_stops_with_a_clear_error(tmp_path):
    path = make_template(tmp_path / "t.docx", "{% for n in range(60000) %}{{ salutation }}{% endfor %}")
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY)
    with pytest.raises(TemplateProblem, match="more than 1 MB of text for one letter"):
        docx_bytes(letter, path)


def test_templates_cannot_reach_into_python(tmp_path):
    path = make_template(tmp_path / "t.docx", "[{{ salutation.__class__ }}]", "[{{ sign_off }}]")
    letter = request_letter(sample_request(), force("wmp"), me(), date=DAY)
    assert texts(docx_bytes(letter, path)) == ["[]", "[Yours faithfully,]"]  # hidden by the sandbox
    path = make_template(tmp_path / "u.docx", "{{ items.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateProblem, match="cannot fill in the body: .*unsafe"):
        docx_bytes(letter, path)


def test_install_template_checks_before_copying(tmp_path):
    good = make_template(tmp_path / "Plain.docx", "{{ salutation }}")
    bad = make_template(tmp_path / "Bad.docx", "{{ nope }}")
    installed = install_template(good)
    assert installed.parent == paths.subdir("templates") and installed.name == "Plain.docx"
    assert install_template(good).name == "Plain (2).docx"  # never over the first
    with pytest.raises(TemplateProblem):
        install_template(bad)
    assert not (paths.subdir("templates") / "Bad.docx").exists()


def test_an_unknown_template_name_lists_the_known_ones():
    with pytest.raises(TemplateProblem, match="no template called 'fancy'; templates: email, formal"):
        find_template("fancy")


@pytest.mark.parametrize("template", ["formal", "email"])
def test_each_letter_has_its_own_title_and_created_date_and_no_blank_thumbnail(template):
    letter = request_letter(sample_request(), force("police_scotland"), me(), date=DAY)
    data = docx_bytes(letter, template)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == letter.subject
    assert props.created.date() == DAY and props.modified.date() == DAY
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert not any("thumbnail" in n for n in names)
        assert b"thumbnail" not in archive.read("_rels/.rels")
        assert archive.testzip() is None


def test_a_broken_template_of_yours_says_it_is_yours_and_how_to_get_past_it():
    """QA-S9: a file in your templates folder named formal.docx that is not a Word file (a
    download gone wrong) stopped every export with "is not a Word document (.docx): it has no
    word/document.xml", and nothing said it was your own file standing in for the bundled one,
    or what to do."""
    import zipfile as zf

    from composer.letters import TemplateProblem, load_template

    mine = paths.subdir("templates") / "formal.docx"
    with zf.ZipFile(mine, "w") as archive:
        archive.writestr("photo.jpg", b"not a letter")
    with pytest.raises(TemplateProblem) as caught:
        load_template("formal")
    message = str(caught.value)
    assert "no word/document.xml" in message and str(paths.subdir("templates")) in message, message
    assert "move it out of that folder to use the bundled 'formal' again" in message, message
