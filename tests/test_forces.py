from __future__ import annotations

import json

import pytest

from composer.errors import NotSubjectToFOI, UnknownForce
from composer.forces import load_directory, save_override
from composer.model import Act, Nation


def test_directory_has_every_body_subject_to_foi():
    d = load_directory()
    assert len(d.forces) == 49
    assert len(d.group("territorial")) == 45
    assert len({f.id for f in d.forces}) == 49
    ids = {f.id for f in d.forces}
    assert {"the_met", "wmp", "police_scotland", "psni", "btp", "mdp", "cnc",
            "northern_ireland_policing_board"} <= ids


def test_acts_and_groups():
    d = load_directory()
    assert [f.id for f in d.group("scotland")] == ["police_scotland"]
    assert all(f.act is Act.FOIA for f in d.forces if f.id != "police_scotland")
    assert d.get("police_scotland").act is Act.FOISA
    assert len(d.group("wales")) == 4
    assert len(d.group("england")) == 39
    assert {f.id for f in d.group("northern-ireland")} == {"psni", "northern_ireland_policing_board"}
    assert all(f.nation is Nation.UK for f in d.group("national"))


def test_every_address_is_dated_when_known():
    for force in load_directory().forces:
        assert (force.foi_email is None) == (force.email_checked is None), force.id


def test_matches_the_shared_listing(shared_listing=None):
    from conftest import shared_file

    listing = {b["WDTK_ID"]: b for b in json.loads(shared_file("data", "police-bodies-2023.json").read_text())}
    for force in load_directory().forces:
        assert force.id in listing, force.id
        source = listing[force.id]["FOI_Email_Address"]
        if force.foi_email:
            assert force.foi_email == source


def test_resolve_specs():
    d = load_directory()
    assert [f.id for f in d.resolve("wmp, the_met,wmp")] == ["wmp", "the_met"]
    assert len(d.resolve("all")) == 49
    assert len(d.resolve("wales,police_scotland")) == 5


def test_nca_is_refused_with_the_reason():
    with pytest.raises(NotSubjectToFOI, match="not subject to the Freedom of Information Act"):
        load_directory().resolve("wmp,nca")


def test_unknown_force_suggests_close_ids():
    with pytest.raises(UnknownForce, match="did you mean wmp"):
        load_directory().get("wmpp")
    with pytest.raises(UnknownForce, match="unknown group"):
        load_directory().group("mars")


def test_user_override_is_laid_over_and_a_broken_one_set_aside(data_home):
    force = load_directory().get("gloucestershire_police").model_copy(
        update={"foi_email": "foi@example.org"})
    save_override(force)
    assert load_directory().get("gloucestershire_police").foi_email == "foi@example.org"
    (data_home / "forces.json").write_text("{not json")
    assert load_directory().get("gloucestershire_police").foi_email is None
    assert list((data_home / ".set-aside").iterdir())


def test_the_directory_is_read_once_and_afresh_when_a_file_changes(data_home, monkeypatch):
    from composer import storage
    from composer.force_names import force_by_id

    save_override(load_directory().get("kent_police").model_copy(update={"foi_email": "one@example.org"}))
    reads = []
    real = storage.read_json
    monkeypatch.setattr(storage, "read_json", lambda *a, **k: reads.append(a) or real(*a, **k))
    assert force_by_id("kent_police").foi_email == "one@example.org"
    for _ in range(50):  # a keystroke's worth of look-ups
        assert force_by_id("kent_police").foi_email == "one@example.org"
    assert len(reads) <= 1
    # The user corrects the address again (or a test swaps the file): the next look-up sees it.
    save_override(load_directory().get("kent_police").model_copy(update={"foi_email": "two@example.org"}))
    assert force_by_id("kent_police").foi_email == "two@example.org"
    (data_home / "forces.json").unlink()
    assert force_by_id("kent_police").foi_email != "two@example.org"
    assert force_by_id("nowhere_police") is None


def test_another_data_folder_has_its_own_corrections(tmp_path, monkeypatch):
    save_override(load_directory().get("essex_police").model_copy(update={"foi_email": "mine@example.org"}))
    assert load_directory().get("essex_police").foi_email == "mine@example.org"
    other = tmp_path / "other-home"
    other.mkdir()
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(other))
    assert load_directory().get("essex_police").foi_email != "mine@example.org"


def test_a_force_gives_its_officers_from_its_strength():
    directory = load_directory()
    met = directory.get("the_met")
    assert met.officers == met.strength.officers
    assert met.model_copy(update={"strength": None}).officers is None


# Police forces whose officers no published figure since 2020 gives (see resources/forces.json's
# "about"): the checker would estimate them as a middling force. None is left; a force whose figure
# is taken out goes here.
NO_FIGURE_FOUND: set[str] = set()
# Police forces whose figure is full-time equivalent at 31 March 2025 (27 territorial forces of
# England and Wales, BTP and Police Scotland); the other 19 give another date or measure and say why.
# Finding one more means changing it here.
AT_31_MARCH_2025_FTE = 29


def test_every_police_force_has_a_strength_with_its_source_measure_and_date():
    import re
    from datetime import date

    directory = load_directory()
    police = [f for f in directory.forces if f.kind.value in ("territorial", "national")]
    assert len(police) == 48
    assert {f.id for f in police if f.strength is None} == NO_FIGURE_FOUND
    for force in police:
        strength = force.strength
        if strength is None:
            continue
        assert re.search(r"https?://\S+", strength.source), force.id
        assert 900 <= strength.officers <= 35000, force.id  # City of London ~1,000 … the Met ~33,000
        assert strength.as_at is None or date(2020, 1, 1) <= strength.as_at <= date(2025, 12, 31), force.id
        if not (strength.measure == "FTE" and strength.as_at == date(2025, 3, 31)):
            # another measure or date: the source says why the preferred one is not there
            assert re.search(r"\bno\b[^.;]*\bfound\b|not found", strength.source), force.id
    # One measure and one date wherever it was published and found.
    preferred = [f for f in police if f.strength and f.strength.measure == "FTE"
                 and f.strength.as_at == date(2025, 3, 31)]
    assert len(preferred) == AT_31_MARCH_2025_FTE
    home_office = [f for f in preferred if f.kind.value == "territorial" and f.nation.value in ("england", "wales")]
    assert sum(f.strength.officers for f in home_office) <= 146_442  # the E&W total of the 43 forces
    size = {f.id: f.officers for f in police if f.strength}
    assert size["the_met"] > size["police_scotland"] > size["wmp"] > size["kent_police"] > size["city_of_london_police"]
    assert directory.get("northern_ireland_policing_board").strength is None  # a board has no officers
