"""Interop's part of a person's full export: imported entries and import jobs."""

from __future__ import annotations

from typing import Any

from vagus.accounts.export import section
from vagus.interop.models import ImportedEntry, ImportJob


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


@section("imported_entries", model="interop.ImportedEntry")
def _entries(user: Any) -> list[dict[str, Any]]:
    rows = (
        ImportedEntry.objects.owned_by(user)
        .select_related("observation", "measure")
        .order_by("source", "key")
    )
    return [
        {
            "id": str(e.uuid),
            "source": e.source,
            "key": e.key,
            "kind": e.kind,
            "day": _iso(e.day),
            "time": _iso(e.time),
            "label": e.label,
            "text": e.text,
            "observation": str(e.observation.uuid) if e.observation else None,
            "measure": e.measure.code if e.measure else None,
        }
        for e in rows
    ]


@section("import_jobs", model="interop.ImportJob")
def _jobs(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(j.uuid),
            "format": j.format,
            "filename": j.filename,
            "status": j.status,
            "progress": j.progress,
            "options": j.options,
            "counts": j.counts,
            "errors": j.errors,
            "unmapped": j.unmapped,
            "notes": j.notes,
            "message": j.message,
            "created": j.created.isoformat(),
        }
        for j in ImportJob.objects.owned_by(user).order_by("created", "id")
    ]
