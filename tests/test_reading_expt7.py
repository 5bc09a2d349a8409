"""Exemptions, personal data and asking, read from principles rather than from one example.

Each principle has sentences that must change and, beside them, the nearest sentences that must not.
Every sentence is written for this test, on subjects of its own; each must-change asserts the reading
fact that explains the change as well as the finding.
"""

from __future__ import annotations

import pytest

from composer.checker import check
from composer.checker.exemption import subjects_in
from composer.checker.reading import read_text
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def findings(*parts: str, intro: str = ""):
    request = Request(introduction=intro or None, parts=[Part(text=t) for t in parts])
    return check(request, requester=JANE)


def loud(*parts: str, intro: str = "") -> dict[str, list]:
    """{rule: [findings]} for each warning or error."""
    out: dict[str, list] = {}
    for f in findings(*parts, intro=intro):
        if f.severity in ("warning", "error"):
            out.setdefault(f.rule, []).append(f)
    return out


def security(text: str) -> tuple[bool, bool] | None:
    """(found, softened) for the security-bodies subject in `text`, or None when it is not touched."""
    for subject, _span, softened in subjects_in(text):
        if subject.id == "security-bodies":
            return True, softened
    return None


# -- E: the protected subject must be what is asked ---------------------------------------------
# Counts of justice outcomes for an offence are criminal justice figures, whatever the word order and
# wherever the period comes from; an office-holder writing or receiving official letters is not their subject.

OFFENCE_COUNTS = [
    ("Since 2018, how many people has the force reported to the prosecutor for inviting support for a proscribed "
     "organisation?",),
    ("In each year from 2016 to 2020, the number of recommendations to prosecute made for offences under section 12 "
     "of the Terrorism Act.",),
    ("Prosecutions for membership of a proscribed organisation: how many since 2015?",),
    ("How many people were cautioned for collecting information useful to terrorists?",),
    # a follow-up with no period of its own, borrowing the first part's
    ("How many people were arrested under the Terrorism Act 2000 in 2021?",
     "And how many of them were charged with belonging to a proscribed organisation?"),
    ("Terrorism charges brought by the force in 2019 and 2020: the number for each year.",),
]


@pytest.mark.parametrize("parts", OFFENCE_COUNTS)
def test_counts_of_terrorism_offences_are_not_security_body_information(parts):
    assert security(parts[-1]) == (True, True)  # the subject is read, and read as a published count
    assert "exemption.subject" not in loud(*parts)


SECURITY_ASKED = [
    "Has the force passed intelligence about the organisation to MI5?",
    "How many arrests were made by the force in 2019 after tip-offs from the Security Service?",
    "How many officers work in the Special Branch office at the port?",
    "Any correspondence with GCHQ about the charges brought in 2020.",
    "Documents about members of a proscribed organisation meeting in Westtown in 2022.",
    "Intelligence held on support for a proscribed organisation at the university in 2019.",
]


@pytest.mark.parametrize("text", SECURITY_ASKED)
def test_the_security_bodies_asked_about_still_warn(text):
    assert security(text) == (True, False)
    assert loud(text)["exemption.subject"][0].ncnd


OFFICIAL_LETTERS = [
    "Emails between Assistant Chief Constable Rhoda Small and the county council about the bridge closure.",
    "Letters from the county council to Chief Constable Peter Hale about the closure of the Westgate custody suite "
    "in 2019.",
    "Correspondence sent by Chief Superintendent Ann Lowe to the Home Office on the 2021 firearms licensing backlog.",
    "Copies of the memos PCC Jane Doe sent to the Chief Constable about the new headquarters in 2023.",
    "The minutes of meetings between Commissioner Mark Rowe and the Mayor about knife crime in 2022.",
    "All emails from the then Deputy Chief Constable Omar Reid to the fire service about the joint control room.",
]


@pytest.mark.parametrize("text", OFFICIAL_LETTERS)
def test_office_holder_writing_official_letters_is_not_their_subject(text):
    assert read_text(text).identifies is None
    warned = loud(text)
    assert "personal_data.named-person" not in warned and "personal_data.identifies-one" not in warned


ABOUT_THE_PERSON = [
    ("Any complaints made against Assistant Chief Constable Rhoda Small.", "Assistant Chief Constable Rhoda Small"),
    ("Emails discussing whether PC John Smith should be disciplined.", "PC John Smith"),
    ("Emails between ACC Rhoda Small and the council about her suspension.", "ACC Rhoda Small"),
    ("The expenses claimed by Chief Constable Peter Hale in 2022.", "Chief Constable Peter Hale"),
    ("Did Chief Constable Peter Hale receive a complaint in 2021?", "Chief Constable Peter Hale"),
    ("Minutes of the meeting where Chief Inspector Ben Ford was interviewed about the missing exhibits.",
     "Chief Inspector Ben Ford"),
]


@pytest.mark.parametrize("text, person", ABOUT_THE_PERSON)
def test_a_named_office_holder_asked_about_is_one_whole_person(text, person):
    assert read_text(text).identifies == person  # the whole title and both names: one person
    found = loud(text)["personal_data.named-person"][0]
    assert found.ncnd and f"'{person}'" in found.message


# -- L (missed refusals): security subjects include named groups and terrorist methods ----------------

GROUPS_AND_METHODS = [
    "Intelligence reports mentioning the UVF as involved in extortion in East Belfast between 2018 and 2019.",
    "Information on the hoax ricin letters sent to constituency offices in 2005.",
    "Any documents about suspected ISIS recruiters active in your area in 2016.",
    "Records of the New IRA's activity in Derry during 2021.",
    "Any reports about white powder sent to the council offices in March 2020.",
    "Briefings on the threat from Palestine Action to defence sites in the county in 2024.",
    "What was found in the suspected dirty bomb recovered at the docks in 2017?",
]


@pytest.mark.parametrize("text", GROUPS_AND_METHODS)
def test_named_groups_and_terrorist_methods_are_security_subjects(text):
    assert security(text) == (True, False)
    found = loud(text)["exemption.subject"][0]
    assert found.ncnd and "23" in found.law


NOT_SECURITY = [
    "The number of arrests under the Terrorism Act 2000 in each year from 2018 to 2022.",
    "How many hoax 999 calls did your force record in 2023?",
    "How many malicious communications offences were recorded in 2022?",
    "How many people were arrested for supporting National Action in 2017?",
    "WHAT IS THE NUMBER OF ROBBERIES RECORDED IN 2020?",
    "How many national action plans on domestic abuse has the force adopted since 2015?",
]


@pytest.mark.parametrize("text", NOT_SECURITY)
def test_published_counts_and_ordinary_hoaxes_are_not_security_warnings(text):
    assert security(text) in (None, (True, True))
    assert "exemption.subject" not in loud(text)
