"""Reading a force's reply and following it through (session 12): an answer that is only a pointer
to an attachment, parts named in the force's own sentences, the "do you still want it?" letter's
own status, and a review of a FOISA s18 notice that names no exemption. Every reply here is
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from composer.model import Act
from composer.replies import Outcome, ReplyKind, read_reply


# -- item 4: a review of an s18 notice that cites s18 alone -------------------------------------------
BARE_S18 = ("Dear Jo Tester,\n\nWe can neither confirm nor deny that we hold the records you describe; "
            "section 18 of the Act applies.\n\nYou may require us to review this decision within 40 "
            "working days, and may then apply to the Scottish Information Commissioner.\n")


@pytest.mark.parametrize("kind", ["review", "complaint"])
def test_a_review_of_a_bare_s18_notice_asks_for_the_exemption_that_would_apply(tmp_path, capsys, kind):
    """It said 'did not name the exemption relied on (section 16(1)(c))': an s18 notice relies on
    s18, and what it owes is the exemption that would apply if the information were held."""
    from test_followups_grounds import _attach, _campaign, _write

    from composer.campaign.store import CampaignStore
    from composer.operations.campaign import record

    store = CampaignStore()
    c = record(_campaign(), force_id="police_scotland", status="refused", on=date(2026, 12, 18),
               sections=["s18"]).value
    c = _attach(store, c, "police_scotland", tmp_path, BARE_S18, kind="refused")
    if kind == "complaint":  # the review answered, and upheld
        c = record(c, force_id="police_scotland", status="review-asked", on=date(2027, 1, 4)).value
        c = record(c, force_id="police_scotland", status="review-answered", on=date(2027, 1, 25)).value
    store.create(c)
    text = " ".join(_write(kind, "police_scotland", "2027-02-01", tmp_path, capsys).split())
    assert "name the exemption that would apply if the information were held (section 16(1)(c)" in text
    assert "exemption relied on (section 16(1)(c)" not in text
    assert "say why that exemption would apply to the information, if it were held (section 16(1)(d)" in text


# -- item 3: "do you still want it?" has a status of its own -------------------------------------------
def _kent_campaign():
    from composer.forces import load_directory
    from composer.model import Part, Request
    from composer.operations.campaign import new_campaign

    request = Request(title="Patrol software", parts=[Part(text="Which patrol-planning software do you use?"),
                                                      Part(text="What did it cost in 2025?")])
    return new_campaign(name="Patrols", request=request, sent=date(2026, 11, 2),
                        forces=load_directory().resolve("kent_police,wmp")).value


def test_a_version_3_file_keeps_the_still_wanted_letter_as_an_acknowledgement_and_reads_it_as_its_own():
    """Session 11 kept the letter as 'acknowledged' with the day the force waits until; the Status
    column said 'acknowledged'. Read now, the same event is the still-wanted status, shown so."""
    import json

    from composer.campaign.deadlines import progress
    from composer.campaign.model import CAMPAIGN_VERSION, Status
    from composer.campaign.store import CampaignStore

    store = CampaignStore()
    old = json.loads(_kent_campaign().model_dump_json())
    old["schema_version"] = 3
    kent = old["forces"][0]
    kent["history"] += [{"status": "acknowledged", "on": "2026-11-04", "note": ""},
                        {"status": "acknowledged", "on": "2027-01-20", "note": "asks whether you still want it",
                         "until": "2027-02-03"}]
    store.path_for("Patrols").write_text(json.dumps(old), "utf-8")
    item = store.load("Patrols").tracked("kent_police")
    assert [e.status for e in item.events] == [Status.SENT, Status.ACKNOWLEDGED, Status.STILL_WANTED]
    assert item.status.label() == "asked if you still want it"
    p = progress(item, date(2027, 1, 25))
    assert p.overdue and p.still_wanted_by == date(2027, 2, 3)
    assert p.next_step.endswith("the force asked whether you still want it: say you do by 2027-02-03")
    store.save(store.load("Patrols"))
    saved = json.loads(store.path_for("Patrols").read_text("utf-8"))
    assert saved["schema_version"] == CAMPAIGN_VERSION == 4
    assert saved["forces"][0]["history"][-1]["status"] == "still-wanted"
    assert saved["forces"][0]["history"][1]["status"] == "acknowledged"  # a plain one stays one


def test_the_still_wanted_status_is_recorded_from_the_command_line(tmp_path, capsys):
    from composer.campaign.store import CampaignStore
    from composer.cli import main

    CampaignStore().create(_kent_campaign())
    assert main(["campaign", "update", "Patrols", "kent_police", "--status", "still-wanted",
                 "--date", "2027-01-20", "--until", "2027-02-03"]) == 0
    assert main(["campaign", "show", "Patrols", "--today", "2027-01-25"]) == 0
    shown = capsys.readouterr().out
    row = next(line for line in shown.splitlines() if line.startswith("kent_police"))
    assert "asked if you still want it" in row and "acknowledged" not in row
    # a still-wanted letter with no day given: the step still says what to do
    from composer.campaign.deadlines import progress
    from composer.operations.campaign import record

    c = record(_kent_campaign(), force_id="wmp", status="still-wanted", on=date(2027, 1, 20)).value
    p = progress(c.tracked("wmp"), date(2027, 1, 25))
    assert p.overdue and p.next_step.endswith("the force asked whether you still want it: say you do")


# -- item 1: an answer that only points to an attachment ---------------------------------------------
def _drones():
    from composer.model import Part, Request

    return Request(title="Drones", parts=[Part(text="How many drones does the force own?"),
                                          Part(text="What did the force spend on drones in 2025?"),
                                          Part(text="Which companies supplied them?"),
                                          Part(text="How many times were they flown over a protest?")])


POINTER = ("Dear Jo Tester,\n\nReference: FOI/2026/0412\n\n{quoted}Response\n\n{pointer}\n\nWe note that "
           "the figures drawn from our systems for requests like yours may contain small errors of "
           "recording.\n\nYours sincerely,\nDisclosure Team\n")
QUOTED = ("1. How many drones does the force own?\n2. What did the force spend on drones in 2025?\n"
          "3. Which companies supplied them?\n4. How many times were they flown over a protest?\n\n")


@pytest.mark.parametrize("pointer", ["Please find attached our response.", "Our reply is enclosed.",
                                     "We attach our response to each of your questions.",
                                     "Please see attached."])
@pytest.mark.parametrize("quoted", ["", QUOTED])
def test_an_answer_that_only_points_to_an_attachment_answers_no_part(pointer, quoted):
    """The last quoted question took 'Please find attached our response' for its answer: part 4
    read 'answered'. The words say where the answer is, not what it is."""
    from composer.coverage import State, reading_cell

    reading = read_reply(POINTER.format(quoted=quoted, pointer=pointer), _drones())
    assert reading.parts == {}
    assert reading.unread
    assert reading.kind is ReplyKind.ANSWERED  # the force responded, as the status records it
    assert {reading_cell(reading, part).state for part in "1234"} == {State.ATTACHED}
    assert reading_cell(reading, "1").label == "attached, not read"


def test_the_information_itself_attached_is_an_answer():
    from composer.coverage import State, reading_cell

    for given in ("The information you requested is attached.",
                  "Please find attached the spreadsheet of figures you asked for."):
        reading = read_reply(POINTER.format(quoted="", pointer=given), _drones())
        assert not reading.unread and reading.kind is ReplyKind.ANSWERED
        assert reading_cell(reading, "2").state is State.ANSWERED


def test_a_part_answered_in_words_beside_one_pointing_to_the_attachment():
    reply = ("Dear Jo Tester,\n\n1. How many drones does the force own?\nThe force owns six.\n\n"
             "2. What did the force spend on drones in 2025?\nPlease see our response attached.\n\n"
             "3. Which companies supplied them?\nThis information is not held.\n\nYours sincerely,\nDisclosure Team\n")
    from composer.coverage import State, reading_cell

    reading = read_reply(reply, _drones())
    assert {k: str(v) for k, v in reading.parts.items()} == {"1": "answered", "3": "not held"}
    assert reading.unread
    assert reading_cell(reading, "2").state is State.ATTACHED


def test_a_refusal_that_also_points_to_its_letter_is_still_read_as_a_refusal():
    reply = ("Dear Jo Tester,\n\nPlease find attached our response. Your request is refused under section 12 "
             "because finding the information would exceed the appropriate limit.\n\nYours sincerely\n")
    from composer.coverage import State, reading_cell

    reading = read_reply(reply, _drones())
    assert reading.kind is ReplyKind.REFUSED and reading.sections == ["s12"] and not reading.unread
    assert reading_cell(reading, "3").label == "refused s12"


def test_recorded_the_pointer_is_kept_and_the_attachment_read_later_replaces_it(tmp_path, capsys):
    """Recorded, coverage says 'attached, not read' for every part (the confirmed reading keeps
    it); the attachment's own words, attached after, say what was done with each part."""
    from composer.campaign.store import CampaignStore
    from composer.cli import main
    from composer.coverage import State, stored_coverage
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign

    store = CampaignStore()
    store.create(new_campaign(name="Drones", request=_drones(), sent=date(2026, 11, 2),
                              forces=load_directory().resolve("kent_police,essex_police")).value)
    pointer = tmp_path / "reply.txt"
    pointer.write_text(POINTER.format(quoted=QUOTED, pointer="Please find attached our response."), "utf-8")
    assert main(["campaign", "attach", "Drones", "kent_police", str(pointer), "--apply", "--on", "2026-11-20"]) == 0
    said = capsys.readouterr().out
    assert "Kent Police: answered" in said and "attachment this reply only points to" in said
    saved = store.load("Drones").tracked("kent_police")
    assert saved.attachments[-1].unread and saved.status.value == "answered"
    cov = stored_coverage(store, "Drones", date(2026, 11, 25))
    assert {cov.cell("kent_police", p).state for p in cov.parts} == {State.ATTACHED}
    assert "1 attached, not read" in cov.summary("2")
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Jo Tester,\n\n1. Six.\n2. £41,000.\n3. Not held.\n4. Withheld under section "
                      "31(1)(a), as it would show where the force watches.\n\nYours sincerely\n", "utf-8")
    assert main(["campaign", "attach", "Drones", "kent_police", str(letter), "--apply", "--on", "2026-11-20"]) == 0
    cov = stored_coverage(store, "Drones", date(2026, 11, 25))
    assert [cov.cell("kent_police", p).label for p in cov.parts] == ["answered", "answered", "not held",
                                                                      "refused s31(1)"]


