"""Writing parsed records for one person: all of them in one transaction, or none.

Idempotent: every record carries a key unique within its source (``import:daylio`` …), kept in
``ImportedEntry``. A key seen before with the same value is left alone; with a new value (a
later export of the same day, e.g. more steps) the value is updated; new keys are added. So
importing the same file twice changes nothing, and a newer export only adds what is new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from vagus.diary import kinds
from vagus.diary.models import Measure, Observation
from vagus.interop.models import ImportedEntry
from vagus.interop.records import (
    OBSERVATION,
    MeasureRef,
    ParseResult,
    ProgressFn,
    Record,
    RowError,
)

if TYPE_CHECKING:
    from vagus.accounts.models import User

BATCH = 2000


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
    notes: list[str] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unmapped

    def summary(self) -> str:
        if self.unmapped:
            names = ", ".join(f"“{n}”" for n in self.unmapped)
            return (
                f"Nothing was imported: these moods need a level from 1 (awful) to 5 (rad): "
                f'{names}. Map them, e.g. --mood-map "{self.unmapped[0]}=3".'
            )
        if self.errors:
            count = len(self.errors)
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
        }


@dataclass
class _Resolved:
    by_ref: dict[MeasureRef, Measure | None]  # None: to be created
    to_create: dict[MeasureRef, tuple[str, str]]  # ref → (code, label)


def _infer_kind(values: Iterable[float]) -> str:
    values = list(values)
    if all(v in (0.0, 1.0) for v in values):
        return "yesno"
    if all(0 <= v <= 10 and float(v).is_integer() for v in values):
        return "scale"
    return "count"


def _resolve_measures(
    user: User, records: list[Record], create_measures: bool, report: ImportReport
) -> _Resolved:
    available = list(Measure.objects.available_to(user))
    by_code = {m.code: m for m in available}
    own_by_label = {m.label.casefold(): m for m in available if m.owner_id}
    builtin_by_label = {m.label.casefold(): m for m in available if not m.owner_id}
    taken_codes = set(by_code)
    first_line: dict[MeasureRef, int] = {}
    for record in records:
        if record.measure is not None:
            first_line.setdefault(record.measure, record.line)
    resolved = _Resolved({}, {})
    unknown: list[tuple[int, str]] = []
    for ref, line in first_line.items():
        if ref.code:
            measure = by_code.get(ref.code)
            if measure is None:
                unknown.append((line, ref.code))
            resolved.by_ref[ref] = measure
            continue
        folded = ref.label.casefold()
        measure = by_code.get(ref.label) or own_by_label.get(folded)
        if measure is None and not ref.kind:  # a spreadsheet may use a built-in's label
            measure = builtin_by_label.get(folded)
        if measure is not None and (not ref.kind or measure.kind == ref.kind):
            resolved.by_ref[ref] = measure
            continue
        label = ref.label
        if measure is not None:  # same name, different kind: keep both, clearly apart
            label = f"{ref.label[:60]} ({report.source.removeprefix('import:')})"
            clash = own_by_label.get(label.casefold())
            if clash is not None and clash.kind == ref.kind:
                resolved.by_ref[ref] = clash
                continue
        if not ref.kind and not create_measures:
            unknown.append((line, ref.label))
            continue
        code = base = "my_" + (slugify(label).replace("-", "_")[:50] or "measure")
        suffix = 2
        while code in taken_codes:
            code, suffix = f"{base}_{suffix}", suffix + 1
        taken_codes.add(code)
        resolved.by_ref[ref] = None
        resolved.to_create[ref] = (code, label)
        report.measures_created.append(label)
    for line, name in unknown:
        report.errors.append(
            RowError(
                line,
                "measure",
                f"there is no measure called “{name}”. Add it on the Measures page first, "
                "or let the import create it (--create-measures / the tick box).",
            )
        )
    return resolved


def import_records(
    user: User,
    parsed: ParseResult,
    *,
    dry_run: bool = False,
    create_measures: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Store ``parsed`` for ``user`` (or, with ``dry_run``, only say what would change).

    Raises :class:`ImportRefused` with nothing written when any row has a problem.
    """
    report = ImportReport(parsed.source, dry_run, rows=parsed.rows)
    report.errors = sorted(parsed.errors, key=lambda e: e.line)
    report.unmapped = list(parsed.unmapped)
    report.notes = list(parsed.notes)
    if report.unmapped:
        raise ImportRefused(report)
    # Rows that parsed are checked too, so one pass reports every rejected row.
    records = parsed.records
    resolved = _resolve_measures(user, records, create_measures, report)
    kinds_of: dict[MeasureRef, kinds.Kind] = {}
    for ref, measure in resolved.by_ref.items():
        kind_code = measure.kind if measure else (ref.kind or _infer_kind([]))
        if measure is None and not ref.kind:
            kind_code = _infer_kind(r.value or 0.0 for r in records if r.measure == ref)
        kinds_of[ref] = kinds.KINDS[kind_code]
    cleaned: dict[int, float] = {}
    for index, record in enumerate(records):
        if record.kind == OBSERVATION and record.measure in kinds_of:
            try:
                name = record.measure.name
                cleaned[index] = kinds.check_value(kinds_of[record.measure], record.value, name)
            except ValueError as exc:
                report.errors.append(RowError(record.line, "value", str(exc)))
    if not report.ok:
        report.errors.sort(key=lambda e: e.line)
        raise ImportRefused(report)

    existing = {
        e.key: e
        for e in ImportedEntry.objects.owned_by(user)
        .filter(source=parsed.source)
        .select_related("observation")
    }
    days = sorted(r.day for r in records)
    if days:
        report.first_day, report.last_day = days[0].isoformat(), days[-1].isoformat()
    new: list[int] = []
    changed: list[int] = []
    for index, record in enumerate(records):
        entry = existing.get(record.key)
        if entry is None:
            new.append(index)
            report.by_kind[record.kind] = report.by_kind.get(record.kind, 0) + 1
        elif _differs(entry, record, cleaned.get(index)):
            changed.append(index)
        else:
            report.unchanged += 1
    report.created, report.updated = len(new), len(changed)
    if dry_run:
        return report
    try:
        _write(user, parsed.source, records, cleaned, resolved, new, changed, existing, progress)
    except IntegrityError:
        report.errors.append(
            RowError(0, "file", "another import of the same data ran at the same time; try again")
        )
        raise ImportRefused(report) from None
    return report


