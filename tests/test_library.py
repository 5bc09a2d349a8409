from __future__ import annotations

import json

import pytest

from composer.errors import ComposerError, FileProblem
from composer.library import Library, load_request, save_request, slug, strip_personal_data, write_template
from composer.model import SCHEMA_VERSION, Part, Request, Requester
from composer.operations.fitting import shareable


def req(title="Predictive policing", *texts):
    return Request(title=title, parts=[Part(text=t) for t in (texts or ("Q1",))])


def test_save_list_load(data_home):
    lib = Library()
    path = lib.save(req("A: test/1?"))
    assert path.parent == data_home / "library"
    assert path.name == "A test 1.foi.json"
    listing = lib.list()
    assert [e.name for e in listing.entries] == ["A test 1"]
    assert lib.load("A test 1").title == "A: test/1?"
    # human-readable with a schema version
    data = json.loads(path.read_text("utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION and data["parts"][0]["text"] == "Q1"


def test_a_broken_file_is_set_aside_and_the_rest_load(data_home):
    lib = Library()
    lib.save(req("Good"))
    bad = lib.root / "Bad.foi.json"
    bad.write_text('{"schema_version": 1, "parts": "nope"}')
    newer = lib.root / "Newer.foi.json"
    newer.write_text('{"schema_version": 7}')
    listing = lib.list()
    assert [e.name for e in listing.entries] == ["Good"]
    assert len(listing.problems) == 2
    assert any("newer FOI Composer" in p and "left where it is" in p for p in listing.problems)
    kept = sorted(p.name.split(".foi.json")[0] for p in (lib.root / ".set-aside").iterdir())
    assert kept == ["Bad"]  # a newer app's file is not damaged: it stays for that app
    assert newer.exists()
    assert "nope" in next((lib.root / ".set-aside").glob("Bad*")).read_text()
    # asked for by name, it says where the damaged file went
    with pytest.raises(ComposerError, match=r"no request called 'Bad'.*set aside as .*\.set-aside.*move it back"):
        lib.load("Bad")


def test_delete_goes_to_the_bin_and_restores():
    lib = Library()
    lib.save(req("Keep me"))
    lib.delete("Keep me")
    assert lib.list().entries == []
    assert [p.name for p in lib.binned()] == ["Keep me.foi.json"]
    lib.restore("Keep me")
    assert lib.load("Keep me").title == "Keep me"


def test_duplicate_and_rename_never_overwrite():
    lib = Library()
    lib.save(req("One"))
    lib.save(req("Two"))
    copy = lib.duplicate("One")
    assert copy.name == "One (copy).foi.json"
    with pytest.raises(ComposerError, match="already exists"):
        lib.rename("One", "Two")
    lib.rename("One", "Three")
    assert sorted(e.name for e in lib.list().entries) == ["One (copy)", "Three", "Two"]


def test_missing_names_are_clear():
    with pytest.raises(ComposerError, match="no request called 'x'"):
        Library().load("x")


def test_shared_template_has_no_personal_data(tmp_path):
    lib = Library()
    me = Requester(name="Jo Bloggs", email="jo@example.org", postal_address=["1 High St", "Leeds LS1 4AB"])
    request = Request(
        title="VHA",
        introduction="I am Jo Bloggs of 1 High St; reply to jo@example.org or 07700 900123.",
        parts=[Part(text="Does {force_name} use the VHA? Contact jo.b@example.org")],
        notes="sent by Jo on Tuesday",
    )
    lib.save(request)
    out = tmp_path / "shared.foi.json"
    shared, removed, _ = shareable(lib.load("VHA"), me)
    write_template(shared, out)
    text = out.read_text("utf-8")
    for secret in ("Jo Bloggs", "jo@example.org", "1 High St", "07700", "jo.b@example.org", "Tuesday"):
        assert secret not in text
    assert "{force_name}" in text
    assert "private notes" in removed
    # and it imports back as a valid request under a free name
    path, _ = lib.import_template(out)
    assert path.name == "VHA (2).foi.json"
    assert load_request(path).parts[0].text.startswith("Does {force_name} use the VHA?")


def test_import_refuses_what_is_not_a_request(tmp_path):
    bad = tmp_path / "evil.foi.json"
    bad.write_text('{"schema_version": 1, "__class__": "os.system", "parts": []}')
    with pytest.raises(FileProblem, match="not a valid FOI Composer request"):
        Library().import_template(bad)
    assert Library().list().entries == []


def test_strip_leaves_ordinary_text_alone():
    request = req("t", "How many stop and searches in 2024, by ethnicity?")
    shared, removed = strip_personal_data(request, Requester(name="Al"))
    assert shared.parts[0].text == request.parts[0].text and removed == []


def test_slug_is_safe_everywhere():
    assert slug('a<b>c:"d"/e\\f|g?h*') == "a b c d e f g h"
    assert slug("  ...  ") == "Untitled request"
    assert len(slug("x" * 500)) == 80


def test_a_version_1_file_opens_and_is_written_back_in_the_current_format(tmp_path):
    old = tmp_path / "old.foi.json"
    old.write_text('{"schema_version": 1, "kind": "foi-request", "title": "Old", '
                   '"parts": [{"id": "a1", "text": "Do you use it?"}]}', "utf-8")
    request = load_request(old)
    assert request.forces == [] and request.parts[0].text == "Do you use it?"
    request.forces = ["West_Midlands_Police ", "the_met", "west_midlands_police"]
    save_request(old, request)
    data = json.loads(old.read_text("utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["forces"] == ["west_midlands_police", "the_met"]


def test_a_saved_request_keeps_the_forces_it_goes_to_and_a_shared_template_names_none(tmp_path):
    # TEMPL-S11: beside the counts of what forces did that a template carries, the sender's forces
    # would say which forces those were; whoever receives it chooses their own.
    lib = Library()
    lib.save(Request(title="VHA", parts=[Part(text="Q")], forces=["the_met", "west_midlands_police"]))
    assert lib.load("VHA").forces == ["the_met", "west_midlands_police"]
    write_template(shareable(lib.load("VHA"), Requester(name="Ann Example"))[0], tmp_path / "vha.foi.json")
    assert load_request(tmp_path / "vha.foi.json").forces == []
    assert "the_met" not in (tmp_path / "vha.foi.json").read_text()
    # One an older app shared with its sender's forces in it is imported without them.
    old = Request(title="Old", parts=[Part(text="Q")], forces=["the_met"])
    (tmp_path / "old.foi.json").write_bytes(old.model_dump_json().encode())
    added, _ = lib.import_template(tmp_path / "old.foi.json")
    assert load_request(added).forces == []


def test_a_force_name_is_not_taken_for_a_force_id():
    with pytest.raises(ValueError, match="'West Midlands' is not a force id"):
        Request(forces=["West Midlands"])
