"""The scheduled clean-up: expired sessions, abandoned uploads, jobs a stopped server cut off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from vagus.interop import jobs
from vagus.interop.models import ImportJob
from vagus.worker.cleanup import clean_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def inline_jobs(tmp_path, monkeypatch):
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))
    return tmp_path


def job(owner, status, *, age, started=True):
    made = ImportJob.objects.create(owner=owner, format="csv", status=status)
    jobs.upload_path(made).write_bytes(b"date,measure,value\n")
    then = timezone.now() - age
    ImportJob.objects.filter(pk=made.pk).update(updated=then, started=then if started else None)
    return made


def test_expired_sessions_go_and_live_ones_stay(db):
    expired, live = SessionStore(), SessionStore()
    expired["message"] = "a meal"
    expired.set_expiry(-10)
    expired.save()
    live.save()
    clean_up()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def test_abandoned_and_cut_off_jobs_fail_saying_why(person, other_person, inline_jobs):
    checked = job(person, ImportJob.READY, age=timedelta(days=2))
    cut_off = job(other_person, ImportJob.IMPORTING, age=jobs.STALE_AFTER * 2)
    alive = job(person, ImportJob.IMPORTING, age=timedelta(seconds=5))
    queued = job(person, ImportJob.CHECKING, age=timedelta(hours=1), started=False)
    done = clean_up()
    assert (done.abandoned, done.stopped) == (1, 1)
    for each in (checked, cut_off, alive, queued):
        each.refresh_from_db()
    assert checked.status == ImportJob.FAILED and "Not imported in time" in checked.message
    assert cut_off.status == ImportJob.FAILED
    assert cut_off.message == jobs.STOPPED_MESSAGE and "server stopped" in cut_off.message
    assert not jobs.upload_path(checked).exists() and not jobs.upload_path(cut_off).exists()
    assert alive.status == ImportJob.IMPORTING and jobs.upload_path(alive).exists()
    assert queued.status == ImportJob.CHECKING and jobs.upload_path(queued).exists()


def test_files_no_job_owns_are_removed(person, inline_jobs):
    import os
    import time

    folder = jobs.upload_dir()
    orphan, staging, fresh = folder / "gone.upload", folder / "x.staging", folder / "y.staging"
    for path in (orphan, staging, fresh):
        path.write_bytes(b"personal data")
    old = time.time() - 3600
    os.utime(orphan, (old, old))
    os.utime(staging, (old, old))
    waiting = job(person, ImportJob.READY, age=timedelta(hours=1))
    os.utime(jobs.upload_path(waiting), (old, old))
    assert clean_up().files == 2
    assert not orphan.exists() and not staging.exists()
    assert fresh.exists() and jobs.upload_path(waiting).exists()


def test_the_clean_up_is_a_periodic_task_of_the_worker():
    from huey.contrib.djhuey import HUEY

    from vagus.worker import tasks

    periodic = HUEY.read_periodic(timezone.now().replace(minute=10).replace(tzinfo=None))
    assert tasks.scheduled_clean_up.task_class in {type(t) for t in periodic}
