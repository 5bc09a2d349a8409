"""What forces did with a part before: saved campaigns' replies as findings on the same parts."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from composer.campaign.history import History, history_of, with_history
from composer.campaign.store import CampaignStore
from composer.checker import check
from composer.forces import load_directory
from composer.library import save_request
from composer.model import Act, Part, Request
from composer.operations.campaign import new_campaign, record, record_reply
from composer.replies import ReplyKind, ReplyReading, PartReading

SENT = date(2026, 9, 1)
COSTLY = "Please give every email sent by the force's staff that mentions the system since 2015."
NAMED = "What is the name of the system the force uses to score people's risk of violence?"


def _request(costly: str = COSTLY) -> Request:
    return Request(title="Risk scoring", parts=[Part(text=NAMED), Part(text=costly)])


def _campaign(answers: dict[str, str], statuses: dict[str, tuple[str, list[str]]] = {}):
    """Sent to six forces; `answers` gives a force's confirmed reading of part 2 ('refused s12'),
    `statuses` a force's recorded status and sections with no reading."""
    forces = load_directory().resolve("the_met,kent_police,wmp,essex_police,gmp,police_scotland")
    campaign = new_campaign(name="Risk 2026", request=_request(), forces=forces, sent=SENT).value
    for force_id, said in answers.items():
        reading = ReplyReading(kind=ReplyKind.PARTLY, parts={"1": PartReading.parse("answered"),
                                                             "2": PartReading.parse(said)})
        campaign = record_reply(campaign, force_id=force_id, file=f"{force_id}.pdf", reading=reading,
                                on=date(2026, 9, 25)).value
    for force_id, (status, sections) in statuses.items():
        campaign = record(campaign, force_id=force_id, status=status, on=date(2026, 9, 20),
                          sections=sections or None).value
    return campaign


def test_a_part_most_forces_refused_on_cost_is_a_cost_warning_on_the_same_part_again():
    campaign = _campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "refused s12(1)",
                          "essex_police": "answered"})
    history = history_of([campaign])
    request = _request()
    found = history.findings(request)
    assert [(f.rule, f.severity, f.part_id) for f in found] == [("history.cost", "warning", request.parts[1].id)]
    assert "3 of the 4 forces that replied" in found[0].message
    assert "in 'Risk 2026' (sent 2026-09-01), part 2" in found[0].reasoning[0]
    assert 'foi-composer campaign coverage "Risk 2026"' in found[0].suggestion  # where to read the replies
    # Part 1, answered by every force that replied, raises nothing.
    assert not [f for f in found if f.part_id == request.parts[0].id]


def test_a_minority_of_refusals_is_a_note_and_a_ground_few_met_it_on_is_left_unsaid():
    campaign = _campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "answered",
                          "essex_police": "answered", "gmp": "answered", "police_scotland": "answered"})
    assert [(f.rule, f.severity) for f in history_of([campaign]).findings(_request())] == [("history.cost", "info")]
    campaign = _campaign({"the_met": "refused s12", "kent_police": "answered", "wmp": "answered",
                          "essex_police": "answered", "gmp": "answered"})
    assert history_of([campaign]).findings(_request()) == []  # 1 of 5: the part went through


def test_each_ground_is_its_own_finding_citing_the_force_s_act():
    campaign = _campaign({"the_met": "refused s40(2)", "kent_police": "refused s40(2)", "wmp": "answered",
                          "essex_police": "answered"},
                         statuses={"gmp": ("clarification-asked", []), "police_scotland": ("clarification-asked", [])})
    request = _request()
    found = {f.rule: f for f in with_history([], request, history_of([campaign]))}
    assert {rule: f.severity for rule, f in found.items()} == {"history.personal_data": "info",
                                                               "history.clarity": "info"}
    assert found["history.clarity"].part_id is None  # gmp and Police Scotland asked about the request
    assert found["history.personal_data"].law == "FOIA s40"
    assert found["history.personal_data"].category == "personal_data"
    assert "2 of the 6 forces that replied when you sent it withheld it as personal data" in \
        found["history.personal_data"].message
    scotland = history_of([campaign]).findings(_request(), Act.FOISA)
    assert {f.law for f in scotland if f.rule == "history.personal_data"} == {"FOISA s38"}


