"""``vagus study analyse STUDY --outcome anxiety``: the cohort analysis of a study in the
database (STUDY is the study's id, as in its page's address), as ``vagus cohort analyse``
does for a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from rich.console import Console


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    study = subparsers.add_parser("study", help="work with a research study")
    sub = study.add_subparsers(dest="study_command", required=True)
    analyse = sub.add_parser(
        "analyse", help="within- and between-person effects in a study's shared data"
    )
    analyse.add_argument("study", help="the study's id (from the address of its page)")
    analyse.add_argument("--outcome", required=True, help="measure code, e.g. anxiety")
    analyse.add_argument("--factors", help="measure codes separated by commas (default: all)")
    analyse.add_argument("--engine", choices=("local", "dask"), default="local")
    analyse.add_argument("--scheduler", help="a running Dask scheduler, e.g. tcp://host:8786")
    analyse.add_argument("--json", action="store_true", help="print one JSON object")

    def run(args: argparse.Namespace) -> int:
        setup()
        return analyse_command(args)

    analyse.set_defaults(func=run)


def analyse_command(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from vagus.cohort.commands import print_table
    from vagus.studies.models import Study
    from vagus.studies.results import analyse_study

    try:
        study = Study.objects.filter(uuid=args.study).first()
    except ValidationError:  # a malformed id is as unknown as a missing one
        study = None
    if study is None:
        print(f"vagus: there is no study “{args.study}”.", file=sys.stderr)
        return 1
    engine = "dask" if args.scheduler else args.engine
    factors = [f.strip() for f in args.factors.split(",") if f.strip()] if args.factors else None
    try:
        result = analyse_study(
            study, args.outcome, factors, reader=None, engine=engine, scheduler=args.scheduler
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
