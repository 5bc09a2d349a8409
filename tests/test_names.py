"""People's names in a shared template: read where a letter puts them, taken out wherever they are
written, said in the removal list, and never read out of ordinary request wording."""

from __future__ import annotations

import json

import pytest

from composer.library import find_names, names_removed, strip_personal_data
from composer.model import Part, Request, Requester


def shared_intro(text: str, requester: Requester | None = None, keep=()) -> tuple[str, list[str]]:
    shared, removed = strip_personal_data(
        Request(title="t", introduction=text, parts=[Part(text="Does the force use it?")]), requester, keep)
    return shared.introduction, removed


@pytest.mark.parametrize("written, cleaned", [
    ("My name is Jane Doe and I research policing.", "My name is [your name] and I research policing."),
    ("My name's Siân O'Brien-Ní Dhómhnaill.", "My name's [your name]."),
    ("Name: Jane Doe\nI am asking about risk scores.", "Name: [your name]\nI am asking about risk scores."),
    ("I am Jane Doe, a researcher.", "I am [your name], a researcher."),
    ("Please answer promptly. Yours sincerely, Jane Doe", "Please answer promptly. Yours sincerely, [your name]"),
    ("Please answer.\n\nYours faithfully,\n\nJane Doe\n", "Please answer.\n\nYours faithfully,\n\n[your name]\n"),
    ("Please answer.\nKind regards\nJane", "Please answer.\nKind regards\n[your name]"),
    ("Please answer.\nThanks,\nJ. Doe", "Please answer.\nThanks,\n[your name]"),
    ("Please answer.\nYours faithfully,\nJANE DOE", "Please answer.\nYours faithfully,\n[your name]"),
    ("Name: JANE DOE\nI am asking about risk scores.", "Name: [your name]\nI am asking about risk scores."),
    ("Atebwch os gwelwch yn dda.\nDiolch yn fawr,\nSiân Jones", "Atebwch os gwelwch yn dda.\nDiolch yn fawr,\n[your name]"),
    ("Yn gywir,\n\nDafydd ap Gwilym", "Yn gywir,\n\n[your name]"),
])
def test_the_writers_own_name_goes_with_no_profile(written, cleaned):
    text, removed = shared_intro(written)
    assert text == cleaned
    assert len(removed) == 1 and removed[0].startswith("your name (\u201c") and removed[0].endswith(
        "in the introduction"), removed


@pytest.mark.parametrize("written, cleaned, name", [
    ("I write on behalf of my client Mr A. Khan, who was scored.",
     "I write on behalf of my client [name], who was scored.", "Mr A. Khan"),
    ("I write on behalf of Priya Sharma.", "I write on behalf of [name].", "Priya Sharma"),
    ("I am acting for Anna van der Berg.", "I am acting for [name].", "Anna van der Berg"),
    ("My son Tom was stopped twice.", "My son [name] was stopped twice.", "Tom"),
    ("Dear Ms Smith,\nplease answer.", "Dear [name],\nplease answer.", "Ms Smith"),
    ("Dear Jane,\nplease answer.", "Dear [name],\nplease answer.", "Jane"),
    ("Did Dr Helen Wright review the DPIA?", "Did [name] review the DPIA?", "Dr Helen Wright"),
    ("Was Mrs O’Neill told?", "Was [name] told?", "Mrs O’Neill"),
    ("Were Mr Khan's records shared?", "Were [name]'s records shared?", "Mr Khan"),
    # a police rank, as the checker reads one, stays: it says what is asked and not who
    ("Did PC Smith file it? Smith said so.", "Did PC [name] file it? [name] said so.", "PC Smith"),
    ("Was DCI Jane Hunt told?", "Was DCI [name] told?", "DCI Jane Hunt"),
    ("Did Supt. Rose approve it?", "Did Supt. [name] approve it?", "Supt. Rose"),
])
def test_someone_elses_name_goes_where_a_letter_puts_it(written, cleaned, name):
    text, removed = shared_intro(written)
    assert text == cleaned
    assert removed == [f"a name (\u201c{name}\u201d) in the introduction"]
    assert names_removed(removed) == [name]