# -- item 2: parts named in the force's own sentences ------------------------------------------------
@pytest.mark.parametrize("reply, expected", [
    ("We do not hold information for part 2. Part 1 is refused under section 12, as finding it would "
     "exceed the cost limit.", {"1": "refused s12", "2": "not held"}),
    ("Questions 3 and 4: no such information is held. Question 1 is withheld under section 31(1)(a).",
     {"1": "refused s31(1)", "3": "not held", "4": "not held"}),
    ("In answer to your second question, the force holds no record of spending on drones. Your first "
     "question is exempt under section 24(1).", {"1": "refused s24(1)", "2": "not held"}),
    ("The information for question 4 is withheld under section 31(1)(a). Parts 1 and 3 are answered in "
     "the enclosed table.", {"1": "answered", "3": "answered", "4": "refused s31(1)"}),
    ("We can neither confirm nor deny that we hold information for part 4, under section 23(5).",
     {"4": "neither confirm nor deny s23(5)"}),
])
@pytest.mark.parametrize("as_email", [False, True])
def test_parts_named_in_prose_are_read_part_by_part(reply, expected, as_email):
    text = (f"From: foi@force.example\nSubject: Your request\n\n{reply}\n\nRegards,\nFOI Team\n" if as_email
            else f"Dear Jo Tester,\n\n{reply}\n\nYours sincerely,\nFOI Team\n")
    reading = read_reply(text, _drones())
    assert {k: str(v) for k, v in reading.parts.items()} == expected


