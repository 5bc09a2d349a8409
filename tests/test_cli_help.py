"""Every command's --help explains each of its options and arguments in words a campaigner
reads: none is left without a line, a date says how to write it, and the facts the help spells
out (the Acts' titles, the nations' codes) are the ones the core holds."""

from __future__ import annotations

import argparse

import pytest

from composer import law
from composer.calendar import Region
from composer.cli import build_parser
from composer.commands import AN_ACT, A_DATE
from composer.commands.holidays import REGIONS
from composer.model import Act


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(words typed, parser) for every command and sub-command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))
            return
    yield path, parser


EVERY = list(commands(build_parser()))


def test_every_command_is_walked():
    names = {" ".join(path) for path, _ in EVERY}
    assert {"due", "holidays add", "campaign update", "campaign coverage", "library export",
            "check-response", "followup", "gui"} <= names
    assert len(EVERY) >= 30


@pytest.mark.parametrize("path, parser", EVERY, ids=[" ".join(p) for p, _ in EVERY])
def test_each_option_and_argument_is_explained(path, parser):
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)):
            continue
        name = "/".join(action.option_strings) or action.dest
        assert action.help and len(action.help.split()) >= 2, f"{' '.join(path)} {name} has no explanation"
        # argparse's own placeholder is the option's name in capitals (--today TODAY): a date
        # option says DATE, and its help how to write one or what it defaults to
        if action.option_strings and action.metavar is None and action.nargs != 0 and not action.choices:
            assert action.dest.upper() not in {"TODAY", "SENT", "DATE", "ON", "UNTIL", "RECEIVED", "RESPONDED"}, \
                f"{' '.join(path)} {name}: name its value (metavar DATE)"
        if action.metavar == "DATE":
            assert "YYYY-MM-DD" in action.help or "today" in action.help, f"{' '.join(path)} {name}"


def test_the_help_names_the_acts_and_nations_as_the_core_does():
    for act in Act:
        assert law.law_for(act).title in AN_ACT
    assert REGIONS == {region.value: region.label for region in Region}
    assert "YYYY-MM-DD" in A_DATE
