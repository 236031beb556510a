"""`vagus report --user NAME -o FILE`: the same report as the page, written to a file."""

from __future__ import annotations

import argparse
import io
import json

import pytest
from pypdf import PdfReader
from tests.reports.conftest import SECRET, pdf_text

from vagus.reports import commands

pytestmark = pytest.mark.django_db


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="vagus")
    commands.add_commands(parser.add_subparsers(dest="command"), setup=lambda: None)
    args = parser.parse_args(["report", *argv])
    return args.func(args)


def test_writes_the_pdf(reported, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    code = _run(
        [
            "--user",
            reported.person.username,
            "--from",
            reported.start.isoformat(),
            "--to",
            reported.end.isoformat(),
            "--paper",
            "letter",
            "--include",
            "journal",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert "Wrote the report" in capsys.readouterr().out
    pdf = out.read_bytes()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    pages = pdf_text(pdf)
    assert "Safety in this period" in pages[0]
    assert f"journal {SECRET}" in pages[1]


def test_defaults_to_twelve_weeks_and_can_write_fhir(reported, tmp_path):
    out = tmp_path / "report.json"
    assert _run(["--user", reported.person.username, "--fhir", "-o", str(out)]) == 0
    bundle = json.loads(out.read_text())
    period = bundle["entry"][0]["resource"]["event"][0]["period"]
    assert period == {"start": reported.start.isoformat(), "end": reported.end.isoformat()}


def test_unknown_person_and_backwards_period(person, tmp_path, capsys):
    assert _run(["--user", "nobody", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "no account called “nobody”" in capsys.readouterr().err
    argv = ["--user", person.username, "--from", "2026-05-10", "--to", "2026-05-01"]
    assert _run([*argv, "-o", str(tmp_path / "x.pdf")]) == 1
    assert "--to must be on or after --from" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
