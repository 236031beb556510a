"""Interop's part of a backup: the entries imports brought in, and the import jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.backup.registry import RestoreContext, restorer, section
from vagus.backup.rows import Always, Day, Id, Moment, Number, Row, Text, parse_rows, problem
from vagus.diary.models import Measure
from vagus.interop.models import ImportedEntry, ImportJob

if TYPE_CHECKING:
    from vagus.accounts.models import User


class ImportedEntryRow(Row):
    id: Always[Id] = None
    source: Text = Field(json_schema_extra={"pattern": "^import:"})
    key: Text
    kind: Text = Field(json_schema_extra={"enum": [k for k, _ in ImportedEntry.KINDS]})
    day: Day | None = None
    time: Moment | None = None
    label: Text = ""
    text: Text = ""
    observation: Id | None = Field(None, description="The id of a row of observations.")
    measure: Text | None = Field(None, description="The code of the measure it went into.")


class ImportJobRow(Row):
    id: Always[Id] = None
    format: Text
    filename: Text = ""
    status: Text
    progress: Number = 0
    options: dict[str, Any] | None = None
    counts: dict[str, Any] | None = None
    errors: list[Any] | None = None
    unmapped: list[Any] | None = None
    notes: list[Any] | None = None
    message: Text = ""
    created: Moment


@section("imported_entries", model="interop.ImportedEntry", row=ImportedEntryRow)
def export_entries(user: User) -> list[ImportedEntryRow]:
    rows = (
        ImportedEntry.objects.owned_by(user)
        .select_related("observation", "measure")
        .order_by("source", "key")
    )
    return [
        ImportedEntryRow(
            id=str(e.uuid),
            source=e.source,
            key=e.key,
            kind=e.kind,
            day=e.day,
            time=e.time,
            label=e.label,
            text=e.text,
            observation=str(e.observation.uuid) if e.observation else None,
            measure=e.measure.code if e.measure else None,
        )
        for e in rows
    ]


@section("import_jobs", model="interop.ImportJob", row=ImportJobRow)
def export_jobs(user: User) -> list[ImportJobRow]:
    return [
        ImportJobRow(
            id=str(j.uuid),
            format=j.format,
            filename=j.filename,
            status=j.status,
            progress=j.progress,
            options=j.options,
            counts=j.counts,
            errors=j.errors,
            unmapped=j.unmapped,
            notes=j.notes,
            message=j.message,
            created=j.created,
        )
        for j in ImportJob.objects.owned_by(user).order_by("created", "id")
    ]


@restorer("imported_entries", order=60)
def restore_entries(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "imported_entries"
    measures = {m.code: m for m in Measure.objects.owned_by(user)}
    entries = []
    for i, row in enumerate(parse_rows(section, data, ImportedEntryRow)):
        observation = None
        if row.observation:
            observation = ctx.find("observations", row.observation)
            if observation is None:
                raise problem(section, i, "observation", "not among the observations")
        entries.append(
            ImportedEntry(
                owner=user,
                source=row.source[:40],
                key=row.key[:255],
                kind=row.kind,
                day=row.day,
                time=row.time,
                label=row.label[:120],
                text=row.text,
                observation=observation,
                measure=measures.get(row.measure or ""),
            )
        )
    return len(ImportedEntry.objects.bulk_create(entries))


@restorer("import_jobs", order=70, holds_data=False)
def restore_jobs(user: User, data: Any, ctx: RestoreContext) -> int:
    rows = parse_rows("import_jobs", data, ImportJobRow)
    for row in rows:
        status = row.status
        if status in ImportJob.RUNNING:  # its thread belonged to the old server
            status = ImportJob.FAILED
        job = ImportJob.objects.create(
            owner=user,
            format=row.format[:16],
            filename=row.filename[:200],
            status=status,
            progress=float(row.progress),
            options=row.options or {},
            counts=row.counts or {},
            errors=row.errors or [],
            unmapped=row.unmapped or [],
            notes=row.notes or [],
            message=row.message,
        )
        ImportJob.objects.filter(pk=job.pk).update(created=row.created)
    return len(rows)