@pytest.mark.parametrize("text", [
    "Dear Sir/Madam,\nplease answer.",
    "Dear Sir or Madam, please answer.",
    "Dear FOI Team, please answer.",
    "Dear Freedom of Information Officer,\nplease answer.",
    "Dear West Midlands Police, please answer.",
    "Dear Colleague, please answer.",
    "I write on behalf of Big Brother Watch.",
    "I write on behalf of the Bureau of Investigative Journalism.",
    "I write on behalf of Liberty.",
    "I write on behalf of Thames Valley Police and Greater Manchester.",
    "I write on behalf of Greater Manchester residents.",
    "Please search my client's records and my son's school's reports.",
    "Has the Chief Constable approved it? Has the Lord Advocate? The Home Secretary?",
    "In the judgment of Mr Justice Fordham the policy was lawful.",
    "How many joined the Police Constable Degree Apprenticeship? Were there Inspector Vacancies?",
    "PC A gave evidence that DC B was present.",
    "How many officers at Commander Level or above? At Superintendent Grade?",
    "I am writing to request information. I am Head of Research at a charity.",
    "I am Not Sure which unit holds it.",
    "Please answer.\nKind regards,\nThe Predictive Policing Team",
    "Please answer.\nKind regards,\nFOI TEAM",
    "Please answer.\nRegards\nBBW",
    "Cofion,\nCymdeithas yr Iaith",
    "Many thanks for your help with this.",
    "Best Value reviews of the system, please.",
    "Thanks\n\n1. How many people were scored?",
    "Was this request from West Midlands Police or sent by the Home Office?",
    "The station is at 12 Acacia Dr, Leeds, near St Helens Road.",
    "The station is at 12 Acacia Dr Leeds, and 3a Kings Heath Dr. Birmingham.",
    "How many stop and searches in 2024 by ethnicity, under s12 and s40(2), with a DPIA?",
])
def test_ordinary_request_wording_is_left_alone(text):
    assert shared_intro(text) == (text, [])


def test_a_name_found_once_goes_wherever_it_is_written():
    request = Request(title="Request from Jane Doe about V100",
                      introduction="My name is Jane Doe.",
                      parts=[Part(text="Was Ms Doe's earlier request answered?"),
                             Part(text="Did you tell Jane that it was?"),
                             Part(text="Give J. Doe the figures.")])
    shared, removed = strip_personal_data(request, None)
    assert shared.title == "Request from [your name] about V100"
    assert [p.text for p in shared.parts] == ["Was [your name]'s earlier request answered?",
                                              "Did you tell [your name] that it was?", "Give [your name] the figures."]
    assert [line.rsplit(" in ", 1)[1] for line in removed] == ["the title", "the introduction", "part 1",
                                                             "part 2", "part 3"]


def test_the_profiles_name_is_said_as_before_and_not_twice():
    me = Requester(name="Jane Doe", email="jane@example.org")
    text, removed = shared_intro("My name is Jane Doe. Yours sincerely, Jane Doe", me)
    assert text == "My name is [your name]. Yours sincerely, [your name]"
    assert removed == ["your name in the introduction"]


def test_an_office_holder_is_taken_out_and_said_so_and_can_be_kept():
    text = ("Has the Chief Constable, Sir Craig Guildford, approved it? Has Sir Mark Rowley, the "
            "Commissioner, commented?")
    cleaned, removed = shared_intro(text)
    assert cleaned == "Has the Chief Constable, [name], approved it? Has [name], the Commissioner, commented?"
    assert removed == [
        "a name (\u201cSir Craig Guildford\u201d, named with a public office, \u201cChief Constable\u201d: "
        "keep it if you mean the office-holder) in the introduction",
        "a name (\u201cSir Mark Rowley\u201d, named with a public office, \u201cCommissioner\u201d: "
        "keep it if you mean the office-holder) in the introduction"]
    kept, removed = shared_intro(text, keep=["Sir Mark Rowley", "craig guildford"])
    assert kept == text and removed == []
    ranked = "Has Assistant Chief Constable Rhoda Small seen it?"
    cleaned, removed = shared_intro(ranked)
    assert cleaned == "Has Assistant Chief Constable [name] seen it?"
    assert names_removed(removed, offices=True) == ["Assistant Chief Constable Rhoda Small"]
    assert shared_intro(ranked, keep=names_removed(removed)) == (ranked, [])
    assert [n.office for n in find_names(text)] == ["Chief Constable", "Commissioner"]


def test_names_in_every_place_a_request_holds_text(tmp_path):
    request = Request(title="Dr Helen Wright's review", introduction="On behalf of Priya Sharma.",
                      parts=[Part(text="Did Mr A. Khan ask?", subparts=[Part(text="Was Priya told?")])],
                      fields={"reviewer": "Dr Helen Wright"})
    request.options.format_wording = "As CSV, as Mr A. Khan asked."
    shared, removed = strip_personal_data(request, None)
    dumped = shared.model_dump_json()
    for trace in ("Wright", "Khan", "Priya", "Sharma"):
        assert trace not in dumped, trace
    assert {line.rsplit(" in ", 1)[1] for line in removed} == {
        "the title", "the introduction", "part 1", "part 1a", "your format wording", "field reviewer"}


