"""`composer.law.readable`: fields no force fills read in words, and "the {act_name}" does not
read "the the Act"."""

from __future__ import annotations

from composer.forces import load_directory
from composer.law import readable
from composer.model import Part, Request


def test_a_field_after_the_reads_once():
    request = Request(title="Risk", parts=[Part(text="x")])
    text = "Under the {act_name}, The {force_name} and the {system_name} of {force_name_possessive}"
    assert readable(text, request) == ("Under the Act, The force and the system of the force's")
    met = load_directory().get("the_met")
    assert readable("under the {act_name}", request, met) == "under the Freedom of Information Act 2000"
    named = Request(title="Risk", fields={"system_name": "PredPol"}, parts=[Part(text="x")])
    assert readable("the {system_name} tool", named) == "the PredPol tool"
