"""Referrals to Prevent are their own kind of record (the national case management system, with yearly Home
Office figures), not whatever the part before counted. Sentences written for these tests."""

from __future__ import annotations

from composer.checker import check
from composer.forces import load_directory
from composer.model import Part, Request, Requester

JANE = Requester(name="Jane Smith", email="jane@example.org")


def test_prevent_referrals_after_a_count_of_something_else_are_read_as_prevent_referrals():
    request = Request(title="Powers", parts=[
        Part(text="How many Clare's Law disclosure applications did the force receive in 2024?"),
        Part(text="How many referrals did the force make to Prevent in 2024, broken down by the age of the person "
                  "referred?")])
    found = [f for f in check(request, force=load_directory().get("kent_police"), requester=JANE)
             if f.part_id == request.parts[1].id]
    assert not [f for f in found if f.category == "cost" and f.severity == "warning"]
    published = [f for f in found if f.rule == "exemption.published"]
    assert published and "Prevent" in published[0].message