def _differs(entry: ImportedEntry, record: Record, value: float | None) -> bool:
    if record.kind != OBSERVATION:
        return (entry.text, entry.label, entry.day, entry.time) != (
            record.text,
            record.label[:120],
            record.day,
            record.time,
        )
    observation = entry.observation
    return observation is None or (observation.value, observation.day, observation.time) != (
        value,
        record.day,
        record.time,
    )


def _measure_ref(record: Record) -> MeasureRef:
    if record.measure is None:  # parsers give every observation its measure
        raise ValueError(f"line {record.line}: an observation without a measure")
    return record.measure


def _write(
    user: User,
    source: str,
    records: list[Record],
    cleaned: dict[int, float],
    resolved: _Resolved,
    new: list[int],
    changed: list[int],
    existing: dict[str, ImportedEntry],
    progress: ProgressFn | None,
) -> None:
    with transaction.atomic():
        measures = dict(resolved.by_ref)
        created_measures: dict[str, Measure] = {}
        for ref, (code, label) in resolved.to_create.items():
            if ref not in measures:
                continue
            measure = created_measures.get(code)
            if measure is None:
                kind = ref.kind or _infer_kind(r.value or 0.0 for r in records if r.measure == ref)
                measure = Measure.objects.create(
                    owner=user,
                    code=code,
                    label=label[:80],
                    kind=kind,
                    direction=ref.direction,
                    loinc=ref.loinc,
                    on_checkin=ref.on_checkin,
                    position=500,
                )
                created_measures[code] = measure
                ImportedEntry.objects.create(
                    owner=user,
                    source=source,
                    key=f"measure:{code}",
                    kind=ImportedEntry.MEASURE,
                    label=label[:120],
                    measure=measure,
                )
            measures[ref] = measure
        for start in range(0, len(new), BATCH):
            batch = [records[i] for i in new[start : start + BATCH]]
            indices = new[start : start + BATCH]
            observations = Observation.objects.bulk_create(
                [
                    Observation(
                        owner=user,
                        measure=measures[_measure_ref(r)],
                        day=r.day,
                        time=r.time,
                        value=cleaned[i],
                        source=source,
                    )
                    for i, r in zip(indices, batch, strict=True)
                    if r.kind == OBSERVATION
                ]
            )
            linked = iter(observations)
            ImportedEntry.objects.bulk_create(
                [
                    ImportedEntry(
                        owner=user,
                        source=source,
                        key=r.key,
                        kind=r.kind,
                        day=r.day,
                        time=r.time,
                        label=r.label[:120],
                        text=r.text,
                        observation=next(linked) if r.kind == OBSERVATION else None,
                    )
                    for r in batch
                ]
            )
            if progress:
                progress(min(start + BATCH, len(new)) / max(len(new), 1))
        now = timezone.now()
        to_update_obs, to_update_entries = [], []
        for index in changed:
            record, entry = records[index], existing[records[index].key]
            if record.kind == OBSERVATION and entry.observation is not None:
                observation = entry.observation
                observation.value, observation.day = cleaned[index], record.day
                observation.time, observation.updated = record.time, now
                to_update_obs.append(observation)
            else:
                entry.text, entry.label = record.text, record.label[:120]
                entry.day, entry.time = record.day, record.time
                to_update_entries.append(entry)
        Observation.objects.bulk_update(to_update_obs, ["value", "day", "time", "updated"])
        ImportedEntry.objects.bulk_update(to_update_entries, ["text", "label", "day", "time"])


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
    return removed + entries
