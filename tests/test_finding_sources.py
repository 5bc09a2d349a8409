"""A finding's reasons and the guidance it rests on are told apart: `check --why` and the app show
the sources under their own heading, never as one of the reasons; quoted words end on a word that
means something."""

from composer.checker import check
from composer.checker.findings import SOURCE
from composer.cli import main
from composer.model import Part, Request

ONE_DEATH = "What happened after the death of a man in custody at Northtown police station?"


def _subject_finding():
    request = Request(title="Custody", parts=[Part(text=ONE_DEATH)])
    return next(f for f in check(request) if f.rule == "exemption.subject")


def test_sources_are_apart_from_the_reasons():
    finding = _subject_finding()
    assert finding.sources() and all(url.startswith("https://") for url in finding.sources())
    assert finding.why() and not any(line.startswith(SOURCE) for line in finding.why())
    assert len(finding.why()) + len(finding.sources()) == len(finding.reasoning)


def test_quoted_words_do_not_end_on_a_preposition():
    finding = _subject_finding()
    assert "'the death'" in finding.message
    assert finding.why()[0] == "Specific investigation: 'the death'"


def test_check_why_lists_sources_whole_and_not_as_reasons(tmp_path, capsys):
    letter = tmp_path / "letter.txt"
    letter.write_text(f"1. {ONE_DEATH}\n", "utf-8")
    main(["check", str(letter), "--why"])
    out = capsys.readouterr().out
    assert "Why: Source:" not in out
    for url in _subject_finding().sources():
        assert f"Source: {url}" in out  # on one line, so that it can be copied
    main(["check", str(letter)])
    assert "Source:" not in capsys.readouterr().out  # the short form keeps to the reasons


def test_the_reading_is_told_in_plain_words():
    from composer.checker.reading import read_text

    assert read_text("Please send me the force's policy on police dogs.").describe().startswith(
        "Read as: asks for copies of documents about police dogs")
    assert read_text("How many police dogs does the force have?").describe().endswith("at one point in time.")
    assert read_text("How many police dogs did the force have in each of the last three years?").describe(
        ).endswith("over 3 years.")
