"""`vagus insights --user NAME`: the same findings as the API, as a table in the terminal."""

from __future__ import annotations

import argparse
import io

import pytest
from rich.console import Console

from vagus.insights import commands, queries

pytestmark = pytest.mark.django_db


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="vagus")
    commands.add_commands(parser.add_subparsers(dest="command"), setup=lambda: None)
    args = parser.parse_args(["insights", *argv])
    return args.func(args)


def test_table_and_sentences_for_a_planted_diary(planted):
    out = io.StringIO()
    code = commands.print_insights(planted.username, "anxiety", "0,1", Console(file=out, width=200))
    text = out.getvalue()

    assert code == 0
    report = queries.insights_for(planted, "anxiety")
    for finding in report.estimated:
        assert finding.label in text
        # Findings show their selection-adjusted estimate, the rest their plain one.
        assert f"{queries.shown_numbers(finding.association)[0]:+.2f}" in text
    for finding in report.found:
        assert finding.sentence in text
    assert "This is an association, not proof of cause." in text


def test_through_the_argument_parser(planted, capsys):
    assert _run(["--user", planted.username, "--outcome", "anxiety"]) == 0
    out = capsys.readouterr().out
    assert "What goes with anxiety" in out
    assert "On days after a day with one serving more of fermented food" in " ".join(out.split())


def test_unknown_person_and_outcome_are_errors(person, capsys):
    assert _run(["--user", "nobody"]) == 1
    assert "no account called “nobody”" in capsys.readouterr().err
    assert _run(["--user", person.username, "--outcome", "nope"]) == 1
    assert "outcome:" in capsys.readouterr().err
    assert _run(["--user", person.username, "--lags", "99"]) == 1
    assert "lags:" in capsys.readouterr().err


def test_too_little_data_is_said_plainly(person, capsys):
    assert _run(["--user", person.username]) == 0
    assert "15 more logged days" in capsys.readouterr().out
