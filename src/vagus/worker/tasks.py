"""Periodic tasks of the worker (huey discovers ``tasks`` modules of every app)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from vagus.worker.cleanup import clean_up


@db_periodic_task(crontab(minute="*/10"))
def scheduled_clean_up() -> None:
    clean_up()
