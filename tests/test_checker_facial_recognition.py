"""Live facial recognition deployments: a short log each force that uses it keeps and publishes, not a search
of custody images; where it was used is published afterwards, where it will be used next is a tactic.
Sentences written for these tests."""

from __future__ import annotations

from composer.checker import check
from composer.forces import load_directory
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def _found(text: str, force: str = "kent_police"):
    request = Request(title="Facial recognition", parts=[Part(text=text)])
    return {(f.rule, f.severity) for f in check(request, force=load_directory().get(force), requester=JANE)}


def test_counting_past_deployments_and_their_alerts_is_a_look_up_not_hours_of_reading():
    for text in ("How many times did the force deploy live facial recognition cameras in 2024, and at which "
                 "locations?",
                 "For each live facial recognition deployment in 2024, how many alerts were false alerts?"):
        found = _found(text)
        assert not {rule for rule, severity in found if severity == "warning"} & {"cost.estimate",
                                                                                  "exemption.subject"}, text


def test_where_it_will_be_deployed_next_is_still_a_tactic():
    found = _found("Please give the dates and locations of the force's planned live facial recognition "
                   "deployments in 2027.")
    assert ("exemption.subject", "warning") in found


def test_custody_image_searches_are_still_read_as_custody_images():
    found = _found("How many retrospective facial recognition searches of custody images did the force run in "
                   "each year from 2015 to 2024, and for each, why was it run?")
    assert ("cost.estimate", "warning") in found