def test_the_same_question_asked_of_two_systems_is_counted_once_per_campaign():
    twice = Request(title="Two systems", parts=[
        Part(text="Does the force use a crime mapping system?", subparts=[Part(text=COSTLY)]),
        Part(text="Does the force use a risk scoring system?", subparts=[Part(text=COSTLY)])])
    forces = load_directory().resolve("the_met,kent_police,wmp")
    campaign = new_campaign(name="Twice", request=twice, forces=forces, sent=SENT).value
    for force_id in ("the_met", "kent_police", "wmp"):
        reading = ReplyReading(kind=ReplyKind.PARTLY, parts={"1a": PartReading.parse("refused s12"),
                                                             "2a": PartReading.parse("answered")})
        campaign = record_reply(campaign, force_id=force_id, file="r.pdf", reading=reading, on=date(2026, 9, 25)).value
    found = history_of([campaign]).findings(twice)
    by_part = {f.part_id: f for f in found}
    assert "3 of the 3 forces" in by_part[twice.parts[0].subparts[0].id].message  # its own record, not 6
    assert twice.parts[1].subparts[0].id not in by_part  # 2a was answered everywhere


def test_a_reworded_part_still_matches_and_a_different_part_does_not():
    campaign = _campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "refused s12"})
    history = history_of([campaign])
    reworded = COSTLY.replace("since 2015", "since 2016")
    assert [f.rule for f in history.findings(_request(reworded))] == ["history.cost"]
    other = "How many officers did the force employ on 31 March 2025, by rank?"
    assert history.findings(_request(other)) == []


def test_a_short_part_sent_again_for_another_period_still_matches():
    # The commonest reuse: next year's figures. Both dates changed in a short part left 15 of its 23
    # three-word runs, under the 80% that matching needs, and the replies to it went unseen (reuse9).
    asked = ("The number of stop and search records made between 1 January 2023 and 31 December 2023, "
             "broken down by the ethnicity of the person searched.")
    # (refused on cost in part 2 only: a refusal of every part on cost is one of the whole request)
    history = history_of([_campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "refused s12"})])
    fiscal = "How much did the force spend on the system in 2022/23, split by licence and support costs?"
    history = History([(asked, history.about(COSTLY)[0]), (fiscal, history.about(COSTLY)[0])])
    for again in (asked.replace("1 January 2023", "1 April 2024").replace("31 December 2023", "31st March 2025"),
                  fiscal.replace("2022/23", "2024/25")):
        assert [f.rule for f in history.findings(_request(again))] == ["history.cost"], again
    assert history.findings(_request(asked.replace("stop and search records", "arrests").replace(
        "person searched", "person arrested"))) == []  # another question, the same period


def test_forces_still_waiting_say_nothing_and_an_empty_history_changes_nothing():
    campaign = _campaign({"the_met": "refused s12"})  # five forces have not replied
    found = history_of([campaign]).findings(_request())
    assert [(f.rule, f.severity) for f in found] == [("history.cost", "info")]  # 1 of 1: too few to warn
    request = _request()
    findings = check(request)
    assert with_history(findings, request, History()) is findings
    assert with_history(findings, request, None) is findings


def test_findings_from_history_sit_with_their_part():
    campaign = _campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "refused s12"})
    request = _request()
    merged = with_history(check(request), request, history_of([campaign]))
    order = [f.part_id for f in merged]
    ids = [None, request.parts[0].id, request.parts[1].id]
    assert order == sorted(order, key=ids.index)
    assert "history.cost" in [f.rule for f in merged if f.part_id == request.parts[1].id]


def test_the_check_command_reads_the_saved_campaigns(tmp_path, monkeypatch):
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path / "home"))
    CampaignStore().save(_campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "refused s12"}))
    path = tmp_path / "again.foi.json"
    save_request(path, _request())
    env = {"FOI_COMPOSER_HOME": str(tmp_path / "home"), "PATH": "", "QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-m", "composer", "check", str(path), "--json"]
    out = json.loads(subprocess.run(run, capture_output=True, text=True, env=env).stdout)
    assert [f["part"] for f in out["findings"] if f["rule"] == "history.cost"] == ["2"]
    out = json.loads(subprocess.run([*run, "--no-history"], capture_output=True, text=True, env=env).stdout)
    assert not [f for f in out["findings"] if f["rule"].startswith("history.")]


