"""Limits answered clearly: one import per person, a few per server, a size cap, zip caps."""

from __future__ import annotations

import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from vagus.interop import jobs
from vagus.interop.models import ImportJob
from vagus.interop.parsers import apple_health
from vagus.interop.records import FileError

pytestmark = pytest.mark.django_db


def running(owner):
    return ImportJob.objects.create(owner=owner, format="csv", status=ImportJob.IMPORTING)


@pytest.fixture
def script(person):
    """A script calling the API with the person's access token (multipart uploads)."""
    from django.test import Client

    from vagus.accounts.models import AccessToken

    _, raw = AccessToken.issue(person, "tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def csv_upload():
    return SimpleUploadedFile("a.csv", b"date,measure,value\n2024-01-01,anxiety,3\n")


def test_a_second_import_of_the_same_person_is_refused_with_a_message(
    person, person_client, script, inline_jobs
):
    running(person)
    response = person_client.post(
        reverse("interop:upload"), {"format": "csv", "file": csv_upload()}
    )
    assert response.status_code == 429
    assert "You have an import running already" in response.content.decode()
    answer = script.post("/api/imports", {"format": "csv", "file": csv_upload()})
    assert answer.status_code == 429 and "running already" in answer.json()["detail"]
    assert ImportJob.objects.count() == 1


def test_the_server_runs_only_so_many_imports_at_once(
    person, other_person, person_client, settings, inline_jobs
):
    settings.VAGUS_IMPORTS_AT_ONCE = 1
    running(other_person)
    response = person_client.post(
        reverse("interop:upload"), {"format": "csv", "file": csv_upload()}
    )
    assert response.status_code == 429
    assert "busy with other imports" in response.content.decode()


def test_a_job_whose_worker_stopped_does_not_hold_the_place(person, person_client, inline_jobs):
    from django.utils import timezone

    stopped = running(person)
    long_ago = timezone.now() - jobs.STALE_AFTER * 2
    ImportJob.objects.filter(pk=stopped.pk).update(started=long_ago, updated=long_ago)
    response = person_client.post(
        reverse("interop:upload"), {"format": "csv", "file": csv_upload()}
    )
    assert response.status_code == 302


def test_the_upload_limit_comes_from_vagus_max_upload_mb(person, script, settings):
    settings.VAGUS_MAX_UPLOAD_MB = 0.00001  # about 10 bytes
    answer = script.post("/api/imports", {"format": "csv", "file": csv_upload()})
    assert answer.status_code == 413
    assert "the most Vagus takes is 0 MB" in answer.json()["detail"]
    assert not ImportJob.objects.exists()


def zipped(xml: bytes) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export.xml", xml)
    buffer.seek(0)
    return buffer


XML = b'<?xml version="1.0"?>\n<HealthData>' + b"<!-- padding -->" * 400_000 + b"</HealthData>\n"


def test_a_zip_that_expands_too_far_is_refused():
    with pytest.raises(FileError, match="times its packed size"):
        apple_health.parse(zipped(XML), zone=ZoneInfo("UTC"))


def test_a_zip_that_expands_past_the_size_cap_is_refused():
    with pytest.raises(FileError, match="would expand to"):
        apple_health.parse(zipped(XML), zone=ZoneInfo("UTC"), max_unzipped=1024**2, max_ratio=1e9)


def test_an_ordinary_zip_is_read(samples):
    with open(samples / "apple_health_export.zip", "rb") as stream:
        assert apple_health.parse(stream, zone=ZoneInfo("UTC")).rows > 0
