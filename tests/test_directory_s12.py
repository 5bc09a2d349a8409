"""Session 12: the force directory's facts about who runs and who oversees each body (the chief
officer's title, the policing body), the Scottish Police Authority, and the sources each keeps."""

from __future__ import annotations

from composer.forces import load_directory
from composer.model import ForceKind


def _sources(force, fact: str) -> list[str]:
    return [c.source for c in force.checked if c.fact == fact]


def test_every_force_has_a_chief_officer_title_with_its_statute():
    for force in load_directory().forces:
        if force.kind is ForceKind.OVERSIGHT:
            assert force.chief_officer is None and force.chief_office is None, force.id
            continue
        assert force.chief_officer in {"Chief Constable", "Commissioner"}, force.id
        sources = _sources(force, "chief_officer")
        assert len(sources) == 1 and "legislation.gov.uk" in sources[0], force.id


def test_only_the_two_london_forces_are_led_by_a_commissioner():
    led_by_commissioner = {f.id for f in load_directory().forces if f.chief_officer == "Commissioner"}
    assert led_by_commissioner == {"the_met", "city_of_london_police"}


def test_the_office_as_a_sentence_names_it():
    directory = load_directory()
    assert directory.get("kent_police").chief_office == "the Chief Constable of Kent Police"
    assert directory.get("psni").chief_office == "the Chief Constable of the Police Service of Northern Ireland"
    assert directory.get("the_met").chief_office == "the Commissioner of Police of the Metropolis"
    assert directory.get("city_of_london_police").chief_office == "the Commissioner of Police for the City of London"
    assert directory.get("Police Scotland").chief_office == "the Chief Constable of Police Scotland"
