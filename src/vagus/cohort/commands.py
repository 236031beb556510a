"""``vagus cohort analyse FILE --outcome anxiety``: within- and between-person effects in a
tidy ``participant,date,measure,value`` file (CSV or Parquet); ``vagus cohort screens`` runs
each participant's own N-of-1 screen on the same file. Needs no database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    import pandas as pd

CAUTION = (
    "These are associations across diaries, not causes: a within-person effect says what goes "
    "with a person's better or worse days, a between-person effect how people differ."
)


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    del setup  # no database: the file is all there is
    cohort = subparsers.add_parser("cohort", help="analyse a study's participants together")
    sub = cohort.add_subparsers(dest="cohort_command", required=True)
    analyse = sub.add_parser(
        "analyse", help="within- and between-person effects in a tidy CSV or Parquet file"
    )
    analyse.add_argument("file", help="CSV or Parquet with participant,date,measure,value")
    analyse.add_argument("--outcome", required=True, help="measure code, e.g. anxiety")
    analyse.add_argument("--factors", help="measure codes separated by commas (default: all)")
    analyse.add_argument("--engine", choices=("local", "dask"), default="local")
    analyse.add_argument("--scheduler", help="a running Dask scheduler, e.g. tcp://host:8786")
    analyse.add_argument("--workers", type=int, default=2, help="local Dask workers (default 2)")
    analyse.add_argument("--min-days", type=int, default=10, help="days a participant needs")
    analyse.add_argument("--json", action="store_true", help="print one JSON object")
    analyse.set_defaults(func=run_analyse)
    screens = sub.add_parser(
        "screens", help="each participant's own N-of-1 screen, counted across participants"
    )
    screens.add_argument("file", help="CSV or Parquet with participant,date,measure,value")
    screens.add_argument("--outcome", required=True, help="measure code, e.g. anxiety")
    screens.add_argument("--factors", help="measure codes separated by commas (default: all)")
    screens.add_argument("--engine", choices=("local", "dask"), default="local")
    screens.add_argument("--scheduler", help="a running Dask scheduler, e.g. tcp://host:8786")
    screens.add_argument("--workers", type=int, default=2, help="local Dask workers (default 2)")
    screens.add_argument("--json", action="store_true", help="print one JSON object")
    screens.set_defaults(func=run_screens)


def read_tidy(path: Path) -> pd.DataFrame:
    """The file as text columns (values are checked, not guessed, by the analysis)."""
    import pandas as pd  # here, not at the top: every other vagus command would pay for it

    if not path.exists():
        raise ValueError(f"There is no file {path}.")
    if path.suffix.lower() in {".parquet", ".pq"}:
        try:
            return pd.read_parquet(path)
        except Exception as exc:  # pyarrow's errors have many types; the message is what helps
            raise ValueError(f"{path} is not a readable Parquet file ({exc}).") from exc
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path} is not a readable CSV file ({exc}).") from exc


def _factors(args: argparse.Namespace) -> list[str] | None:
    if args.scheduler and args.engine != "dask":
        args.engine = "dask"  # an address only makes sense for Dask
    return [f.strip() for f in args.factors.split(",") if f.strip()] if args.factors else None


def run_analyse(args: argparse.Namespace) -> int:
    from vagus.cohort.medication import without_medication
    from vagus.science import cohort

    factors = _factors(args)
    try:
        frame = without_medication(read_tidy(Path(args.file)), args.outcome, factors)
        result = cohort.analyse(
            frame,
            args.outcome,
            factors,
            engine=args.engine,
            scheduler=args.scheduler,
            min_days=args.min_days,
            workers=args.workers,
        )
    except (ValueError, OSError) as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        return 1
    for factor, why in result.left_out.items():
        print(f"vagus: {factor} left out: {why}.", file=sys.stderr)
    if args.json:
        sys.stdout.write(result.to_json() + "\n")
        return 0
    print_table(result, Console(soft_wrap=False))
    return 0


def run_screens(args: argparse.Namespace) -> int:
    from vagus.cohort.medication import without_medication
    from vagus.science import cohort

    factors = _factors(args)
    try:
        frame = without_medication(read_tidy(Path(args.file)), args.outcome, factors)
        summary = cohort.screens(
            frame,
            args.outcome,
            factors,
            engine=args.engine,
            scheduler=args.scheduler,
            workers=args.workers,
        )
    except (ValueError, OSError) as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        return 1
    if args.json:
        sys.stdout.write(summary.to_json() + "\n")
        return 0
    print_screens(summary, Console(soft_wrap=False))
    return 0


def print_screens(summary: Any, console: Console) -> None:
    console.print(
        f"[bold]{summary.outcome}[/bold]: {summary.screened} of {summary.participants} "
        "participants had enough days for a screen."
    )
    table = Table(title=f"Personal findings about {summary.outcome}, counted across people")
    table.add_column("Factor", no_wrap=True)
    for column in ("Lag", "Screened", "Higher", "Lower", "Median"):
        table.add_column(column, justify="right")
    for f in summary.factors:
        table.add_row(
            f.factor,
            "same day" if f.lag == 0 else f"{f.lag} day{'s' if f.lag != 1 else ''} before",
            str(f.participants),
            str(f.higher),
            str(f.lower),
            f"{f.median_estimate:+.3f}",
        )
    console.print(table)
    console.print(
        "Higher and lower count the people who would see a finding on their own page. " + CAUTION
    )


def print_table(result: Any, console: Console) -> None:
    console.print(
        f"[bold]{result.outcome}[/bold]: {result.participants} participants, "
        f"{result.observations} days."
    )
    table = Table(title=f"What goes with {result.outcome}, per unit of each factor")
    table.add_column("Factor", no_wrap=True)  # a measure code cut short would be unreadable
    for column in ("Within", "95 % range", "q", "Between", "95 % range", "Slope SD", "N"):
        table.add_column(column, justify="right")
    for f in result.factors:
        table.add_row(
            f.factor,
            f"{f.within.estimate:+.3f}",
            f"{f.within.ci_low:+.3f} to {f.within.ci_high:+.3f}",
            f"{f.within.q:.3f}",
            f"{f.between.estimate:+.3f}",
            f"{f.between.ci_low:+.3f} to {f.between.ci_high:+.3f}",
            "" if f.slope_sd is None else f"{f.slope_sd:.3f}",
            str(f.participants),
        )
    console.print(table)
    console.print(CAUTION)
