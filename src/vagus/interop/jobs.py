"""Imports started from the page or the API run in a background thread, recorded as ImportJob.

A thread started from the request is enough for a self-hosted, single-server app: the page
stays responsive and polls the job row. Each job is checked first (a dry run: what would
change, which rows are wrong, which moods need mapping) and only imported when the person
confirms. Progress is written while the file is read; the write itself is one transaction,
so a server stopped mid-import leaves nothing half-written (the job then shows as failed).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from vagus.config.paths import data_dir
from vagus.interop.models import ImportJob
from vagus.interop.service import ImportFailed, run_import

if TYPE_CHECKING:
    from vagus.accounts.models import User

log = logging.getLogger(__name__)
MAX_ERRORS_KEPT = 200
PROGRESS_EVERY_SECONDS = 0.5
STALE_AFTER = timedelta(minutes=30)
ABANDONED_AFTER = timedelta(days=1)


def max_upload_bytes() -> int:
    return int(getattr(settings, "VAGUS_MAX_IMPORT_BYTES", 4 * 1024**3))


def upload_dir() -> Path:
    path = data_dir() / "imports"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)  # uploads hold personal data: only the server's user may read them
    return path


def upload_path(job: ImportJob) -> Path:
    return upload_dir() / f"{job.uuid}.upload"


def create_job(user: User, fmt: str, upload: Any, options: dict[str, Any]) -> ImportJob:
    """Store the uploaded file and start checking it (one job per upload)."""
    expire_abandoned(user)
    with transaction.atomic():
        job = ImportJob.objects.create(
            owner=user,
            format=fmt,
            filename=str(getattr(upload, "name", ""))[:200],
            options=options,
        )
        fd = os.open(upload_path(job), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        _start(check_job, job)
    return job


def confirm(job: ImportJob) -> None:
    """Import a checked job for real."""
    with transaction.atomic():
        updated = ImportJob.objects.filter(pk=job.pk, status=ImportJob.READY).update(
            status=ImportJob.IMPORTING, progress=0, updated=timezone.now()
        )
        if updated:
            _start(import_job, job)


def remap(job: ImportJob, mood_map: dict[str, int]) -> None:
    """Check the file again with the person's mood levels."""
    with transaction.atomic():
        options = {**job.options, "mood_map": {**job.options.get("mood_map", {}), **mood_map}}
        updated = ImportJob.objects.filter(
            pk=job.pk, status__in=[ImportJob.NEEDS_MAPPING, ImportJob.READY]
        ).update(status=ImportJob.CHECKING, options=options, progress=0, updated=timezone.now())
        if updated:
            _start(check_job, job)


def expire_abandoned(user: User) -> None:
    """Uploads checked but never imported are not kept: they hold personal data. Nor are the
    uploads of jobs that stopped while running (a server stopped mid-check or mid-import)."""
    cut_off = timezone.now() - ABANDONED_AFTER
    for statuses, message in (
        ([ImportJob.READY, ImportJob.NEEDS_MAPPING], "Not imported in time; upload it again."),
        (list(ImportJob.RUNNING), "Stopped before it finished; upload it again."),
    ):
        jobs = ImportJob.objects.owned_by(user).filter(status__in=statuses, updated__lt=cut_off)
        for job in jobs:
            upload_path(job).unlink(missing_ok=True)
        jobs.update(status=ImportJob.FAILED, message=message)


def remove_upload(sender: Any, instance: ImportJob, **_: Any) -> None:
    """post_delete: an account deleted with a job waiting takes its uploaded file with it."""
    upload_path(instance).unlink(missing_ok=True)


def is_stale(job: ImportJob) -> bool:
    return job.running and timezone.now() - job.updated > STALE_AFTER


def _start(fn: Callable[[int], None], job: ImportJob) -> None:
    if getattr(settings, "VAGUS_IMPORTS_INLINE", False):  # tests: run in the request
        fn(job.pk)
        return

    def work() -> None:
        close_old_connections()
        try:
            fn(job.pk)
        except Exception as exc:  # the job row says what happened; the thread must not die loudly
            log.error("import job %s failed (%s)", job.uuid, type(exc).__name__)
        finally:
            connection.close()

    thread = threading.Thread(target=work, name=f"import-{job.uuid}", daemon=True)
    transaction.on_commit(thread.start)


def _progress_writer(job_pk: int, start: float, span: float) -> Callable[[float], None]:
    last = [0.0]

    def write(fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_SECONDS:
            last[0] = now
            ImportJob.objects.filter(pk=job_pk).update(
                progress=start + span * fraction, updated=timezone.now()
            )

    return write


def _finish(job: ImportJob, status: str, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = status
    job.save()


def _failed(job: ImportJob, exc: ImportFailed, status: str) -> None:
    _finish(
        job,
        status,
        message=str(exc),
        errors=[e.as_dict() for e in exc.errors[:MAX_ERRORS_KEPT]],
        unmapped=exc.unmapped,
        progress=1,
    )


FAILED_MESSAGE = "Something went wrong reading this file; nothing was imported. Upload it again."


def _crashed(job: ImportJob, exc: Exception) -> None:
    # Only the kind of error is logged: its message may quote the person's data.
    log.error("import job %s failed (%s)", job.uuid, type(exc).__name__)
    job.status = ImportJob.FAILED
    try:
        _finish(job, ImportJob.FAILED, message=FAILED_MESSAGE, errors=[], unmapped=[], progress=1)
    except Exception as again:
        log.error(
            "import job %s: could not record the failure (%s)", job.uuid, type(again).__name__
        )


def check_job(job_pk: int) -> None:
    job = ImportJob.objects.select_related("owner").get(pk=job_pk)
    try:
        _check(job)
    except Exception as exc:
        _crashed(job, exc)
    finally:
        if job.status in (ImportJob.FAILED, ImportJob.REFUSED):
            upload_path(job).unlink(missing_ok=True)


def _check(job: ImportJob) -> None:
    try:
        outcome = run_import(
            job.owner,
            job.format,
            upload_path(job),
            dry_run=True,
            options=job.options,
            read_progress=_progress_writer(job.pk, 0, 1),
        )
    except ImportFailed as exc:
        status = ImportJob.NEEDS_MAPPING if exc.unmapped and not exc.errors else ImportJob.REFUSED
        _failed(job, exc, status)
        return
    _finish(
        job,
        ImportJob.READY,
        message=outcome.summary,
        counts=outcome.counts,
        notes=outcome.notes,
        errors=[],
        unmapped=[],
        progress=1,
    )
    if job.options.get("auto_confirm"):  # the API may ask to import as soon as it checks out
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.IMPORTING, progress=0)
        import_job(job.pk)


def import_job(job_pk: int) -> None:
    job = ImportJob.objects.select_related("owner").get(pk=job_pk)
    try:
        outcome = run_import(
            job.owner,
            job.format,
            upload_path(job),
            options=job.options,
            read_progress=_progress_writer(job.pk, 0, 0.9),
        )
    except ImportFailed as exc:
        _failed(job, exc, ImportJob.FAILED)
    except Exception as exc:
        _crashed(job, exc)
    else:
        _finish(
            job,
            ImportJob.DONE,
            message=outcome.summary,
            counts=outcome.counts,
            notes=outcome.notes,
            progress=1,
        )
    finally:
        upload_path(job).unlink(missing_ok=True)