def test_a_refusal_is_put_on_its_ground_under_either_act():
    from composer.campaign.history import ground_of

    assert ground_of(["s12(1)"], False, Act.FOIA) == "cost"
    assert ground_of(["s14(1)"], False, Act.FOIA) == "tone"
    assert ground_of(["s40(5)"], True, Act.FOIA) == "personal_data"
    assert ground_of(["s38(1)(b)"], False, Act.FOISA) == "personal_data"
    assert ground_of(["s38(1)(a)"], False, Act.FOIA) == "exemption"  # FOIA s38 is health and safety
    assert ground_of(["s23(5)", "s24(2)"], True, Act.FOIA) == "exemption"
    assert ground_of([], False, Act.FOIA) == "exemption"


# -- a shared template carries what forces did -------------------------------------------------------

def test_a_shared_template_carries_the_counts_and_the_month_and_nothing_else():
    from composer.operations.fitting import shareable

    campaign = _campaign({"the_met": "refused s12", "kent_police": "refused s12(1)", "wmp": "refused s12",
                          "essex_police": "answered"})
    request = _request()
    shared, _, _ = shareable(request, None, past=history_of([campaign]))
    [carried] = [p for p in shared.past if p.met.get("cost")]
    assert (carried.sent, carried.replied, carried.answered, carried.met) == ("2026-09", 4, 1, {"cost": 3})
    assert carried.text == shared.parts[1].text
    written = shared.model_dump_json()
    assert "Risk 2026" not in written and "the_met" not in written and "Metropolitan" not in written
    without, _, _ = shareable(request, None)
    assert without.past == []


def test_an_imported_template_s_record_warns_on_its_part_in_another_data_folder(tmp_path, monkeypatch):
    from composer.library import Library, write_template
    from composer.operations.fitting import shareable

    campaign = _campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "refused s12"})
    shared, _, _ = shareable(_request(), None, past=history_of([campaign]))
    path = write_template(shared, tmp_path / "shared.foi.json")
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path / "someone-else"))
    added, _ = Library().import_template(path)
    received = Library().load(added.name.removesuffix(".foi.json"))
    found = [f for f in with_history(check(received), received, None) if f.rule.startswith("history.")]
    assert [(f.rule, f.severity, f.part_id) for f in found] == [("history.cost", "warning", received.parts[1].id)]
    assert found[0].reasoning == ("The record this template carries (sent 2026-09): of the 3 forces that replied, "
                                  "0 answered it, 3 refused it on cost; sections cited: s12.",)
    assert "3 of the 3 forces that replied when it was sent before refused it on cost" in found[0].message
    assert "campaign coverage" not in found[0].suggestion  # no campaign of theirs to look at
    # Shared again by its new owner, the record goes with it (once).
    again, _, _ = shareable(received, None, past=History())
    assert again.past == received.past


def test_a_carried_record_is_cleaned_of_personal_data_like_the_parts(tmp_path):
    from composer.library import strip_personal_data
    from composer.model import PastPart

    request = _request().model_copy(update={"past": [PastPart(
        text="Send it to jo.bloggs@example.org please", sent="2026-01", replied=3, met={"cost": 2})]})
    cleaned, removed = strip_personal_data(request, None)
    assert "jo.bloggs@example.org" not in cleaned.past[0].text
    assert any("record of what forces did" in what for what in removed)


