"""The worker's import tasks (run by the huey consumer, ``vagus worker``)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from vagus.interop import jobs


@db_task()
def check(job_pk: int) -> None:
    jobs.check_job(job_pk)


@db_task()
def run(job_pk: int) -> None:
    jobs.import_job(job_pk)
