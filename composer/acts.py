"""The Acts a body answers under and the nations forces police: plain enumerations, with no
pydantic, so that what only counts days or names an Act (`foi-composer due --act`, `holidays
list`) loads no models. `composer.model` uses them and names them too."""

from __future__ import annotations

from enum import StrEnum


class Act(StrEnum):
    """The statute a body answers under."""

    FOIA = "FOIA"  # Freedom of Information Act 2000: England, Wales, Northern Ireland, UK-wide
    FOISA = "FOISA"  # Freedom of Information (Scotland) Act 2002


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"
    UK = "uk"  # bodies that police across Great Britain or the UK (BTP, MoD Police, CNC)
