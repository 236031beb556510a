"""Checking staged records for one person, then publishing all of them in one transaction, or none.

Idempotent: every record carries a key unique within its source (``import:daylio`` …), kept in
``ImportedEntry``. A key seen before with the same value is left alone; with a new value (a
later export of the same day, e.g. more steps) the value is updated; new keys are added. So
importing the same file twice changes nothing, and a newer export only adds what is new.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from vagus import audit
from vagus.accounts.models import EARLIEST_DAY
from vagus.config.paths import data_dir
from vagus.diary import kinds
from vagus.diary.models import Measure, Observation
from vagus.interop.models import ImportedEntry
from vagus.interop.publish import publish
from vagus.interop.records import (
    MAX_ERRORS_KEPT,
    MeasureRef,
    ParseResult,
    ProgressFn,
    RowError,
)
from vagus.interop.staging import Staging, utc_text

if TYPE_CHECKING:
    from vagus.accounts.models import User


OWN_CODE = re.compile(r"^my_[a-z0-9_]{1,60}$")


def staging_dir() -> Path:
    """Uploads and staging files: personal data, readable by the server's user only."""
    path = data_dir() / "imports"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


class ImportRefused(ValueError):
    """The file cannot be imported whole; nothing was written. ``report`` says why."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(report.summary())


@dataclass
class ImportReport:
    source: str
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # new entries per kind
    measures_created: list[str] = field(default_factory=list)
    first_day: str = ""
    last_day: str = ""
    errors: list[RowError] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    unmapped_counts: dict[str, int] = field(default_factory=dict)  # name → entries using it
    notes: list[str] = field(default_factory=list)
    rows: int = 0
    error_count: int = 0  # every problem found, also those past the ones kept
    publish_seconds: float | None = None  # how long the one writing transaction took

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unmapped

    def add_error(self, error: RowError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(error)

    def summary(self) -> str:
        if self.unmapped:
            names = ", ".join(
                f"“{n}”"
                + (f" ({entries(self.unmapped_counts[n])})" if n in self.unmapped_counts else "")
                for n in self.unmapped
            )
            return (
                f"Nothing was imported: these moods need a level from 1 (awful) to 5 (rad): "
                f'{names}. Map them, e.g. --mood-map "{self.unmapped[0]}=3".'
            )
        if self.errors:
            count = max(self.error_count, len(self.errors))
            return (
                f"Nothing was imported: {count} row{'s' if count > 1 else ''} "
                f"{'have' if count > 1 else 'has'} a problem (first: {self.errors[0]})"
            )
        verb = "Would add" if self.dry_run else "Added"
        text = f"{verb} {self.created}, {'would update' if self.dry_run else 'updated'} "
        text += f"{self.updated}, {self.unchanged} already there"
        if self.measures_created:
            text += f"; new measures: {', '.join(self.measures_created)}"
        return text + "."

    def counts(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "by_kind": self.by_kind,
            "measures_created": self.measures_created,
            "first_day": self.first_day,
            "last_day": self.last_day,
            "rows": self.rows,
            **({"publish_seconds": self.publish_seconds} if self.publish_seconds else {}),
        }


@dataclass
class _Resolved:
    by_ref: dict[int, Measure | None]  # staged ref id → measure (None: to be created)
    to_create: dict[int, tuple[str, str, MeasureRef]]  # ref id → (code, label, ref)
    kind_of: dict[int, str]  # ref id → kind code of its measure


def _infer_kind(values: Iterable[float]) -> str:
    seen_yes_no = seen_scale = True
    for v in values:
        seen_yes_no = seen_yes_no and v in (0.0, 1.0)
        seen_scale = seen_scale and 0 <= v <= 10 and float(v).is_integer()
        if not seen_scale:
            break
    if seen_yes_no:
        return "yesno"
    return "scale" if seen_scale else "count"


def _resolve_measures(
    user: User, staging: Staging, create_measures: bool, report: ImportReport, newest_first: bool
) -> _Resolved:
    available = list(Measure.objects.available_to(user))
    by_code = {m.code: m for m in available}
    own_by_label = {m.label.casefold(): m for m in available if m.owner_id}
    builtin_by_label = {m.label.casefold(): m for m in available if not m.owner_id}
    taken_codes = set(by_code)
    resolved = _Resolved({}, {}, {})
    unknown: list[tuple[int, str]] = []
    created_by_code: dict[str, str] = {}
    for staged in staging.refs(newest_first):
        ref, line = staged.ref, staged.first_line
        if ref.code:
            measure = by_code.get(ref.code)
            if measure is None:
                unknown.append((line, ref.code))
            resolved.by_ref[staged.id] = measure
            continue
        folded = ref.label.casefold()
        measure = by_code.get(ref.label) or own_by_label.get(folded)
        if measure is None and ref.title:
            measure = own_by_label.get(ref.title.casefold())
        if measure is None and not ref.kind:  # a spreadsheet may use a built-in's label
            measure = builtin_by_label.get(folded)
        if measure is not None and (not ref.kind or measure.kind == ref.kind):
            resolved.by_ref[staged.id] = measure
            continue
        label = ref.title or ref.label
        if measure is not None:  # same name, different kind: keep both, clearly apart
            label = f"{label[:60]} ({report.source.removeprefix('import:')})"
            clash = own_by_label.get(label.casefold())
            if clash is not None and clash.kind == ref.kind:
                resolved.by_ref[staged.id] = clash
                continue
        if not ref.kind and not create_measures:
            unknown.append((line, ref.label))
            continue
        code = created_by_code.get(label.casefold(), "")
        if not code and OWN_CODE.match(ref.label) and ref.label not in taken_codes:
            # The file names the measure by a code of one's own (Vagus's tidy CSV): keep it.
            code = ref.label
            taken_codes.add(code)
            created_by_code[label.casefold()] = code
            report.measures_created.append(label)
        if not code:
            code = base = "my_" + (slugify(label).replace("-", "_")[:50] or "measure")
            suffix = 2
            while code in taken_codes:
                code, suffix = f"{base}_{suffix}", suffix + 1
            taken_codes.add(code)
            created_by_code[label.casefold()] = code
            report.measures_created.append(label)
        resolved.by_ref[staged.id] = None
        resolved.to_create[staged.id] = (code, label, ref)
    for line, name in unknown:
        report.add_error(
            RowError(
                line,
                "measure",
                f"there is no measure called “{name}”. Add it on the Measures page first, "
                "or let the import create it (--create-measures / the tick box).",
            )
        )
    for ref_id, measure in resolved.by_ref.items():
        if measure is not None:
            resolved.kind_of[ref_id] = measure.kind
        else:
            ref = resolved.to_create[ref_id][2]
            suggested = ref.suggested_kind if ref.suggested_kind in kinds.KINDS else ""
            resolved.kind_of[ref_id] = (
                ref.kind or suggested or _infer_kind(staging.values_of(ref_id))
            )
    return resolved


def _check_values(staging: Staging, resolved: _Resolved, report: ImportReport) -> None:
    """Values outside their measure's range, and days outside the diary's, with their lines."""
    for ref_id, kind_code in resolved.kind_of.items():
        kind = kinds.KINDS[kind_code]
        for line, value, label, code in staging.query(
            """SELECT line, value, ref.label, ref.code FROM record JOIN ref ON ref.id = record.ref
               WHERE record.ref = ? AND record.kind = 'observation'
                 AND (value < ? OR value > ? OR (? AND value != CAST(value AS INTEGER)))
               ORDER BY line""",
            (ref_id, kind.minimum, kind.maximum, int(kind.whole)),
        ):
            try:
                kinds.check_value(kind, value, code or label)
            except ValueError as exc:
                report.add_error(RowError(line, "value", str(exc)))


def _check_days(user: User, staging: Staging, report: ImportReport) -> None:
    """The diary's rules: no day before 1900 and none after today where the person lives."""
    earliest, today = EARLIEST_DAY.isoformat(), user.today().isoformat()
    for line, day in staging.query(
        "SELECT line, day FROM record WHERE day < ? OR day > ? ORDER BY line", (earliest, today)
    ):
        if day < earliest:
            reason = f"{day} is before {EARLIEST_DAY.year}"
        else:
            reason = f"{day} is in the future where you are"
        report.add_error(RowError(line, "date", reason))


