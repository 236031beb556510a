"""The Import & export page: upload, check, map moods, confirm, remove; only ever one's own."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from vagus.diary.models import Observation
from vagus.interop.models import ImportJob

pytestmark = pytest.mark.django_db


def upload(client, samples, name, fmt, **extra):
    data = (samples / name).read_bytes()
    return client.post(
        reverse("interop:upload"),
        {"format": fmt, "file": SimpleUploadedFile(name, data), **extra},
    )


def test_the_page_is_in_the_menu(person_client):
    page = person_client.get(reverse("interop:index"))
    assert page.status_code == 200
    assert (
        'href="/data/"' in page.content.decode() and "Import &amp; export" in page.content.decode()
    )


def test_daylio_upload_asks_for_moods_then_previews_then_imports(
    person, person_client, samples, inline_jobs
):
    response = upload(person_client, samples, "daylio.csv", "daylio")
    job = ImportJob.objects.owned_by(person).get()
    assert response["Location"] == reverse("interop:job", args=[job.uuid])
    assert job.status == ImportJob.NEEDS_MAPPING and job.unmapped == ["Anxious"]
    page = person_client.get(response["Location"]).content.decode()
    assert "Match your moods" in page and "“Anxious”" in page
    assert Observation.objects.owned_by(person).count() == 0

    person_client.post(reverse("interop:job_map", args=[job.uuid]), {"mood_0": "2"})
    job.refresh_from_db()
    assert job.status == ImportJob.READY and job.counts["created"] == 20
    assert "Would add 20" in person_client.get(response["Location"]).content.decode()
    assert Observation.objects.owned_by(person).count() == 0  # a preview writes nothing

    person_client.post(reverse("interop:job_confirm", args=[job.uuid]))
    job.refresh_from_db()
    assert job.status == ImportJob.DONE
    assert Observation.objects.owned_by(person).filter(source="import:daylio").count() == 19
    mood = Observation.objects.owned_by(person).get(measure__code="mood", time__hour=8)
    assert mood.value == 3  # Anxious → level 2 → 3 out of 10
    assert "Imported" in person_client.get(response["Location"]).content.decode()


def test_a_broken_file_shows_its_lines_and_imports_nothing(
    person, person_client, samples, inline_jobs
):
    upload(person_client, samples, "generic_bad.csv", "csv")
    job = ImportJob.objects.owned_by(person).get()
    assert job.status == ImportJob.REFUSED
    page = person_client.get(reverse("interop:job", args=[job.uuid])).content.decode()
    assert "Nothing was imported" in page and "<td>3</td><td>date</td>" in page
    assert not (inline_jobs / "imports" / f"{job.uuid}.upload").exists()
    assert Observation.objects.owned_by(person).count() == 0


def test_the_csv_tick_box_creates_measures(person, person_client, samples, inline_jobs):
    upload(person_client, samples, "generic.csv", "csv", create_measures="on")
    job = ImportJob.objects.owned_by(person).get()
    assert job.status == ImportJob.READY and job.counts["measures_created"] == ["Cold shower"]


def test_uploads_over_the_limit_are_refused_clearly(person, person_client, samples, settings):
    settings.VAGUS_MAX_UPLOAD_MB = 100 / 1024**2
    response = upload(person_client, samples, "daylio.csv", "daylio")
    assert response.status_code == 400
    assert "the most Vagus takes" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_job_status_for_polling(person, person_client, samples, inline_jobs):
    upload(person_client, samples, "generic_known.csv", "csv")
    job = ImportJob.objects.owned_by(person).get()
    status = person_client.get(reverse("interop:job_status", args=[job.uuid])).json()
    assert status == {"status": "ready", "percent": 100, "running": False}


def test_another_person_cannot_see_or_confirm_my_job(
    person, other_person, client_of, person_client, samples, inline_jobs
):
    upload(person_client, samples, "generic_known.csv", "csv")
    job = ImportJob.objects.owned_by(person).get()
    bob = client_of(other_person)
    assert bob.get(reverse("interop:job", args=[job.uuid])).status_code == 404
    assert bob.post(reverse("interop:job_confirm", args=[job.uuid])).status_code == 404
    job.refresh_from_db()
    assert job.status == ImportJob.READY


def test_remove_button_removes_one_source(person, person_client, samples, inline_jobs):
    upload(person_client, samples, "generic_known.csv", "csv")
    job = ImportJob.objects.owned_by(person).get()
    person_client.post(reverse("interop:job_confirm", args=[job.uuid]))
    page = person_client.get(reverse("interop:index")).content.decode()
    assert "csv: 2 values" in page
    response = person_client.post(reverse("interop:remove"), {"source": "import:csv"}, follow=True)
    assert "Removed 2 values" in response.content.decode()
    assert Observation.objects.owned_by(person).count() == 0


def test_downloads(person, person_client):
    json_doc = json.loads(person_client.get(reverse("interop:export_json")).content)
    assert json_doc["account"]["username"] == person.username
    csv_zip = person_client.get(reverse("interop:export_csv"))
    assert (
        csv_zip["Content-Type"] == "application/zip"
        and "attachment" in csv_zip["Content-Disposition"]
    )
    fhir = person_client.get(reverse("interop:export_fhir")).json()
    assert fhir["resourceType"] == "Bundle"


def test_uploads_are_not_kept_after_the_account_or_the_wait_ends(
    person, person_client, samples, inline_jobs
):
    from datetime import timedelta

    from django.utils import timezone

    from vagus.interop import jobs

    upload(person_client, samples, "generic_known.csv", "csv")
    job = ImportJob.objects.owned_by(person).get()
    stored = jobs.upload_path(job)
    assert stored.exists()  # kept while it waits for "Import now"
    ImportJob.objects.filter(pk=job.pk).update(updated=timezone.now() - timedelta(days=2))
    jobs.expire_abandoned(person)
    assert not stored.exists()
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.FAILED

    upload(person_client, samples, "generic_known.csv", "csv")
    second = jobs.upload_path(ImportJob.objects.owned_by(person).get(status=ImportJob.READY))
    assert second.exists()
    person.delete()
    assert not second.exists()


def test_the_mapping_step_shows_each_unknown_mood_with_its_entries(
    person, person_client, samples, inline_jobs
):
    response = upload(person_client, samples, "daylio_headerless_es.csv", "daylio")
    job = ImportJob.objects.owned_by(person).get()
    assert job.status == ImportJob.NEEDS_MAPPING and job.unmapped == ["bien", "Sin animo"]
    page = person_client.get(response["Location"]).content.decode()
    assert "“bien” (1 entry)" in page and "“Sin animo” (2 entries)" in page

    person_client.post(reverse("interop:job_map", args=[job.uuid]), {"mood_0": "4", "mood_1": "3"})
    job.refresh_from_db()
    assert job.status == ImportJob.READY and "unmapped_entries" not in job.counts