def test_a_part_named_in_passing_or_in_a_condition_is_no_answer():
    for said in ("If part 2 would exceed the cost limit, we will say so.",
                 "As stated for question 1, the drones are not held by this force.",
                 "Your request has four parts and we have considered question 3 with care."):
        reading = read_reply(f"Dear Jo Tester,\n\n{said}\n\nYours sincerely\n", _drones())
        assert reading.parts == {}, said


def test_the_refusal_of_a_part_in_prose_shapes_the_reply_kind():
    reading = read_reply("Dear Jo Tester,\n\nParts 1 to 3 are answered below. Part 4 is refused under "
                         "section 31(1)(a).\n\n1. Six.\n2. £41,000.\n3. Skyline Ltd.\n\nYours sincerely\n",
                         _drones())
    assert reading.kind is ReplyKind.PARTLY
    assert str(reading.parts["4"]) == "refused s31(1)"
    assert {str(reading.parts[p]) for p in "123"} == {"answered"}


# -- item 5: a thread pasted whole is read at its latest letter ---------------------------------------
THREAD = """Dear Kent Police,

1. How many drones does the force own?
2. What did the force spend on drones in 2025?

Yours faithfully,

Jo Tester

Dear Jo Tester,

Thank you for your request. It has been logged under reference KP/2026/880 and you will receive a
response within 20 working days.

Yours sincerely,
Records Office

Dear Jo Tester,

Reference KP/2026/880. We are unable to proceed with your request as we need clarification: by
"drones" do you mean the aircraft only, or the aircraft with their cameras and software?

Yours sincerely,
Records Office

Dear Kent Police,

The aircraft only, please.

Yours faithfully,

Jo Tester

Dear Jo Tester,

Reference KP/2026/880.

1. The force owns five.
2. This information is not held.

Yours sincerely,
Records Office
"""


