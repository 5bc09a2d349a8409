"""The checker reads a part as the letter will say it: a `{field}` the letter fills counts as what it
stands for, and the `check` command shows each part as the force will read it."""

from __future__ import annotations

from composer.checker import check
from composer.cli import main
from composer.forces import load_directory
from composer.library import save_request
from composer.model import Part, Request
from composer.textimport import parse_request

FIGURES = "For each month from {period_start} to {period_end}, how many people were arrested, by ethnicity?"


def _request(text: str, **fields: str) -> Request:
    return Request(title="t", parts=[Part(text=text)], fields=fields)


def _period_rules(request: Request, force_id: str = "the_met") -> set[str]:
    found = check(request, force=load_directory().get(force_id))
    return {rule for f in found for rule in (f.rule, *f.also) if rule.endswith("no-period")}


def test_filled_period_fields_are_a_period():
    request = _request(FIGURES, period_start="1 January 2021", period_end="31 December 2025")
    assert _period_rules(request) == set()
    # the same words with no period at all are still found wanting
    assert _period_rules(_request("How many people were arrested, by ethnicity?")) == {
        "clarity.no-period", "cost.no-period"}


def test_an_unfilled_period_field_still_reads_as_a_period():
    # the missing value is an error of its own (jurisdiction.unfilled-field), not a missing period
    found = check(_request(FIGURES), force=load_directory().get("the_met"))
    rules = {rule for f in found for rule in (f.rule, *f.also)}
    assert "jurisdiction.unfilled-field" in rules
    assert not rules & {"clarity.no-period", "cost.no-period"}


def test_bank_request_with_its_period_has_no_period_warning(tmp_path, capsys):
    path = tmp_path / "r.foi.json"
    status = main(["new", "--modules", "use_crime_mapping(identity,workings,cost,usage_data,assessments,"
                   "bias_testing),format", "--format", "csv", "--forces", "territorial", "-o", str(path)])
    assert status == 0
    capsys.readouterr()
    for force in ("the_met", "police_scotland", "psni"):
        main(["check", str(path), "--force", force])
        out = capsys.readouterr().out
        assert "no-period" not in out, force
        # headings read as the force will: no raw fields
        headings = [line for line in out.splitlines() if line.startswith("Part ")]
        assert headings and not any("{" in line for line in headings), headings


def test_check_heading_fills_the_force_name(tmp_path, capsys):
    path = tmp_path / "r.foi.json"
    save_request(path, _request("Does {force_name} hold documents on {system_name}? Please list every record "
                                "about each named officer involved.", system_name="PredPol"))
    main(["check", str(path), "--force", "the_met"])
    out = capsys.readouterr().out
    assert "Part 1: Does the Metropolitan Police Service hold documents on PredPol?" in out
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "Part 1: Does the force hold documents on PredPol?" in out


# -- the law and the publications each force's findings name ----------------------------------------

ARRESTS = "How many people were arrested in 2023, by age, sex and ethnicity?"


def _published(force_id: str) -> str:
    found = check(_request(ARRESTS), force=load_directory().get(force_id))
    return " ".join(f.message for f in found if f.rule == "exemption.published")


def test_published_statistics_are_pointed_to_only_where_they_apply():
    assert "Police powers and procedures" in _published("the_met")
    assert "Police powers and procedures" in _published("south_wales_police")
    for force in ("police_scotland", "psni"):  # Home Office statistics cover England and Wales only
        assert "Home Office" not in _published(force), force


def test_spending_and_contracts_pointers_follow_the_nation():
    text = "How much did you spend in each year from 2020 to 2024 on contracts for body-worn cameras?"

    def said(force_id: str) -> str:
        found = check(_request(text), force=load_directory().get(force_id))
        return " ".join(f.message for f in found if f.rule == "exemption.published")

    scotland = said("police_scotland")
    assert "Public Contracts Scotland" in scotland
    assert "Contracts Finder" not in scotland and "transparency code" not in scotland
    england = said("the_met")
    assert "Contracts Finder" in england and "Public Contracts Scotland" not in england
    assert "Contracts Finder" not in said("psni") and "Public Contracts Scotland" not in said("psni")


def test_every_publication_has_sources_and_known_nations():
    from composer.checker import knowledge
    from composer.model import Nation

    nations = {n.value for n in Nation}
    for record in knowledge.RECORDS:
        for pub in record.published:
            assert pub.sources and pub.covers <= nations, pub.id


def test_another_forces_system_cites_only_section_1():
    text = "Please provide the evaluation of the Metropolitan Police's V100 programme."
    for force_id, law in (("police_scotland", "FOISA s1"), ("wmp", "FOIA s1(1)(a)")):
        found = [f for f in check(_request(text), force=load_directory().get(force_id))
                 if f.rule == "jurisdiction.other-force"]
        assert found and all(f.law == law for f in found), (force_id, [f.law for f in found])


def test_another_forces_system_asked_about_throughout_is_one_finding_naming_the_places():
    request = Request(title="t", introduction="I am writing about the V100 programme used by the MPS.",
                      parts=[Part(text="Please list the data used by V100."),
                             Part(text="Please provide the DPIA for V100."),
                             Part(text="Please provide the guidance on using the NHS app.")])
    found = [f for f in check(request, force=load_directory().get("police_scotland"))
             if f.rule == "jurisdiction.other-force"]
    assert len(found) == 1, [f.message for f in found]
    assert found[0].message.startswith("The introduction and parts 1 and 2 ask about V100")
    assert found[0].part_id is None


