"""The checker reads a part as the letter will say it: a `{field}` the letter fills counts as what it
stands for, and the `check` command shows each part as the force will read it."""

from __future__ import annotations

from composer.checker import check
from composer.cli import main
from composer.forces import load_directory
from composer.library import save_request
from composer.model import Part, Request

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