def test_a_thread_is_read_at_the_force_s_latest_letter(tmp_path, capsys):
    """A WhatDoTheyKnow page pasted whole was read as one letter: the request for clarification
    in it made the whole thread 'clarification asked', with the answer below it."""
    from composer.campaign.store import CampaignStore
    from composer.cli import main
    from composer.coverage import stored_coverage
    from composer.forces import load_directory
    from composer.model import Part, Request
    from composer.operations.campaign import new_campaign
    from composer.replies import read_latest

    request = Request(title="Drones", parts=[Part(text="How many drones does the force own?"),
                                             Part(text="What did the force spend on drones in 2025?")])
    reading = read_latest(THREAD, request)
    assert reading.kind is ReplyKind.PARTLY and reading.letters == 3
    assert {k: str(v) for k, v in reading.parts.items()} == {"1": "answered", "2": "not held"}
    store = CampaignStore()
    store.create(new_campaign(name="Drones", request=request, sent=date(2026, 11, 2),
                              forces=load_directory().resolve("kent_police")).value)
    page = tmp_path / "thread.txt"
    page.write_text(THREAD, "utf-8")
    assert main(["campaign", "attach", "Drones", "kent_police", str(page), "--apply", "--on", "2026-12-01"]) == 0
    said = capsys.readouterr().out
    assert "Kent Police: partly answered" in said
    assert "this text holds 3 letters from the force, and the latest is read" in said
    # read again from the file where no confirmed reading is kept, the same letter counts
    c = store.load("Drones")
    bare = c.tracked("kent_police").attachments[0].model_copy(update={"kind": "", "parts": {}})
    item = c.tracked("kent_police").model_copy(update={"attachments": [bare]})
    store.save(c.model_copy(update={"forces": [item]}))
    cov = stored_coverage(store, "Drones", date(2026, 12, 2))
    assert [cov.cell("kent_police", p).label for p in cov.parts] == ["answered", "not held"]


