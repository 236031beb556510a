"""``vagus report --user NAME [--from DATE] [--to DATE] [--paper a4|letter] [--include ...]
-o FILE``: the clinician report as a PDF file (or, with ``--fhir``, its FHIR document Bundle)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from vagus.reports.shapes import TEXT_SECTIONS


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2026-09-01") from None


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    parser = subparsers.add_parser(
        "report", help="write the one-page report for a therapist or doctor (PDF)"
    )
    parser.add_argument("--user", required=True, help="the account's username")
    parser.add_argument("--from", dest="start", type=_day, help="first day (default: 12 weeks ago)")
    parser.add_argument("--to", dest="end", type=_day, help="last day (default: today)")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        choices=sorted(TEXT_SECTIONS),
        help="add this writing as an appendix (repeat for more); never included otherwise",
    )
    parser.add_argument("--name", default="", help="name on the report (default: initials)")
    parser.add_argument("--fhir", action="store_true", help="write the FHIR Bundle instead")
    parser.add_argument("-o", "--output", required=True, help="file to write")

    def run(args: argparse.Namespace) -> int:
        setup()
        return write_report(args)

    parser.set_defaults(func=run)


def write_report(args: argparse.Namespace) -> int:
    """Write the file; 1 with a message on stderr for an unknown account or a bad period."""
    from vagus.accounts.models import User
    from vagus.reports.fhir import report_bundle
    from vagus.reports.figures import default_period, report_figures
    from vagus.reports.pdf import render_pdf

    user = User.objects.filter(username=args.user).first()
    if user is None:
        print(f"vagus: no account called “{args.user}”.", file=sys.stderr)
        return 1
    default_start, default_end = default_period(user.today())
    end = args.end or default_end
    start = args.start or (
        default_start if args.end is None else end - (default_end - default_start)
    )
    if end < start:
        print("vagus: --to must be on or after --from.", file=sys.stderr)
        return 1
    output = Path(args.output)
    if args.fhir:
        bundle = report_bundle(user, start, end)
        output.write_text(json.dumps(bundle, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        figures = report_figures(
            user, start, end, include_text=frozenset(args.include), name=args.name
        )
        output.write_bytes(render_pdf(figures, args.paper))
    print(f"Wrote the report for {start:%d %b %Y} to {end:%d %b %Y} to {output}.")
    return 0
