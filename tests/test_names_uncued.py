"""A person's name with no title or cue before it ("I am also helping Priya Sharma", "Jane Doe – VHA"
in a title) is taken out of a shared template where a known first name starts it; the names of
systems, places, laws and forces are not. What it cannot find is said wherever removals are listed."""

from __future__ import annotations

import json

import pytest

from composer.library import UNFOUND_NAMES, find_names, save_request, strip_personal_data
from composer.model import Part, Request

pytest.importorskip("gender_guesser", reason="gender-guesser, declared in pyproject.toml, is not installed in this "
                    "environment: pip install -e '.[test]' again")

FOUND = [  # (text, the name found)
    ("I am also helping Priya Sharma with her request.", "Priya Sharma"),
    ("Jane Doe \u2013 VHA: live facial recognition", "Jane Doe"),
    ("The request was drafted with Aisha Khan of the residents' association.", "Aisha Khan"),
    ("At the time Martin Hewitt said the review would report in 2022.", "Martin Hewitt"),
    ("Copies of letters from Siobhan O'Neill to the force.", "Siobhan O'Neill"),
]


@pytest.mark.parametrize("text, name", FOUND)
def test_a_name_a_known_first_name_starts_is_found_with_no_cue(text, name):
    assert [n.name for n in find_names(text)] == [name]


KEPT = [  # systems, products, places, laws, forces, months and words that open a sentence
    "Has the force used Palantir Gotham, Clearview AI or Live Facial Recognition?",
    "Did Amazon Rekognition or Microsoft Azure process any images?",
    "Under Clare's Law and Sarah's Law, how many disclosures were made near Victoria Station?",
    "Will Kent Police share data with Thames Valley Police?",
    "Please provide the Harm Assessment Risk Tool evaluation and the Gangs Violence Matrix audit.",
    "How many Sexual Harm Prevention Orders were discharged? In April 2020 the review began.",
    "Which London Borough councils receive the data? Are Avon and Somerset Police among them?",
    "Please send the Jane Doe Review and the Deep Learning software licence.",
    "Has the Grace Period ended for the Red Lion premises licence?",
]


@pytest.mark.parametrize("text", KEPT)
def test_names_of_systems_places_laws_and_forces_are_kept(text):
    assert find_names(text) == []


def test_the_shared_template_loses_the_names_and_keeps_the_rest():
    request = Request(title="Jane Doe \u2013 VHA: live facial recognition",
                      introduction="I am also helping Priya Sharma.",
                      parts=[Part(text="Has the force used Palantir Gotham? Did Priya Sharma's complaint reach you?")])
    shared, removed = strip_personal_data(request, None)
    assert shared.title == "[name] \u2013 VHA: live facial recognition"
    assert shared.introduction == "I am also helping [name]."
    assert shared.parts[0].text == "Has the force used Palantir Gotham? Did [name]'s complaint reach you?"
    assert "Priya" not in shared.model_dump_json() and "Jane" not in shared.model_dump_json()
    assert any("\u201cPriya Sharma\u201d" in line for line in removed)


def test_the_export_says_which_names_it_cannot_find(tmp_path, capsys):
    from composer.cli import main

    request = Request(title="Request", parts=[Part(text="I am also helping Priya Sharma: has the force used LFR?")])
    assert main(["library", "save", str(save_request(tmp_path / "r.foi.json", request)), "--name", "R"]) == 0
    out = tmp_path / "shared.foi.json"
    capsys.readouterr()
    assert main(["library", "export", "R", "-o", str(out), "--keep-wording"]) == 0
    said = capsys.readouterr().err
    assert "removed: a name (\u201cPriya Sharma\u201d) in part 1" in said
    assert f"note: {UNFOUND_NAMES}" in said
    assert "a surname alone" in UNFOUND_NAMES and "lacks" in UNFOUND_NAMES
    assert "Priya" not in json.dumps(json.loads(out.read_text("utf-8")))
