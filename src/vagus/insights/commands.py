"""``vagus insights --user NAME [--outcome anxiety]``: the Insights page as a terminal table."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    parser = subparsers.add_parser(
        "insights", help="show what goes with a measure (anxiety by default) in a diary"
    )
    parser.add_argument("--user", required=True, help="the account's username")
    parser.add_argument("--outcome", default="anxiety", help="measure code (default: anxiety)")
    parser.add_argument("--lags", default="0,1", help="lags in days, e.g. 0,1 (default)")

    def run(args: argparse.Namespace) -> int:
        setup()
        return print_insights(args.user, args.outcome, args.lags, Console(soft_wrap=False))

    parser.set_defaults(func=run)


def print_insights(username: str, outcome: str, lags: str, console: Console) -> int:
    """Print the report for one account; 1 with a message on stderr for bad input."""
    from vagus.accounts.models import User
    from vagus.insights import queries, wording

    user = User.objects.filter(username=username).first()
    if user is None:
        print(f"vagus: no account called “{username}”.", file=sys.stderr)
        return 1
    try:
        report = queries.insights_for(user, outcome, queries.parse_lags(lags))
    except ValueError as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        return 1
    label = report.outcome.label
    console.print(f"[bold]{label}[/bold]: {report.logged_days} days logged.")
    if report.more_days_needed:
        console.print(
            f"Not enough days yet: about {report.more_days_needed} more logged days in a row "
            "would make a first estimate possible."
        )
        return 0
    table = Table(
        title=f"What goes with {label.lower()} (q ≤ 0.05, held for four weeks: a clear finding)"
    )
    for column in ("Factor", "When", "Difference", "95 % range", "Per", "q", "Days", "Clear"):
        table.add_column(column, justify="left" if column in {"Factor", "When", "Per"} else "right")
    for finding in report.estimated:
        a = finding.association
        estimate, low, high = queries.shown_numbers(a)
        table.add_row(
            finding.label,
            finding.when,
            f"{estimate:+.2f}",
            f"{low:+.2f} to {high:+.2f}",
            "yes vs no" if a.binary else finding.unit,
            f"{a.q_value:.3f}",
            str(a.n_days),
            "yes" if a.significant else "",
        )
    console.print(table)
    for finding in report.found:
        console.print(f"• {finding.sentence}")
    if report.together:
        console.print("Goes together on the same day (a description, not causes):")
    for together in report.together:
        console.print(f"• {together.sentence}")
    for waiting in report.waiting:
        console.print(f"{waiting.measure.label}: at least {waiting.days_needed} more days needed.")
    if not report.found:
        console.print("Nothing stands out clearly yet.")
        console.print(wording.NOT_CAUSE)
    console.print(wording.NOT_MEDICATION)
    return 0