def test_the_request_format_4_carries_the_record_and_older_files_read_without_the_new_counts(tmp_path):
    from composer.library import load_request, save_request
    from composer.model import SCHEMA_VERSION, PastPart

    assert SCHEMA_VERSION == 4
    old = tmp_path / "old.foi.json"
    old.write_text(json.dumps({"schema_version": 2, "kind": "foi-request", "title": "Old",
                               "parts": [{"text": "How many?"}], "forces": ["kent_police"]}))
    assert load_request(old).past == []
    # A format 3 record kept no count of partly answered nor of the whole request: absent, not zero.
    three = tmp_path / "three.foi.json"
    three.write_text(json.dumps({"schema_version": 3, "kind": "foi-request", "title": "Three",
                                 "parts": [{"text": COSTLY}],
                                 "past": [{"text": COSTLY, "sent": "2026-09", "replied": 4, "answered": 1,
                                           "met": {"cost": 3}, "sections": ["s12"]}]}))
    [carried] = load_request(three).past
    assert (carried.partly, carried.whole) == (None, None)
    save_request(tmp_path / "again.foi.json", load_request(three))  # written in format 4, still absent
    written = json.loads((tmp_path / "again.foi.json").read_text())
    assert written["schema_version"] == 4 and (written["past"][0]["partly"], written["past"][0]["whole"]) == (None, None)
    request = _request().model_copy(update={"past": [PastPart(text=COSTLY, sent="2026-09", replied=3, answered=1,
                                                              partly=1, met={"cost": 1}, whole={"cost": 1},
                                                              sections=["s12"])]})
    save_request(tmp_path / "new.foi.json", request)
    assert load_request(tmp_path / "new.foi.json").past == request.past
    bad = json.loads((tmp_path / "new.foi.json").read_text())
    bad["past"][0]["met"] = {"cost": -1}
    (tmp_path / "bad.foi.json").write_text(json.dumps(bad))
    # A damaged record is left out with a line saying why; the request opens (LEFT-S10: it
    # used to make the whole request unopenable).
    notes: list[str] = []
    assert load_request(tmp_path / "bad.foi.json", notes).past == [] and "cannot be negative" in notes[0]
    # More forces met it than replied: damaged too, not "50 of the 1 force that replied" (reuse9).
    bad["past"][0].update(met={"cost": 50}, replied=1, answered=1, partly=1, whole={})
    (tmp_path / "bad.foi.json").write_text(json.dumps(bad))
    notes = []
    assert load_request(tmp_path / "bad.foi.json", notes).past == []
    assert "50 forces met it on cost but only 1 replied" in notes[0]
    for damage, said in [(dict(met={"cost": 1}, answered=9), "9 forces answered it but only 1 replied"),
                         (dict(met={}, answered=0), "1 forces answered it in part but only 0 answered it"),
                         (dict(answered=1, whole={"cost": 7}), "7 forces met the whole request on cost but only 1"),
                         (dict(whole={"luck": 1}), "'luck' is not a ground")]:
        bad["past"][0].update({"met": {}, "answered": 1, "partly": 1, "whole": {}, **damage})
        (tmp_path / "bad.foi.json").write_text(json.dumps(bad))
        notes = []
        assert load_request(tmp_path / "bad.foi.json", notes).past == [] and said in notes[0], damage
    # A newer app's format is refused in one line that says to update the app; the file is left as it is.
    newer = {**json.loads((tmp_path / "new.foi.json").read_text()), "schema_version": 5}
    (tmp_path / "newer.foi.json").write_text(json.dumps(newer))
    before = (tmp_path / "newer.foi.json").read_bytes()
    out = subprocess.run([sys.executable, "-m", "composer", "check", str(tmp_path / "newer.foi.json")],
                         capture_output=True, text=True, env={"FOI_COMPOSER_HOME": str(tmp_path / "home"), "PATH": ""})
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == [
        f"foi-composer: error: {tmp_path / 'newer.foi.json'}: was written by a newer FOI Composer (format 5, this "
        "version reads up to 4); update the app to open it"]
    assert (tmp_path / "newer.foi.json").read_bytes() == before


