"""Imports started from the page or the API run in the background worker, recorded as ImportJob.

The request stores the upload and queues a task for the huey consumer (``vagus worker``,
started beside gunicorn by ``vagus serve``); the page polls the job row. Each job is checked
first (a dry run: what would change, which rows are wrong, which moods need mapping) and only
imported when the person confirms. A server runs at most ``VAGUS_IMPORTS_AT_ONCE`` imports at
a time and one per person; past that the upload is refused with a message saying so.

A running job writes a heartbeat; the write itself is one transaction, so a server stopped
mid-import leaves nothing half-written, and the scheduled clean-up (``vagus.worker``) marks a
job whose heartbeat stopped as failed with a message saying the server stopped.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from vagus.interop.importing import staging_dir
from vagus.interop.models import ImportJob
from vagus.interop.service import ImportFailed, run_import

if TYPE_CHECKING:
    from vagus.accounts.models import User

log = logging.getLogger(__name__)
MAX_ERRORS_KEPT = 200
PROGRESS_EVERY_SECONDS = 0.5
HEARTBEAT_SECONDS = 15
STALE_AFTER = timedelta(minutes=2)  # eight missed heartbeats: the worker is gone
ABANDONED_AFTER = timedelta(days=1)
STOPPED_MESSAGE = (
    "The server stopped before this import finished; nothing was imported. Upload it again."
)


class ImportLimit(Exception):
    """Too many imports at once; the message says what to do."""


def max_upload_bytes() -> int:
    return int(float(getattr(settings, "VAGUS_MAX_UPLOAD_MB", 512)) * 1024**2)


def too_large(size: int) -> str:
    """The message for an upload over the limit, or ""."""
    limit = max_upload_bytes()
    if size <= limit:
        return ""
    return (
        f"This file is {size / 1024**2:,.0f} MB; the most Vagus takes is "
        f"{limit / 1024**2:,.0f} MB. For larger files, use “vagus import” on the server."
    )


def upload_dir() -> Path:
    return staging_dir()  # uploads hold personal data: only the server's user may read them


def upload_path(job: ImportJob) -> Path:
    return upload_dir() / f"{job.uuid}.upload"


def _live(jobs: Any) -> Any:
    """Jobs queued or running, less those whose worker stopped (the clean-up fails those)."""
    fresh = timezone.now() - STALE_AFTER
    return jobs.filter(status__in=ImportJob.RUNNING).exclude(
        started__isnull=False, updated__lt=fresh
    )


def check_limits(user: User) -> None:
    """Raise :class:`ImportLimit` when this person, or the server, has enough imports running."""
    per_person = int(getattr(settings, "VAGUS_IMPORTS_PER_PERSON", 1))
    at_once = int(getattr(settings, "VAGUS_IMPORTS_AT_ONCE", 2))
    if _live(ImportJob.objects.owned_by(user)).count() >= per_person:
        raise ImportLimit(
            "You have an import running already. Wait until it has finished, then start "
            "the next one."
        )
    if _live(ImportJob.objects.all()).count() >= at_once:
        raise ImportLimit(
            "The server is busy with other imports. Try again in a few minutes; "
            "nothing was uploaded."
        )


def create_job(user: User, fmt: str, upload: Any, options: dict[str, Any]) -> ImportJob:
    """Store the uploaded file and queue its check (one job per upload).

    Raises :class:`ImportLimit` when too many imports are running.
    """
    expire_abandoned(user)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()  # one at a time
        check_limits(user)
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
    """Import a checked job for real (:class:`ImportLimit` when too many are running)."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=job.owner_id).first()
        check_limits(job.owner)
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


def _fail(jobs: Any, message: str) -> int:
    failed = 0
    for job in jobs:
        upload_path(job).unlink(missing_ok=True)
        failed += ImportJob.objects.filter(pk=job.pk, status=job.status).update(
            status=ImportJob.FAILED, message=message, updated=timezone.now()
        )
    return failed


