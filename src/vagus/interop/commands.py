"""``vagus import``, ``vagus remove-import``, ``vagus export-csv`` and ``vagus export-fhir``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vagus.interop.parsers import FORMATS
from vagus.microbiome import commands as microbiome_commands

# Not a stream of diary records: a stool test's taxa table, imported by vagus.microbiome.
IMPORT_FORMATS = [*FORMATS, "microbiome"]


def _user(name: str) -> Any:
    from vagus.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        print(f"vagus: no account called “{name}”.", file=sys.stderr)
    return user


def cmd_import(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    from vagus.interop.parsers.daylio import parse_mood_map
    from vagus.interop.service import ImportFailed, run_import

    user = _user(args.user)
    if user is None:
        return 1
    if args.format == "microbiome":
        return microbiome_commands.cmd_import(args, user)
    options: dict[str, Any] = {"create_measures": args.create_measures}
    try:
        if args.mood_map:
            options["mood_map"] = parse_mood_map(args.mood_map)
    except ValueError as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        return 2
    if args.source_priority:
        options["source_priority"] = [s.strip() for s in args.source_priority.split(",")]
    console = Console(stderr=True)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
    )
    failure: ImportFailed | None = None
    with Progress(*columns, console=console, transient=True) as progress:
        reading = progress.add_task(f"Reading {Path(args.file).name}", total=1.0)
        writing = progress.add_task("Saving", total=1.0, visible=not args.dry_run)
        try:
            outcome = run_import(
                user,
                args.format,
                args.file,
                dry_run=args.dry_run,
                options=options,
                read_progress=lambda f: progress.update(reading, completed=f),
                write_progress=lambda f: progress.update(writing, completed=f),
            )
        except ImportFailed as exc:
            failure = exc
    if failure is not None:
        print(f"vagus: {failure}", file=sys.stderr)
        for error in failure.errors[:50]:
            print(f"  {error}", file=sys.stderr)
        if len(failure.errors) > 50:
            print(f"  … and {len(failure.errors) - 50} more", file=sys.stderr)
        return 1
    print(("Dry run, nothing changed. " if args.dry_run else "") + outcome.summary)
    for note in outcome.notes:
        print(f"Note: {note}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from vagus.interop.importing import remove_source

    user = _user(args.user)
    if user is None:
        return 1
    source = args.source if args.source.startswith("import:") else f"import:{args.source}"
    try:
        removed = remove_source(user, source)
    except ValueError as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        return 1
    print(f"Removed {removed} imported values and entries from {source}.")
    return 0


def _write(output: str | None, data: bytes, what: str) -> None:
    if output:
        Path(output).write_bytes(data)
        print(f"Wrote {what} to {output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)


def cmd_export_csv(args: argparse.Namespace) -> int:
    from vagus.interop.csv_export import csv_zip

    user = _user(args.user)
    if user is None:
        return 1
    _write(args.output or f"vagus-{user.username}-csv.zip", csv_zip(user), "the CSV files")
    return 0


def cmd_export_fhir(args: argparse.Namespace) -> int:
    from vagus.interop.fhir_export import bundle

    user = _user(args.user)
    if user is None:
        return 1
    text = json.dumps(bundle(user), indent=2, ensure_ascii=False) + "\n"
    _write(args.output, text.encode(), "the FHIR Bundle")
    return 0


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    def run(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        def wrapped(args: argparse.Namespace) -> int:
            setup()
            return fn(args)

        return wrapped

    imp = subparsers.add_parser(
        "import",
        help="import a file into an account (all of it, or nothing)",
        description="Import a file. Nothing is changed unless the whole file can be imported; "
        "importing the same file again changes nothing.",
    )
    imp.add_argument(
        "format", choices=IMPORT_FORMATS, metavar="FORMAT", help=", ".join(IMPORT_FORMATS)
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--user", required=True)
    imp.add_argument("--dry-run", action="store_true", help="only say what would change")
    imp.add_argument(
        "--mood-map", help='Daylio: levels for your own mood names, e.g. "Anxious=2,Calm=4"'
    )
    imp.add_argument(
        "--create-measures",
        action="store_true",
        help="csv: create measures the file names but you do not have yet",
    )
    imp.add_argument(
        "--source-priority",
        help='apple-health: which sources win overlaps, best first, e.g. "Watch,iPhone"',
    )
    microbiome_commands.add_arguments(imp)
    imp.set_defaults(func=run(cmd_import))

    remove = subparsers.add_parser(
        "remove-import", help="remove everything one import source brought in"
    )
    remove.add_argument("source", help="e.g. import:daylio (or just daylio)")
    remove.add_argument("--user", required=True)
    remove.set_defaults(func=run(cmd_remove))

    csv_cmd = subparsers.add_parser(
        "export-csv", help="write a zip with a tidy CSV (one row per value) and a wide one per day"
    )
    csv_cmd.add_argument("--user", required=True)
    csv_cmd.add_argument("--output", "-o", help="zip file to write (default: vagus-NAME-csv.zip)")
    csv_cmd.set_defaults(func=run(cmd_export_csv))

    fhir_cmd = subparsers.add_parser(
        "export-fhir", help="write observations and questionnaires as a FHIR R4 Bundle"
    )
    fhir_cmd.add_argument("--user", required=True)
    fhir_cmd.add_argument("--output", "-o", help="file to write (default: standard output)")
    fhir_cmd.set_defaults(func=run(cmd_export_fhir))
