"""API routes of the interop app: start an import, follow it, download exports."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from uuid import UUID

from django.http import HttpResponse
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from vagus.backup.export import export_user_data
from vagus.interop import csv_export, fhir_export, jobs
from vagus.interop.models import ImportJob
from vagus.interop.parsers import FORMATS
from vagus.interop.parsers.daylio import parse_mood_map
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404

router = Router(tags=["interop"])


class RowErrorOut(Schema):
    line: int
    field: str
    reason: str


# Not the backup's ImportJobRow: a stale job shows as failed, errors are typed rows, and the
# options chosen stay out of the answer.
class ImportJobOut(Schema):
    id: UUID
    format: str
    filename: str
    status: str
    progress: float
    message: str
    counts: dict[str, Any]
    errors: list[RowErrorOut]
    unmapped: list[str]
    notes: list[str]
    created: datetime


def _job_out(job: ImportJob) -> dict[str, Any]:
    return {
        "id": job.uuid,
        "format": job.format,
        "filename": job.filename,
        "status": "failed" if jobs.is_stale(job) else job.status,
        "progress": job.progress,
        "message": job.message,
        "counts": job.counts,
        "errors": job.errors,
        "unmapped": job.unmapped,
        "notes": job.notes,
        "created": job.created,
    }


class LimitOut(Schema):
    detail: str


@router.post("/imports", response={202: ImportJobOut, 429: LimitOut}, summary="Start an import")
def start_import(
    request: AuthenticatedHttpRequest,
    format: Form[str],
    file: File[UploadedFile],
    confirm: Form[bool] = False,
    mood_map: Form[str] = "",
    create_measures: Form[bool] = False,
) -> Status:
    """Upload a file (multipart). It is checked in the background; with ``confirm`` it is
    imported as soon as it checks out, else confirm later. Poll ``GET /imports/{id}``.
    413 when the file is over ``VAGUS_MAX_UPLOAD_MB``; 429 when this person already has an
    import running, or the server as many as it runs at once."""
    if format not in FORMATS:
        raise HttpError(400, f"format: choose one of {', '.join(FORMATS)}")
    if message := jobs.too_large(file.size or 0):
        raise HttpError(413, f"file: {message}")
    options: dict[str, Any] = {"auto_confirm": confirm}
    try:
        if mood_map:
            options["mood_map"] = parse_mood_map(mood_map)
    except ValueError as exc:
        raise HttpError(400, str(exc)) from None
    if format == "csv":
        options["create_measures"] = create_measures
    try:
        job = jobs.create_job(request.user, format, file, options)
    except jobs.ImportLimit as exc:
        return Status(429, {"detail": str(exc)})
    job.refresh_from_db()
    return Status(202, _job_out(job))


@router.get("/imports/{job_id}", response=ImportJobOut, summary="An import's status")
def import_status(request: AuthenticatedHttpRequest, job_id: UUID) -> dict[str, Any]:
    return _job_out(owned_or_404(ImportJob, request.user, uuid=job_id))


@router.post(
    "/imports/{job_id}/confirm",
    response={202: ImportJobOut, 429: LimitOut},
    summary="Import a checked file",
)
def confirm_import(request: AuthenticatedHttpRequest, job_id: UUID) -> Status:
    job = owned_or_404(ImportJob, request.user, uuid=job_id)
    if job.status != ImportJob.READY:
        raise HttpError(409, f"this import is “{job.get_status_display()}”, not ready to import")
    try:
        jobs.confirm(job)
    except jobs.ImportLimit as exc:
        return Status(429, {"detail": str(exc)})
    job.refresh_from_db()
    return Status(202, _job_out(job))


@router.get("/exports/json", summary="Everything, as a Vagus backup (JSON)")
def export_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    text = json.dumps(export_user_data(request.user), ensure_ascii=False)
    return HttpResponse(text, content_type="application/json")


@router.get("/exports/csv", summary="Values as CSV (a zip: tidy and per-day files)")
def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    return HttpResponse(csv_export.csv_zip(request.user), content_type="application/zip")


@router.get("/exports/fhir", summary="Observations and questionnaires as a FHIR R4 Bundle")
def export_fhir(request: AuthenticatedHttpRequest) -> HttpResponse:
    text = json.dumps(fhir_export.bundle(request.user), ensure_ascii=False)
    return HttpResponse(text, content_type="application/fhir+json")