def _whole_campaign():
    """Six forces: the Met refused all of it on cost, Kent would neither confirm nor deny any of it,
    GMP asked what it meant, WMP answered part 2 only in part; Essex and Police Scotland have not replied."""
    forces = load_directory().resolve("the_met,kent_police,wmp,essex_police,gmp,police_scotland")
    campaign = new_campaign(name="Risk 2026", request=_request(), forces=forces, sent=SENT).value
    said = {"kent_police": ReplyReading(kind=ReplyKind.REFUSED, parts={"1": PartReading.parse("ncnd s23(5)"),
                                                                        "2": PartReading.parse("ncnd s23(5) s24(2)")}),
            "wmp": ReplyReading(kind=ReplyKind.PARTLY, parts={"1": PartReading.parse("answered")})}
    for force_id, reading in said.items():
        campaign = record_reply(campaign, force_id=force_id, file=f"{force_id}.pdf", reading=reading,
                                on=date(2026, 9, 25)).value
    campaign = record(campaign, force_id="the_met", status="refused", on=date(2026, 9, 20), sections=["s12"]).value
    return record(campaign, force_id="gmp", status="clarification-asked", on=date(2026, 9, 10)).value


def test_a_shared_template_keeps_partly_answered_and_the_whole_request_apart(tmp_path, monkeypatch):
    # Format 3 had no count for either: WMP's part answered in part counted as answered, and the Met's
    # cost refusal of the whole request and Kent's NCND of all of it were put on each part (TEMPL-S11).
    from composer.library import Library, write_template
    from composer.model import Requester
    from composer.operations.fitting import shareable

    campaign = _whole_campaign()
    history = history_of([campaign])
    [record_2] = history.about(COSTLY)
    assert (record_2.replied, record_2.answered, record_2.partly, record_2.met) == (4, 1, 1, {})
    assert record_2.whole == {"cost": 1, "exemption": 1, "clarity": 1}
    me = Requester(name="Jane Doe", email="jane.doe@example.org", postal_address=["1 High Street", "AB1 2CD"])
    request = _request().model_copy(update={"introduction": "I am Jane Doe (jane.doe@example.org).",
                                            "forces": ["the_met", "kent_police"], "notes": "for Risk 2026"})
    shared, _, _ = shareable(request, me, past=history)
    path = write_template(shared, tmp_path / "shared.foi.json")
    text = path.read_text()
    for never in ["Jane", "Doe", "jane.doe", "High Street", "AB1", "Risk 2026", "2026-09-01", *(t.force_id for t in campaign.forces),
                  "Metropolitan", "Kent", "West Midlands", "Essex", "Greater Manchester", "Police Scotland"]:
        assert never.lower() not in text.lower(), never
    carried = {p["text"]: p for p in json.loads(text)["past"]}
    assert json.loads(text)["schema_version"] == 4
    assert {(p["answered"], p["partly"]) for p in carried.values()} == {(1, 0), (1, 1)}
    assert {json.dumps(p["whole"], sort_keys=True) for p in carried.values()} == {
        '{"clarity": 1, "cost": 1, "exemption": 1}'}
    assert all(p["met"] == {} for p in carried.values())  # nothing met a part on its own words
    # Another campaigner, another data folder, no campaigns of their own.
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path / "someone-else"))
    added, _ = Library().import_template(path)
    received = Library().load(added.name.removesuffix(".foi.json"))
    found = [f for f in with_history(check(received), received, None) if f.rule.startswith("history.")]
    assert {(f.rule, f.severity, f.part_id) for f in found} == {
        ("history.cost", "info", None), ("history.exemption", "info", None), ("history.clarity", "info", None)}
    by_rule = {f.rule: f for f in found}
    assert by_rule["history.cost"].message == ("Forces have met this request before: 1 of the 4 forces that replied "
                                               "when it was sent before refused the whole request on cost.")
    assert by_rule["history.cost"].reasoning == ("The record this template carries (sent 2026-09): 1 of the 4 "
                                                 "forces that replied refused the whole request on cost.",)
    assert by_rule["history.exemption"].ncnd
    assert "ask whoever shared the template" in by_rule["history.cost"].suggestion.lower()
    # Checked against the campaign itself, the same findings (your own words).
    mine = {f.rule: f for f in with_history([], request, history) if f.rule.startswith("history.")}
    assert set(mine) == set(by_rule)
    assert mine["history.cost"].reasoning == ("Your campaign in 'Risk 2026': 1 of the 4 forces that replied refused "
                                              "the whole request on cost.",)
    assert "cut the request down" in mine["history.cost"].suggestion