def expire_abandoned(user: User | None = None) -> int:
    """Uploads checked but never imported are not kept: they hold personal data. Nor are those
    of jobs queued a day ago that never started (their task was lost). ``user`` None: all."""
    cut_off = timezone.now() - ABANDONED_AFTER
    everyone = ImportJob.objects.all() if user is None else ImportJob.objects.owned_by(user)
    waiting = everyone.filter(
        status__in=[ImportJob.READY, ImportJob.NEEDS_MAPPING], updated__lt=cut_off
    )
    failed = _fail(waiting, "Not imported in time; nothing was imported. Upload it again.")
    lost = everyone.filter(status__in=ImportJob.RUNNING, started__isnull=True, updated__lt=cut_off)
    return failed + _fail(lost, "This import never started; nothing was imported. Upload it again.")


def fail_stopped() -> int:
    """Jobs whose worker stopped mid-check or mid-import (no heartbeat): failed, saying so."""
    cut_off = timezone.now() - STALE_AFTER
    stopped = ImportJob.objects.filter(
        status__in=ImportJob.RUNNING, started__isnull=False, updated__lt=cut_off
    )
    return _fail(stopped, STOPPED_MESSAGE)


def remove_orphan_files() -> int:
    """Uploads no waiting job owns, and staging files a crashed import left behind."""
    waiting = {
        str(u)
        for u in ImportJob.objects.exclude(
            status__in=[ImportJob.DONE, ImportJob.FAILED, ImportJob.REFUSED]
        ).values_list("uuid", flat=True)
    }
    old = time.time() - STALE_AFTER.total_seconds()
    removed = 0
    for path in upload_dir().iterdir():
        orphan_upload = path.suffix == ".upload" and path.stem not in waiting
        orphan_staging = path.suffix == ".staging" and path.stat().st_mtime < old
        if (orphan_upload and path.stat().st_mtime < old) or orphan_staging:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_upload(sender: Any, instance: ImportJob, **_: Any) -> None:
    """post_delete: an account deleted with a job waiting takes its uploaded file with it."""
    upload_path(instance).unlink(missing_ok=True)


def is_stale(job: ImportJob) -> bool:
    return job.running and job.started is not None and timezone.now() - job.updated > STALE_AFTER


def _start(fn: Callable[[int], None], job: ImportJob) -> None:
    if getattr(settings, "VAGUS_IMPORTS_INLINE", False):  # tests: run in the request
        fn(job.pk)
        return
    from vagus.interop import tasks

    task = tasks.check if fn is check_job else tasks.run
    transaction.on_commit(lambda: task(job.pk))


@contextmanager
def _running(job: ImportJob) -> Iterator[None]:
    """Mark the job started and keep its heartbeat going while the worker runs it."""
    job_pk = job.pk
    job.started = job.updated = timezone.now()
    ImportJob.objects.filter(pk=job_pk).update(started=job.started, updated=job.updated)
    if getattr(settings, "VAGUS_IMPORTS_INLINE", False):
        yield
        return
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(HEARTBEAT_SECONDS):
                ImportJob.objects.filter(pk=job_pk, status__in=ImportJob.RUNNING).update(
                    updated=timezone.now()
                )
        except Exception as exc:  # a missed heartbeat only makes the job look stopped
            log.warning("import job %s: heartbeat failed (%s)", job_pk, type(exc).__name__)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"heartbeat-{job_pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


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
        # The mapping step shows how many entries use each name.
        counts={"unmapped_entries": exc.unmapped_counts} if exc.unmapped_counts else {},
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
    job = ImportJob.objects.select_related("owner").filter(pk=job_pk).first()
    if job is None or not job.running:
        return  # deleted with its account, or failed by the clean-up meanwhile
    try:
        with _running(job):
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
        _import(ImportJob.objects.select_related("owner").get(pk=job.pk))


def import_job(job_pk: int) -> None:
    job = ImportJob.objects.select_related("owner").filter(pk=job_pk).first()
    if job is None or not job.running:
        return  # as above
    with _running(job):
        _import(job)


def _import(job: ImportJob) -> None:
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