def import_records(
    user: User,
    parsed: ParseResult,
    *,
    dry_run: bool = False,
    create_measures: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Store the records kept in ``parsed`` (see :func:`import_staged`)."""
    with Staging.create(staging_dir()) as staging:
        for record in parsed.records:
            staging.add(record)
        return import_staged(
            user,
            parsed,
            staging,
            dry_run=dry_run,
            create_measures=create_measures,
            progress=progress,
        )


def import_staged(
    user: User,
    parsed: ParseResult,
    staging: Staging,
    *,
    dry_run: bool = False,
    create_measures: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Check what the parser staged for ``user``; unless ``dry_run``, publish it.

    Raises :class:`ImportRefused` with nothing written when any row has a problem. Only the
    publish step writes to the main database, in one transaction.
    """
    report = ImportReport(parsed.source, dry_run, rows=parsed.rows)
    report.errors = [*parsed.errors, *staging.errors][:MAX_ERRORS_KEPT]
    report.error_count = parsed.error_count + staging.error_count
    report.unmapped = list(parsed.unmapped)
    report.unmapped_counts = dict(parsed.unmapped_counts)
    report.notes = list(parsed.notes)
    if report.unmapped:
        raise ImportRefused(report)
    if not staging.finish_keys(parsed.newest_first):
        report.add_error(RowError(0, "file", "two rows have the same key; nothing was imported"))
    # Rows that parsed are checked too, so one pass reports every rejected row.
    resolved = _resolve_measures(user, staging, create_measures, report, parsed.newest_first)
    _check_values(staging, resolved, report)
    _check_days(user, staging, report)
    if not report.ok:
        report.errors.sort(key=lambda e: e.line)
        raise ImportRefused(report)

    staging.load_existing(_existing_entries(user, parsed.source))
    staging.classify()
    first, last = staging.one("SELECT min(day), max(day) FROM record")
    report.first_day, report.last_day = first or "", last or ""
    for state, kind, count in staging.query(
        "SELECT state, kind, count(*) FROM record GROUP BY state, kind"
    ):
        if state == "new":
            report.created += count
            report.by_kind[kind] = report.by_kind.get(kind, 0) + count
        elif state == "changed":
            report.updated += count
        else:
            report.unchanged += count
    if dry_run:
        return report
    if not (report.created or report.updated):  # nothing to write, so nothing to record either
        if progress:
            progress(1.0)
        return report
    detail = {"source": parsed.source, "created": report.created, "updated": report.updated}
    try:
        report.publish_seconds = publish(
            user, parsed.source, staging, resolved, audit_detail=detail
        )
    except IntegrityError:
        report.add_error(
            RowError(0, "file", "another import of the same data ran at the same time; try again")
        )
        raise ImportRefused(report) from None
    if progress:
        progress(1.0)
    return report


def _existing_entries(user: User, source: str) -> Iterator[tuple[Any, ...]]:
    rows = (
        ImportedEntry.objects.owned_by(user)
        .filter(source=source)
        .values_list(
            "key",
            "id",
            "observation_id",
            "observation__value",
            "observation__day",
            "observation__time",
            "day",
            "time",
            "label",
            "text",
        )
        .order_by()
        .iterator(chunk_size=5000)
    )
    for key, pk, obs, value, obs_day, obs_time, day, time, label, text in rows:
        yield (
            key,
            pk,
            obs,
            value,
            obs_day.isoformat() if obs_day else None,
            utc_text(obs_time),
            day.isoformat() if day else None,
            utc_text(time),
            label,
            text,
        )


def imported_sources(user: User) -> list[dict[str, Any]]:
    """Each import source this person has data from, with how many values and entries."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"values": 0, "entries": 0})
    for source in (
        Observation.objects.owned_by(user)
        .filter(source__startswith="import:")
        .values_list("source", flat=True)
    ):
        counts[source]["values"] += 1
    for source in (
        ImportedEntry.objects.owned_by(user)
        .exclude(kind=ImportedEntry.MEASURE)
        .values_list("source", flat=True)
    ):
        counts[source]["entries"] += 1
    return [{"source": s, **c} for s, c in sorted(counts.items())]


def remove_source(user: User, source: str) -> int:
    """Remove everything one import source brought in; returns how many rows went.

    Values, notes and raw rows go; measures the import created go too unless other values
    use them. The person's own check-ins, meals and questionnaires are never touched.
    """
    if not source.startswith("import:"):
        raise ValueError(f"“{source}” is not an import source (they start with “import:”)")
    with transaction.atomic():
        created = list(
            ImportedEntry.objects.owned_by(user)
            .filter(source=source, kind=ImportedEntry.MEASURE)
            .values_list("measure_id", flat=True)
        )
        _, deleted = Observation.objects.owned_by(user).filter(source=source).delete()
        removed = deleted.get(Observation._meta.label, 0)
        entries, _ = (
            ImportedEntry.objects.owned_by(user)
            .filter(source=source)
            .exclude(kind=ImportedEntry.MEASURE)
            .delete()
        )
        unused = (
            Measure.objects.owned_by(user)
            .filter(pk__in=[pk for pk in created if pk])
            .exclude(observations__isnull=False)
        )
        unused.delete()
        ImportedEntry.objects.owned_by(user).filter(source=source).delete()
        audit.record(
            "import.remove_source",
            user,
            detail={"source": source, "observations": removed, "entries": entries},
        )
    return removed + entries