def test_library_export_with_no_profile_says_what_it_removes_and_keeps_a_name_asked_for(tmp_path, capsys):
    """PRIVACY-S11: a request pasted from a letter signed 'Jane Doe', with no profile, reached the
    shared template with the writer's name in its title and introduction, and a client's name."""
    from composer.cli import main
    from composer.library import save_request

    request = Request(title="Request from Jane Doe",
                      introduction="My name is Jane Doe. I write for my client Mr A. Khan.",
                      parts=[Part(text="Has Sir Mark Rowley, the Commissioner, seen the DPIA?")])
    assert main(["library", "save", str(save_request(tmp_path / "r.foi.json", request)), "--name", "R"]) == 0
    out = tmp_path / "shared.foi.json"
    capsys.readouterr()
    assert main(["library", "export", "R", "-o", str(out), "--keep-wording", "--dry-run"]) == 0
    said = capsys.readouterr()
    assert not out.exists() and "nothing written" in said.out
    assert "removed: your name (\u201cJane Doe\u201d) in the title" in said.err
    assert "removed: a name (\u201cMr A. Khan\u201d) in the introduction" in said.err
    assert 'e.g. --keep-name "Sir Mark Rowley"' in said.err

    assert main(["library", "export", "R", "-o", str(out), "--keep-wording", "--keep-name", "Sir Mark Rowley"]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["title"] == "Request from [your name]"
    assert data["introduction"] == "My name is [your name]. I write for my client [name]."
    assert data["parts"][0]["text"] == "Has Sir Mark Rowley, the Commissioner, seen the DPIA?"


def test_importing_a_signed_letter_with_no_profile_says_where_the_signers_name_is(tmp_path, capsys):
    """PRIVACY-S11: with no profile, a letter signed 'Jane Doe' and naming her in a part lost its
    sign-off on import and the note said nothing of the name left in the part."""
    from composer.cli import main

    letter = tmp_path / "mine.txt"
    letter.write_text("Dear Sir/Madam,\n\n1. Please treat this as linked to Jane Doe's request of May.\n"
                      "2. Does the force use a risk score?\n\nYours sincerely,\nJane Doe\n", "utf-8")
    assert main(["import", str(letter), "-o", str(tmp_path / "r.foi.json")]) == 0
    assert "the wording holds personal details (your name in the title; your name in part 1)" in capsys.readouterr().err
    letter.write_text("Dear Sir/Madam,\n\n1. Does the force use a risk score?\n\nYours sincerely,\nJane Doe\n", "utf-8")
    assert main(["import", str(letter), "-o", str(tmp_path / "s.foi.json")]) == 0
    assert "personal details" not in capsys.readouterr().err


def test_a_real_page_pasted_whole_loses_the_names_it_is_signed_and_addressed_with():
    """Seed 003 is a real page: a request with its sign-off, then replies signed by officers and
    addressed to the requester. Pasted whole into a request's introduction (the import would drop
    the sign-offs itself) and shared with no profile, none of the names read in the page is left
    (the names are read at run time: none is written here)."""
    from conftest import seed_text

    from composer.operations.fitting import shareable

    text = seed_text("003")
    names = find_names(text)
    assert len(names) >= 3  # the control: the page names people where letters put names
    pasted = Request(title="Pasted", introduction=text, parts=[Part(text="Does the force use it?")])
    assert all((n.plain or n.name).split()[-1] in pasted.introduction for n in names)
    shared, removed, _ = shareable(pasted, None, keep_wording=True)
    for name in names:
        assert (name.plain or name.name).split()[-1] not in shared.introduction, name.name
    assert sum("name (" in line for line in removed) >= len(names) - 1  # "Mr X" goes with "Y X"


@pytest.mark.parametrize("written, cleaned", [
    ("I live at 12 Acacia Avenue, Leeds LS6 2AB; call me on 07700 900123.",
     "I live at [your address] [postcode]; call me on [phone number]."),
    ("My address is 3 Kings Heath Road, Birmingham. Please reply by email.",
     "My address is [your address]. Please reply by email."),
    ("Address: Flat 2, 14 High St, Leeds\nPlease reply by email.", "Address: [your address]\nPlease reply by email."),
    ("I live at Rose Cottage, Kings Heath, B14 7QT.", "I live at [your address], [postcode]."),
])
def test_the_writers_address_goes_with_no_profile_where_a_letter_gives_it(written, cleaned):
    request = Request(title="t", introduction=written,
                      parts=[Part(text="Were searches in Leeds recorded at 12 Acacia Ave or on Kings Heath Road?")])
    shared, removed = strip_personal_data(request, None)
    assert shared.introduction == cleaned
    assert any(line.startswith("your address (\u201c") and line.endswith("in the introduction") for line in removed)
    # the same address written elsewhere goes too; the town alone is any place's name and stays
    assert "Leeds" in shared.parts[0].text
    assert ("Acacia" in written) != ("Acacia" in shared.parts[0].text)
    assert ("Kings Heath Road" in written) != ("Kings Heath Road" in shared.parts[0].text)


@pytest.mark.parametrize("text", [
    "I live at home with my parents.",
    "We live at the edge of town, so response times matter.",
    "Did the force record that my address is wrong?",
    "How many searches took place at 1 Bridge Street custody suite?",
])
def test_wording_that_gives_no_address_of_the_writer_is_left_alone(text):
    assert shared_intro(text) == (text, [])