def test_the_met_s_thread_in_the_seeds_is_read_at_its_latest_letter():
    """Seed 003 (a WhatDoTheyKnow page: acknowledgement, request for clarification, "do you still
    want it?") read as one letter was 'clarification asked'; its latest letter is the still-wanted one."""
    from conftest import seed_text

    from composer.replies import read_latest

    reading = read_latest(seed_text("003"))  # skipped where ../shared/seeds is not
    assert reading.kind is ReplyKind.STILL_WANTED and reading.letters == 3
    assert reading.dates["reply_by"] == date(2018, 7, 24)


def test_a_review_of_a_qualified_exemption_speaks_of_what_the_request_asks_not_of_systems(tmp_path, capsys):
    """A review of the Met's s31 refusal of a request about misconduct reviews asked it to weigh 'the
    public interest in knowing how the force uses the systems my request asks about': the wording
    of a request about software, said of every request."""
    from test_followups_grounds import _attach, _campaign, _write

    from composer.campaign.store import CampaignStore
    from composer.operations.campaign import record

    store = CampaignStore()
    c = record(_campaign(), force_id="kent_police", status="refused", on=date(2026, 12, 18),
               sections=["s31(1)(a)"]).value
    c = _attach(store, c, "kent_police", tmp_path, "Dear Jo Tester,\n\nThe information is withheld under "
                "section 31(1)(a).\n", kind="refused")
    store.create(c)
    for kind in ("review", "complaint"):
        if kind == "complaint":
            store.save(record(record(store.load("Risk"), force_id="kent_police", status="review-asked",
                                     on=date(2026, 12, 21)).value, force_id="kent_police",
                              status="review-answered", on=date(2027, 1, 20)).value)
        text = " ".join(_write(kind, "kent_police", "2027-01-25", tmp_path, capsys).split())
        assert "systems" not in text
        assert "openness about what my request asks about" in text


# -- item 5: the released document itself, attached after the pointer --------------------------------
def _impact_assessment() -> str:
    """A long document with no letter about it: an assessment that speaks of refusing to confirm or
    deny as a matter of policy."""
    sections = ["STEP 1. What the tool is for\nThe tool ranks people by the harm their recorded offences "
                "caused, so that patrol time goes where it is most needed.",
                "STEP 2. Who it may affect\nYoung men in three boroughs are most often scored; the team "
                "will check each quarter whether the scores differ by ethnicity.",
                "STEP 3. What people told us\nCommunity groups asked that the force should not give a "
                "neither confirm nor deny answer to a person asking whether they are on the list.",
                "STEP 4. What we will do\nThe guidance now says a person may ask, and will be told, "
                "subject to the law on personal data."]
    return "\n\n".join(sections * 8)


def test_a_released_document_is_no_letter_and_nothing_is_read_from_it():
    """The Met's impact assessment (seed 002, released with an answer) was read as 'refused': it
    speaks of a 'neither confirm nor deny' stance as a matter of its policy."""
    from composer.replies import read_latest

    reading = read_reply(_impact_assessment(), _drones())
    assert reading.document and reading.kind is None
    assert reading.parts == {} and reading.sections == [] and not reading.ncnd
    assert not read_latest(_impact_assessment()[:1500]).document  # a short paste is read as a letter's words


def test_the_seed_impact_assessment_reads_as_a_document():
    from conftest import seed_text

    reading = read_reply(seed_text("002"))  # skipped where ../shared/seeds is not
    assert reading.document and reading.kind is None


