"""``vagus cohort analyse FILE --outcome anxiety``: within- and between-person effects in a
tidy ``participant,date,measure,value`` file (CSV or Parquet); ``vagus cohort screens`` runs
each participant's own N-of-1 screen on the same file. Needs no database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    import pandas as pd

TIDY_FILE = "CSV or Parquet with participant,date,measure,value"
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
    analyse.add_argument("file", help=TIDY_FILE)
    add_analysis_arguments(analyse, min_days=True)
    analyse.set_defaults(func=run_analyse)
    screens = sub.add_parser(
        "screens", help="each participant's own N-of-1 screen, counted across participants"
    )
    screens.add_argument("file", help=TIDY_FILE)
    add_analysis_arguments(screens)
    screens.set_defaults(func=run_screens)


def add_analysis_arguments(
    parser: argparse.ArgumentParser, *, workers: bool = True, min_days: bool = False
) -> None:
    """The options of every cohort analysis (``vagus cohort analyse``/``screens``, ``vagus
    study analyse``): what to analyse, where to run it, how to print it. ``workers`` adds
    ``--workers`` (local Dask workers), ``min_days`` adds ``--min-days``."""
    parser.add_argument("--outcome", required=True, help="measure code, e.g. anxiety")
    parser.add_argument("--factors", help="measure codes separated by commas (default: all)")
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where to compute (default local; --scheduler means dask)",
    )
    parser.add_argument("--scheduler", help="a running Dask scheduler, e.g. tcp://host:8786")
    if workers:
        parser.add_argument("--workers", type=int, default=2, help="local Dask workers (default 2)")
    if min_days:
        parser.add_argument("--min-days", type=int, default=10, help="days a participant needs")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


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


def analysis_factors(args: argparse.Namespace) -> list[str] | None:
    """The ``--factors`` asked for (None: all); a ``--scheduler`` address also sets the engine
    to Dask."""
    if args.scheduler and args.engine != "dask":
        args.engine = "dask"  # an address only makes sense for Dask
    return [f.strip() for f in args.factors.split(",") if f.strip()] if args.factors else None


def run_analyse(args: argparse.Namespace) -> int:
    from vagus.cohort.medication import without_medication
    from vagus.science import cohort

    factors = analysis_factors(args)
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
    return print_analysis(result, as_json=args.json)


def print_analysis(result: Any, *, as_json: bool) -> int:
    """A cohort result as JSON or as a table, the factors left out named on stderr; 0."""
    for factor, why in result.left_out.items():
        print(f"vagus: {factor} left out: {why}.", file=sys.stderr)
    if as_json:
        sys.stdout.write(result.to_json() + "\n")
        return 0
    print_table(result, Console(soft_wrap=False))
    return 0


def run_screens(args: argparse.Namespace) -> int:
    from vagus.cohort.medication import without_medication
    from vagus.science import cohort

    factors = analysis_factors(args)
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
    _print_by_factor(
        console,
        f"[bold]{summary.outcome}[/bold]: {summary.screened} of {summary.participants} "
        "participants had enough days for a screen.",
        f"Personal findings about {summary.outcome}, counted across people",
        ("Lag", "Screened", "Higher", "Lower", "Median"),
        (
            (
                f.factor,
                "same day" if f.lag == 0 else f"{f.lag} day{'s' if f.lag != 1 else ''} before",
                str(f.participants),
                str(f.higher),
                str(f.lower),
                f"{f.median_estimate:+.3f}",
            )
            for f in summary.factors
        ),
        "Higher and lower count the people who would see a finding on their own page. " + CAUTION,
    )


def print_table(result: Any, console: Console) -> None:
    _print_by_factor(
        console,
        f"[bold]{result.outcome}[/bold]: {result.participants} participants, "
        f"{result.observations} days.",
        f"What goes with {result.outcome}, per unit of each factor",
        ("Within", "95 % range", "q", "Between", "95 % range", "Slope SD", "N"),
        (
            (
                f.factor,
                f"{f.within.estimate:+.3f}",
                f"{f.within.ci_low:+.3f} to {f.within.ci_high:+.3f}",
                f"{f.within.q:.3f}",
                f"{f.between.estimate:+.3f}",
                f"{f.between.ci_low:+.3f} to {f.between.ci_high:+.3f}",
                "" if f.slope_sd is None else f"{f.slope_sd:.3f}",
                str(f.participants),
            )
            for f in result.factors
        ),
        CAUTION,
    )


def _print_by_factor(
    console: Console,
    heading: str,
    title: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    footer: str,
) -> None:
    """A heading, a table with one row a factor (its name first, then ``columns``), a footer."""
    console.print(heading)
    table = Table(title=title)
    table.add_column("Factor", no_wrap=True)  # a measure code cut short would be unreadable
    for column in columns:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    console.print(footer)
