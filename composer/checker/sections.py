"""The sections each rule rests on, worded for the Act the force answers under.

FOIA: Freedom of Information Act 2000; FOISA: Freedom of Information (Scotland) Act 2002. Where
the two Acts number a provision differently (personal data is FOIA s40 but FOISA s38), a rule
asks for the topic and gets the right citation for the force it is checked against.
"""

from __future__ import annotations

from composer.model import Act

# The regulations that set each Act's cost limit, as a citation names them.
FOIA_FEES = "Fees Regulations 2004 (SI 2004/3244)"  # the FOI and Data Protection (Appropriate Limit and Fees) Regs
FOISA_FEES = "Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 (SSI 2004/467)"

# Short citations for a finding's `law` field.
LAW: dict[str, dict[Act, str]] = {
    "valid": {
        Act.FOIA: "FOIA s8(1)",
        Act.FOISA: "FOISA s8(1)",
    },
    "not_foi": {
        Act.FOIA: "FOIA s3 and Schedule 1",
        Act.FOISA: "FOISA s3 and Schedule 1",
    },
    "cost": {
        Act.FOIA: f"FOIA s12; {FOIA_FEES} regs 3-4",
        Act.FOISA: f"FOISA s12; {FOISA_FEES}",
    },
    "cost_clause": {
        Act.FOIA: f"FOIA s12 and s16; {FOIA_FEES} reg 4",
        Act.FOISA: f"FOISA s12 and s15; {FOISA_FEES}",
    },
    "personal": {
        Act.FOIA: "FOIA s40(2)",
        Act.FOISA: "FOISA s38(1)(b)",
    },
    "personal_ncnd": {
        Act.FOIA: "FOIA s40(2) and s40(5B)",
        Act.FOISA: "FOISA s38(1)(b) and s18",
    },
    "own_data": {
        Act.FOIA: "FOIA s40(1) and s40(5A); UK GDPR Art 15; Data Protection Act 2018 s45",
        Act.FOISA: "FOISA s38(1)(a) and s18; UK GDPR Art 15; Data Protection Act 2018 s45",
    },
    "security": {
        Act.FOIA: "FOIA s23(5) and s24(2)",
        Act.FOISA: "FOISA s31(1) and s18",
    },
    "covert": {
        Act.FOIA: "FOIA s31(3), s23(5) and s24(2)",
        Act.FOISA: "FOISA s35(1) and s18",
    },
    "investigation": {
        Act.FOIA: "FOIA s30(3) and s40(5B)",
        Act.FOISA: "FOISA s34 and s18",
    },
    "law_enforcement": {  # withheld for prejudice to the prevention of crime, having confirmed it is held
        Act.FOIA: "FOIA s31(1)",
        Act.FOISA: "FOISA s35(1)",
    },
    "operation": {
        Act.FOIA: "FOIA s31(1) and s31(3)",
        Act.FOISA: "FOISA s35(1) and s18",
    },
    "health_safety": {
        Act.FOIA: "FOIA s38(1)",
        Act.FOISA: "FOISA s39(1)",
    },
    "published": {
        Act.FOIA: "FOIA s21 (information accessible by other means)",
        Act.FOISA: "FOISA s25 (information otherwise accessible)",
    },
    "aggregation": {
        Act.FOIA: f"FOIA s12(4); {FOIA_FEES} reg 5",
        Act.FOISA: f"FOISA s12(2); {FOISA_FEES} reg 5",
    },
    "clarify": {
        Act.FOIA: "FOIA s1(3)",
        Act.FOISA: "FOISA s1(3)",
    },
    "recorded": {
        Act.FOIA: "FOIA s1(1) and s84 (information means recorded information)",
        Act.FOISA: "FOISA s1(1) and s73 (information means recorded information)",
    },
    "format": {
        Act.FOIA: "FOIA s11(1) and s11(1A)",
        Act.FOISA: "FOISA s11(1)",
    },
    "vexatious": {
        Act.FOIA: "FOIA s14(1); Dransfield v IC [2012]",
        Act.FOISA: "FOISA s14(1)",
    },
    "repeated": {  # the same request again from the same person, with no reasonable interval
        Act.FOIA: "FOIA s14(2)",
        Act.FOISA: "FOISA s14(2)",
    },
    "act": {
        Act.FOIA: "FOIA s1; Scotland: FOISA s1",
        Act.FOISA: "FOISA s1; FOIA does not apply to Scottish public authorities (FOIA s80)",
    },
    "held": {  # whether the force holds the information at all (another force's system)
        Act.FOIA: "FOIA s1(1)(a)",
        Act.FOISA: "FOISA s1",
    },
    "advice": {
        Act.FOIA: "FOIA s16 (advice and assistance)",
        Act.FOISA: "FOISA s15 (advice and assistance)",
    },
    "equality": {
        Act.FOIA: "Equality Act 2010 s149; UK GDPR Art 35 (DPIA)",
        Act.FOISA: "Equality Act 2010 s149; UK GDPR Art 35 (DPIA)",
    },
}

# Sections as a message names them ("section 40(2)").
NAME: dict[str, dict[Act, str]] = {
    "valid": {Act.FOIA: "section 8", Act.FOISA: "section 8"},
    "cost": {Act.FOIA: "section 12", Act.FOISA: "section 12"},
    "advice": {Act.FOIA: "section 16", Act.FOISA: "section 15"},
    "personal": {Act.FOIA: "section 40(2)", Act.FOISA: "section 38(1)(b)"},
    "personal_ncnd": {Act.FOIA: "section 40(5B)", Act.FOISA: "section 18"},
    "own_data": {Act.FOIA: "section 40(1)", Act.FOISA: "section 38(1)(a)"},
    "security": {Act.FOIA: "sections 23 and 24", Act.FOISA: "section 31"},
    "law_enforcement": {Act.FOIA: "section 31", Act.FOISA: "section 35"},
    "investigation": {Act.FOIA: "section 30", Act.FOISA: "section 34"},
    "health_safety": {Act.FOIA: "section 38", Act.FOISA: "section 39"},
    "published": {Act.FOIA: "section 21", Act.FOISA: "section 25"},
    "ncnd": {Act.FOIA: "section 1(1)(a)", Act.FOISA: "section 18"},
    "clarify": {Act.FOIA: "section 1(3)", Act.FOISA: "section 1(3)"},
    "format": {Act.FOIA: "section 11", Act.FOISA: "section 11"},
    "dataset": {Act.FOIA: "section 11(1A)", Act.FOISA: "section 11"},
    "vexatious": {Act.FOIA: "section 14(1)", Act.FOISA: "section 14(1)"},
    "repeated": {Act.FOIA: "section 14(2)", Act.FOISA: "section 14(2)"},
}

# The exemption a topic's "neither confirm nor deny" is claimed with, where the topic's own section is
# the Act's general one (FOISA s18, which a force claims together with the exemption that would apply).
_CLAIMED_WITH = {"personal_ncnd": "personal"}


def ncnd_pair(topic: str, act: Act) -> str:
    """The sections a force cites to neither confirm nor deny on `topic`, as a message names them:
    "section 30, with section 1(1)(a)"; "section 18, with section 38(1)(b)"."""
    own, general = NAME[topic][act], NAME["ncnd"][act]
    if own == general:
        return f"{general}, with {NAME[_CLAIMED_WITH[topic]][act]}"
    return f"{own}, with {general}"