def test_the_document_attached_after_the_pointer_places_the_parts_the_user_names(tmp_path, capsys):
    from composer.campaign.store import CampaignStore
    from composer.cli import main
    from composer.coverage import stored_coverage
    from composer.forces import load_directory
    from composer.operations.campaign import new_campaign

    store = CampaignStore()
    store.create(new_campaign(name="Drones", request=_drones(), sent=date(2026, 11, 2),
                              forces=load_directory().resolve("kent_police")).value)
    pointer = tmp_path / "reply.txt"
    pointer.write_text(POINTER.format(quoted="", pointer="Please find attached our response."), "utf-8")
    assert main(["campaign", "attach", "Drones", "kent_police", str(pointer), "--apply", "--on", "2026-11-20"]) == 0
    document = tmp_path / "assessment.txt"
    document.write_text(_impact_assessment(), "utf-8")
    capsys.readouterr()
    assert main(["campaign", "attach", "Drones", "kent_police", str(document)]) == 0
    assert "this reads as a document, not a letter from the force" in capsys.readouterr().out
    assert main(["campaign", "attach", "Drones", "kent_police", str(document), "--apply", "--part", "1=answered",
                 "--part", "3=not held"]) == 0
    cov = stored_coverage(store, "Drones", date(2026, 11, 25))
    assert [cov.cell("kent_police", p).label for p in cov.parts] == [
        "answered", "attached, not read", "not held", "attached, not read"]
    assert store.load("Drones").tracked("kent_police").status.value == "answered"  # no status from a document


def test_an_html_email_is_read_a_paragraph_a_line_with_its_entities(tmp_path):
    """An HTML email's paragraphs ran into one line and kept '&nbsp;' and '&amp;': 'part&nbsp;2' was
    no part, and the reply read 'refused' with no section."""
    from email.message import EmailMessage

    from composer.replies import read_latest, reply_text

    message = EmailMessage()
    message["From"], message["Subject"] = "foi@force.example", "Your request FOI/2026/0412"
    message["Date"] = "Tue, 01 Dec 2026 10:00:00 +0000"
    message.set_content("<html><head><style>p {margin: 0}</style></head><body><p>Dear&nbsp;Jo,</p>"
                        "<p>We do not hold information for part&nbsp;2.</p><p>Part&nbsp;1 is refused under "
                        "section&nbsp;12, as finding it would exceed the cost limit &amp; take weeks.</p>"
                        "<p>Kind regards,<br>Disclosure Team</p></body></html>", subtype="html")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(message))
    text = reply_text(path)
    assert "&nbsp;" not in text and "&amp;" not in text and "margin" not in text
    assert "\nWe do not hold information for part 2.\n" in text
    reading = read_latest(text, _drones())
    assert {k: str(v) for k, v in reading.parts.items()} == {"1": "refused s12", "2": "not held"}
    assert reading.dates["dated"] == date(2026, 12, 1)


@pytest.mark.parametrize("third", [
    "3. The force does not hold this; part 2 gives what it holds.",
])
def test_a_part_named_inside_another_part_s_numbered_answer_is_no_answer_to_it(third):
    reply = (f"Dear Jo Tester,\n\n1. Six.\n2. £41,000, refused in part under section 43.\n{third}\n"
             "4. Not held.\n\nYours sincerely\n")
    reading = read_reply(reply, _drones())
    assert {k: str(v) for k, v in reading.parts.items()} == {
        "1": "answered", "2": "refused s43", "3": "not held", "4": "not held"}


def test_prose_answers_after_the_request_quoted_back_are_read():
    reply = ("Dear Jo Tester,\n\nYou asked:\n" + QUOTED + "Part 1 is refused under section 24(1). We do not "
             "hold information for part 2. Questions 3 and 4 are answered in the enclosed table.\n\n"
             "Yours sincerely\n")
    reading = read_reply(reply, _drones())
    assert {k: str(v) for k, v in reading.parts.items()} == {
        "1": "refused s24(1)", "2": "not held", "3": "answered", "4": "answered"}


def test_a_part_pointed_back_to_in_prose_is_no_answer_to_it():
    reply = ("Dear Jo Tester,\n\nPart 1 is refused under section 24(1). We do not hold information for "
             "part 3. The total given for part 1 above was the one figure we could release.\n\n"
             "Yours sincerely\n")
    reading = read_reply(reply, _drones())
    assert {k: str(v) for k, v in reading.parts.items()} == {"1": "refused s24(1)", "3": "not held"}