def test_another_forces_name_is_still_warned_about_in_each_part_with_its_own_fix():
    request = Request(title="t", parts=[Part(text="Does Greater Manchester Police use PredPol?"),
                                        Part(text="How much has Greater Manchester Police spent on it?")])
    found = [f for f in check(request, force=load_directory().get("wmp"))
             if f.rule == "jurisdiction.other-force"]
    assert [f.part_id for f in found] == [p.id for p in request.parts]
    assert all(f.fix is not None and "{force_name}" in f.fix.new_text for f in found)


def test_scottish_cost_regulations_are_named_by_their_title():
    text = "Please provide all information about every incident you attended."
    found = check(_request(text), force=load_directory().get("police_scotland"))
    laws = [f.law for f in found if f.category == "cost"]
    assert laws and all("Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 "
                        "(SSI 2004/467)" in law for law in laws if "SSI" in law)
    assert any("SSI 2004/467" in law for law in laws)


# -- the force's size scales the records it holds --------------------------------------------------


def test_a_large_force_is_estimated_to_spend_more_hours_than_a_small_one():
    from composer.checker.estimate import estimates

    request = _request("For each use of force report in 2023 in which a dog was used, please give a summary "
                       "of the circumstances.")
    directory = load_directory()
    met, _ = estimates(request, directory.get("the_met"))
    small, _ = estimates(request, directory.get("dyfed_powys_police"))
    middling, _ = estimates(request, None)
    (part_id,) = met
    assert met[part_id].hours > middling[part_id].hours > small[part_id].hours
    assert met[part_id].records > 5 * small[part_id].records


def test_force_sizes_come_with_a_date_and_a_source():
    directory = load_directory()
    sized = [f for f in directory.forces if f.strength is not None]
    assert {"the_met", "police_scotland", "psni"} <= {f.id for f in sized}
    for force in sized:
        assert "http" in force.strength.source  # every figure says where it comes from
        assert 500 < force.strength.officers < 40000
    met = directory.get("the_met").strength.officers
    assert met > directory.get("police_scotland").strength.officers > directory.get("dyfed_powys_police").strength.officers


def test_volumes_interpolate_between_the_small_and_the_large_force():
    from composer.checker import knowledge

    record = knowledge.RECORD_BY_ID["use_of_force"]
    assert record.yearly_for(knowledge.SMALL_OFFICERS) == record.yearly_small
    assert record.yearly_for(knowledge.LARGE_OFFICERS) == record.yearly_large
    middle = record.yearly_for((knowledge.SMALL_OFFICERS + knowledge.LARGE_OFFICERS) / 2)
    assert middle == (record.yearly_small + record.yearly_large) / 2
    assert record.yearly_for(4 * knowledge.LARGE_OFFICERS) == 4 * record.yearly_large
    assert record.yearly_for(None) == record.yearly


def test_a_placeholder_left_in_cites_what_makes_a_request_valid():
    # a letter sent with '[your name]' or '{system_name}' in it fails section 8 (a name, an address,
    # a description of the information), not the question of which Act applies
    for force_id, act in (("the_met", "FOIA"), ("police_scotland", "FOISA")):
        for text in ("My name is [your name]. How many arrests were made in 2023?",
                     "What did {system_name} cost in 2023?"):
            found = [f for f in check(_request(text), force=load_directory().get(force_id))
                     if f.rule == "jurisdiction.unfilled-field"]
            assert found and found[0].law == f"{act} s8(1)", (force_id, text, found)


def test_an_oversight_body_is_not_costed_for_records_it_does_not_keep():
    # the Policing Board holds reports on PSNI's arrests, not the arrest records: asked for figures
    # that would take a service days, it searches nothing and answers that it does not hold them
    text = ("Please provide the details of every stop and search since 2012 in which the officer's written "
            "grounds mention a smell of cannabis.")
    directory = load_directory()
    board = {f.rule for f in check(_request(text), force=directory.get("northern_ireland_policing_board"))}
    service = {f.rule for f in check(_request(text), force=directory.get("psni"))}
    assert "jurisdiction.kept-elsewhere" in board and not {r for r in board if r.startswith("cost.")}
    assert "cost.estimate" in service and "jurisdiction.kept-elsewhere" not in service
    # what the Board keeps itself is costed as usual
    spend = "Every invoice the Board paid since 2005, with the reason written on each."
    assert "jurisdiction.kept-elsewhere" not in {
        f.rule for f in check(_request(spend), force=directory.get("northern_ireland_policing_board"))}


def test_an_oversight_body_is_asked_about_systems_as_any_body_is():
    # a question about a system, or a fact asked under it, is not a request for the service's records
    text = ("1. Has any system been used to predict where recorded crime will happen?\n"
            "1a. What is the name of the system?\n1b. When was it first used?")
    found = check(parse_request(text), force=load_directory().get("northern_ireland_policing_board"))
    assert "jurisdiction.kept-elsewhere" not in {f.rule for f in found}
