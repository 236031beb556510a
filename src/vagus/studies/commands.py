"""``vagus study analyse STUDY --outcome anxiety``: the cohort analysis of a study in the
database (STUDY is the study's id, as in its page's address), as ``vagus cohort analyse``
does for a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from vagus.cohort.commands import add_analysis_arguments, analysis_factors, print_analysis


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    study = subparsers.add_parser("study", help="work with a research study")
    sub = study.add_subparsers(dest="study_command", required=True)
    analyse = sub.add_parser(
        "analyse", help="within- and between-person effects in a study's shared data"
    )
    analyse.add_argument("study", help="the study's id (from the address of its page)")
    add_analysis_arguments(analyse, workers=False)

    def run(args: argparse.Namespace) -> int:
        setup()
        return analyse_command(args)

    analyse.set_defaults(func=run)


def analyse_command(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from vagus.studies.models import Study
    from vagus.studies.results import analyse_study

    try:
        study = Study.objects.filter(uuid=args.study).first()
    except ValidationError:  # a malformed id is as unknown as a missing one
        study = None
    if study is None:
        print(f"vagus: there is no study “{args.study}”.", file=sys.stderr)
        return 1
    factors = analysis_factors(args)
    try:
        result = analyse_study(
            study, args.outcome, factors, reader=None, engine=args.engine, scheduler=args.scheduler
        )
    except (ValueError, OSError) as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        return 1
    return print_analysis(result, as_json=args.json)