def test_the_coverage_says_what_forces_did_with_the_whole_request(tmp_path, monkeypatch, capsys):
    from composer.cli import main
    from composer.coverage import coverage, read_attachments

    campaign = _whole_campaign()
    cov = coverage(campaign, read_attachments(campaign, None), today=date(2026, 9, 26))
    assert cov.whole == {"the_met": "cost", "kent_police": "exemption", "gmp": "clarity"}
    assert cov.request_summary() == (
        "The whole request: of 6 forces, 1 refused the whole request on cost (s12 1); 1 would neither confirm nor "
        "deny anything it asked (s23(5) 1, s24(2) 1); 1 asked what the request meant")
    assert cov.summary("2").startswith("0 of 6 forces answered part 2; 1 answered in part; 1 refused it (s12 1); "
                                       "1 would neither confirm nor deny")  # each part's cells as they were
    # Forces that refused every part under s40 did not refuse the request as a whole: each part on its words.
    personal = _campaign({}, {"wmp": ("refused", ["s40(2)"])})
    assert coverage(personal, {}, today=date(2026, 9, 26)).request_summary() == ""
    monkeypatch.setenv("FOI_COMPOSER_HOME", str(tmp_path))
    CampaignStore().save(campaign)
    assert main(["campaign", "coverage", "Risk 2026", "--today", "2026-09-26"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("1 asked what the request meant")


def test_a_part_answered_in_part_is_said_so_in_the_record_a_template_carries():
    from composer.operations.fitting import shareable

    campaign = _campaign({"the_met": "answered", "kent_police": "answered", "wmp": "refused s12",
                          "essex_police": "refused s12"}, statuses={"gmp": ("partly-answered", [])})
    shared, _, _ = shareable(_request(), None, past=history_of([campaign]))
    received = shared.model_copy(update={"past": shared.past})
    [cost] = [f for f in with_history([], received, None) if f.rule == "history.cost"]
    assert cost.reasoning == ("The record this template carries (sent 2026-09): of the 5 forces that replied, "
                              "3 answered it (1 of them only in part), 2 refused it on cost; sections cited: s12.",)
    # A format 3 record said nothing of it: nothing is said, not "0 of them".
    old = received.model_copy(update={"past": [p.model_copy(update={"partly": None, "whole": None})
                                                for p in received.past]})
    [cost] = [f for f in with_history([], old, None) if f.rule == "history.cost"]
    assert "in part" not in cost.reasoning[0] and "3 answered it," in cost.reasoning[0]


def test_library_export_says_what_the_template_carries_and_no_past_leaves_it_out(tmp_path):
    home = tmp_path / "home"
    env = {"FOI_COMPOSER_HOME": str(home), "PATH": "", "QT_QPA_PLATFORM": "offscreen"}
    script = (
        "from tests.test_history import _campaign, _request\n"
        "from composer.campaign.store import CampaignStore\nfrom composer.library import Library\n"
        "CampaignStore().save(_campaign({'the_met': 'refused s12', 'kent_police': 'refused s12', 'wmp': 'refused s12'}))\n"
        "Library().save(_request(), 'Risk')\n")
    from conftest import PROJECT

    subprocess.run([sys.executable, "-c", script], check=True, env={**env, "PYTHONPATH": f"{PROJECT}:{PROJECT / 'tests'}"})
    run = [sys.executable, "-m", "composer", "library", "export", "Risk", "-o"]
    out = subprocess.run([*run, str(tmp_path / "a.foi.json")], capture_output=True, text=True, env=env)
    assert "carried: what forces did with 2 parts when you sent them" in out.stderr  # answered, and refused
    carried = json.loads((tmp_path / "a.foi.json").read_text())["past"]
    assert sorted((p["answered"], p["met"]) for p in carried) == [(0, {"cost": 3}), (3, {})]
    out = subprocess.run([*run, str(tmp_path / "b.foi.json"), "--no-past"], capture_output=True, text=True, env=env)
    assert "carried" not in out.stderr and json.loads((tmp_path / "b.foi.json").read_text())["past"] == []
    elsewhere = {**env, "FOI_COMPOSER_HOME": str(tmp_path / "someone-else")}
    out = subprocess.run([sys.executable, "-m", "composer", "library", "import", str(tmp_path / "a.foi.json")],
                         capture_output=True, text=True, env=elsewhere)
    assert "carries: what forces did with 2 parts when they were sent before" in out.stderr
    # Shared on from there: the record goes with it as someone else's sending, and --no-past leaves it
    # out too (it stayed in, and the export said "when you sent them", reuse9).
    received = next((tmp_path / "someone-else" / "library").glob("*.foi.json")).name.removesuffix(".foi.json")
    again = [sys.executable, "-m", "composer", "library", "export", received, "-o"]
    out = subprocess.run([*again, str(tmp_path / "c.foi.json")], capture_output=True, text=True, env=elsewhere)
    assert "carried: what forces did with 2 parts when they were sent before" in out.stderr
    assert len(json.loads((tmp_path / "c.foi.json").read_text())["past"]) == 2
    out = subprocess.run([*again, str(tmp_path / "d.foi.json"), "--no-past"], capture_output=True, text=True,
                         env=elsewhere)
    assert "carried" not in out.stderr and json.loads((tmp_path / "d.foi.json").read_text())["past"] == []


# -- several sendings, and your own template opened again (reuse9) ---------------------------------

def _carrying(*past) -> Request:
    return _request().model_copy(update={"past": list(past)})


def test_every_sending_a_template_carries_counts_not_only_one_of_them():
    from composer.model import PastPart

    # Shared on by a second campaigner: the first sending's record and the second's, on the same part.
    received = _carrying(PastPart(text=COSTLY, sent="2026-09", replied=5, answered=2, met={"cost": 3}),
                         PastPart(text=COSTLY, sent="2026-11", replied=4, answered=1, met={"personal_data": 3}))
    found = [f for f in with_history([], received, None) if f.part_id == received.parts[1].id]
    assert [(f.rule, f.severity) for f in found] == [("history.cost", "info"), ("history.personal_data", "info")]
    assert "3 of the 9 forces that replied when it was sent before refused it on cost" in found[0].message
    assert len(found[0].reasoning) == 2


def test_your_own_shared_template_opened_again_counts_your_replies_once_and_others_are_not_yours():
    from composer.operations.fitting import shareable

    campaign = _campaign({"the_met": "refused s12", "kent_police": "refused s12", "wmp": "refused s12",
                          "essex_police": "answered"})
    history = history_of([campaign])
    shared, _, _ = shareable(_request(), None, past=history)
    found = [f for f in with_history([], shared, history) if f.part_id == shared.parts[1].id]
    assert [f.rule for f in found] == ["history.cost"]
    assert "3 of the 4 forces that replied when you sent it" in found[0].message  # not 6 of 8
    assert len(found[0].reasoning) == 1
    # A record someone else's sending left in the template: the replies are not all yours.
    from composer.model import PastPart

    theirs = _carrying(PastPart(text=COSTLY, sent="2026-03", replied=5, answered=1, met={"cost": 4}))
    found = [f for f in with_history([], theirs, history) if f.part_id == theirs.parts[1].id]
    assert "7 of the 9 forces that replied when it was sent before" in found[0].message
    assert 'campaign coverage "Risk 2026"' in found[0].suggestion  # your own part of it is still there to read


def test_sections_cited_under_foisa_say_so_beside_foia_ones():
    campaign = _campaign({}, {"police_scotland": ("refused", ["s38(1)(b)"]), "the_met": ("refused", ["s38(1)"]),
                              "wmp": ("refused", ["s40(2)"])})
    [record] = [r for r in history_of([campaign]).about(COSTLY)]
    assert set(record.sections) == {"FOISA s38(1)(b)", "s38(1)", "s40(2)"}
    assert record.met == {"personal_data": 2, "exemption": 1}


def test_a_question_about_the_whole_request_is_one_finding_not_one_on_every_part():
    # One force asking what the request meant put "1 of the 4 … asked what you meant" on each of
    # the 19 parts of seed 001's request (25 notes in the window, reuse9).
    campaign = _campaign({"kent_police": "answered", "wmp": "answered", "essex_police": "answered"},
                         statuses={"the_met": ("clarification-asked", [])})
    request = _request()
    found = [f for f in with_history([], request, history_of([campaign])) if f.rule.startswith("history.")]
    assert [(f.rule, f.severity, f.part_id) for f in found] == [("history.clarity", "info", None)]
    assert found[0].message.startswith("Forces have met this request before: 1 of the 4 forces that replied when "
                                       "you sent it asked what you meant before answering.")
    assert found[0].reasoning == ("Your campaign in 'Risk 2026': 1 of the 4 forces that replied asked what the "
                                  "request meant.",)
    # A question about one part stays on that part.
    campaign = _campaign({"kent_police": "answered", "wmp": "clarify", "essex_police": "answered"})
    found = [f for f in with_history([], request, history_of([campaign])) if f.rule.startswith("history.")]
    assert [(f.rule, f.part_id) for f in found] == [("history.clarity", request.parts[1].id)]
    # A shared template (format 4) keeps it as a question about the whole request, not on each part.
    from composer.operations.fitting import shareable

    campaign = _campaign({"kent_police": "answered", "wmp": "answered", "essex_police": "answered"},
                         statuses={"the_met": ("clarification-asked", [])})
    shared, _, _ = shareable(request, None, past=history_of([campaign]))
    assert {p.met.get("clarity") for p in shared.past} == {None}
    assert [p.whole for p in shared.past] == [{"clarity": 1}] * 2
    found = [f for f in with_history([], shared, None) if f.rule.startswith("history.")]
    assert [(f.rule, f.part_id) for f in found] == [("history.clarity", None)]
    # A format 3 template folded it into each part: read so, it still counts there.
    old = shared.model_copy(update={"past": [p.model_copy(update={"met": {"clarity": 1}, "whole": None})
                                             for p in shared.past]})
    found = [f for f in with_history([], old, None) if f.rule.startswith("history.")]
    assert {f.part_id for f in found} == {p.id for p in old.parts}


def test_one_force_s_exemption_stance_is_a_warning_but_one_cost_refusal_is_only_a_note():
    # Forces are advised nationally how to meet a request sent to many of them: a stance on an
    # exemption is shared, how long a search takes is each force's own.
    request = _request()
    ncnd = _campaign({"the_met": "neither confirm nor deny s31(3)"})
    found = history_of([ncnd]).findings(request)
    assert [(f.rule, f.severity) for f in found] == [("history.exemption", "warning")]
    assert "1 of the 1 force that replied" in found[0].message
    assert any("advised nationally" in line for line in found[0].reasoning)
    split = _campaign({"the_met": "neither confirm nor deny s31(3)", "kent_police": "answered"})
    assert [(f.rule, f.severity) for f in history_of([split]).findings(request)] == [("history.exemption", "info")]
    cost = _campaign({"the_met": "refused s12"})
    found = history_of([cost]).findings(request)
    assert [(f.rule, f.severity) for f in found] == [("history.cost", "info")]
    assert not any("advised nationally" in line for f in found for line in f.reasoning)


def test_one_force_s_neither_confirm_nor_deny_of_the_whole_request_is_a_warning_on_the_request():
    # An exemption stance is advised nationally (above): held of the whole request, it is one finding
    # on the request, and a warning on one reply as it is on a part.
    forces = load_directory().resolve("the_met,kent_police")
    campaign = new_campaign(name="Risk 2026", request=_request(), forces=forces, sent=SENT).value
    reading = ReplyReading(kind=ReplyKind.REFUSED, parts={"1": PartReading.parse("ncnd s31(3)"),
                                                          "2": PartReading.parse("ncnd s31(3)")})
    campaign = record_reply(campaign, force_id="the_met", file="met.pdf", reading=reading, on=date(2026, 9, 25)).value
    found = [f for f in with_history([], _request(), history_of([campaign])) if f.rule.startswith("history.")]
    assert [(f.rule, f.severity, f.part_id, f.ncnd) for f in found] == [("history.exemption", "warning", None, True)]
    assert found[0].message == ("Forces have met this request before: 1 of the 1 force that replied when you sent it "
                                "would neither confirm nor deny anything it asked, so it is more likely than not again.")
    assert any("advised nationally" in line for line in found[0].reasoning)
