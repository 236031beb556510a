"""The import and export API: start an import, poll it, download exports; owner-scoped."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from vagus.accounts.models import AccessToken
from vagus.diary.models import Observation

pytestmark = pytest.mark.django_db


def token_client(user):
    _, raw = AccessToken.issue(user, "script")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_start_poll_and_confirm(person, samples, inline_jobs):
    client = token_client(person)
    data = (samples / "apple_health_export.zip").read_bytes()
    started = client.post(
        "/api/imports",
        {"format": "apple-health", "file": SimpleUploadedFile("export.zip", data)},
    )
    assert started.status_code == 202, started.content
    job = started.json()
    assert job["status"] == "ready" and job["counts"]["created"] == 7
    assert Observation.objects.owned_by(person).count() == 0
    confirmed = client.post(f"/api/imports/{job['id']}/confirm")
    assert confirmed.status_code == 202
    assert client.get(f"/api/imports/{job['id']}").json()["status"] == "done"
    assert Observation.objects.owned_by(person).count() == 7


def test_confirm_at_once_and_errors_by_line(person, samples, inline_jobs):
    client = token_client(person)
    ok = client.post(
        "/api/imports",
        {
            "format": "daylio",
            "file": SimpleUploadedFile("d.csv", (samples / "daylio.csv").read_bytes()),
            "mood_map": "Anxious=2",
            "confirm": "true",
        },
    ).json()
    assert ok["status"] == "done"
    bad = client.post(
        "/api/imports",
        {
            "format": "csv",
            "file": SimpleUploadedFile("b.csv", (samples / "generic_bad.csv").read_bytes()),
        },
    ).json()
    assert bad["status"] == "refused"
    assert bad["errors"][0] == {"line": 2, "field": "value", "reason": "“eleven” is not a number"}


def test_unknown_format_and_other_people_jobs(person, other_person, samples, inline_jobs):
    client = token_client(person)
    refused = client.post(
        "/api/imports", {"format": "fitbit", "file": SimpleUploadedFile("x.csv", b"a,b\n")}
    )
    assert refused.status_code == 400
    job = client.post(
        "/api/imports",
        {
            "format": "csv",
            "file": SimpleUploadedFile("k.csv", (samples / "generic_known.csv").read_bytes()),
        },
    ).json()
    bob = token_client(other_person)
    assert bob.get(f"/api/imports/{job['id']}").status_code == 404
    assert bob.post(f"/api/imports/{job['id']}/confirm").status_code == 404


def test_exports(person):
    client = token_client(person)
    assert client.get("/api/exports/json").json()["account"]["username"] == person.username
    assert client.get("/api/exports/csv")["Content-Type"] == "application/zip"
    assert client.get("/api/exports/fhir").json()["type"] == "transaction"
