"""One entry point for every import, whichever door it comes through (page, API, command line).

``run_import`` streams the file into a staging file, checks it whole there, then publishes it
in one short transaction (or, for a dry run, only says what would change). Anything that
stops it raises :class:`ImportFailed` with a message a person can act on, and nothing has
been written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vagus.backup import restore
from vagus.interop import importing
from vagus.interop.parsers import FORMATS, parse
from vagus.interop.records import FileError, ProgressFn, RowError
from vagus.interop.staging import Staging

if TYPE_CHECKING:
    from vagus.accounts.models import User


class ImportFailed(ValueError):
    def __init__(
        self,
        message: str,
        errors: list[RowError] | None = None,
        unmapped: list[str] | None = None,
        unmapped_counts: dict[str, int] | None = None,
    ) -> None:
        self.errors = errors or []
        self.unmapped = unmapped or []
        self.unmapped_counts = unmapped_counts or {}
        super().__init__(message)


@dataclass
class Outcome:
    summary: str
    counts: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def run_import(
    user: User,
    fmt: str,
    path: Path | str,
    *,
    dry_run: bool = False,
    options: dict[str, Any] | None = None,
    read_progress: ProgressFn | None = None,
    write_progress: ProgressFn | None = None,
) -> Outcome:
    options = dict(options or {})
    if fmt not in FORMATS:
        raise ImportFailed(f"“{fmt}” is not a format Vagus reads; choose {', '.join(FORMATS)}.")
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"there is no file at {path}.")
    if fmt == "json":
        try:
            document = restore.load(path.read_bytes())
            restored = restore.restore(user, document, dry_run=dry_run)
        except restore.RestoreRefused as exc:
            raise ImportFailed(str(exc)) from None
        return Outcome(restored.summary(), dict(restored.counts), restored.notes)
    create_measures = bool(options.pop("create_measures", False))
    options.pop("auto_confirm", None)
    # The file is read as a stream into a staging file of its own; only the publish step at
    # the end touches the main database (see vagus.interop.staging and .publish).
    with Staging.create(importing.staging_dir()) as staging:
        try:
            with path.open("rb") as stream:
                parsed = parse(
                    fmt,
                    stream,
                    zone=user.zone(),
                    progress=read_progress,
                    sink=staging.add,
                    **options,
                )
        except FileError as exc:
            raise ImportFailed(f"Nothing was imported: {exc}") from None
        try:
            report = importing.import_staged(
                user,
                parsed,
                staging,
                dry_run=dry_run,
                create_measures=create_measures,
                progress=write_progress,
            )
        except importing.ImportRefused as exc:
            report = exc.report
            raise ImportFailed(
                str(exc), report.errors, report.unmapped, report.unmapped_counts
            ) from None
    return Outcome(report.summary(), report.counts(), report.notes)
