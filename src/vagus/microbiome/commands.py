"""``vagus import microbiome FILE --user NAME``: one stool test's taxa table into an account.

The ``vagus import`` command itself lives in ``vagus.interop.commands``; it hands the
``microbiome`` format to :func:`cmd_import` here.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("microbiome")
    group.add_argument("--collected-on", help="microbiome: the day the sample was collected")
    group.add_argument("--label", default="", help="microbiome: a name for the sample")
    group.add_argument("--sample", help="microbiome: which sample of a multi-sample BIOM table")
    group.add_argument(
        "--method", choices=["16S", "shotgun", "unknown"], help="microbiome: how it was sequenced"
    )


def cmd_import(args: argparse.Namespace, user: object) -> int:
    from vagus.microbiome.actions import import_sample
    from vagus.science.microbiome import MicrobiomeFileError

    collected_on = None
    if args.collected_on:
        try:
            collected_on = date.fromisoformat(args.collected_on)
        except ValueError:
            print("vagus: --collected-on must be a date such as 2026-03-14.", file=sys.stderr)
            return 2
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"vagus: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        outcome = import_sample(
            user,  # type: ignore[arg-type]
            data,
            collected_on=collected_on,
            label=args.label or "",
            method=args.method,
            sample=args.sample,
            dry_run=args.dry_run,
        )
    except MicrobiomeFileError as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        for error in exc.errors[:50]:
            print(f"  {error}", file=sys.stderr)
        if len(exc.errors) > 50:
            print(f"  … and {len(exc.errors) - 50} more", file=sys.stderr)
        return 1
    print(("Dry run, nothing changed. " if args.dry_run else "") + outcome.summary)
    d = outcome.diversity
    print(
        f"Diversity at {d.rank} level: observed {d.observed}, Shannon {d.shannon:.3f}, "
        f"Simpson {d.simpson:.3f}"
        + (f", Pielou {d.pielou:.3f}" if d.pielou is not None else "")
        + (
            f", Chao1 {d.chao1:.1f}"
            if d.chao1 is not None
            else ", Chao1 not computed (no read counts)"
        )
    )
    for note in outcome.notes:
        print(f"Note: {note}")
    return 0
