"""A backup restores only what the app itself would have stored, or is refused whole.

Scores are the app's own, malformed values refuse the backup instead of crashing, and uploads
are private to the server. The safety alerts a restore calls for are tested with the other
safety rules, in tests/safety/test_restored_alerts.py.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from tests.helpers.db import make_person

from vagus.backup.export import export_user_data
from vagus.backup.restore import RestoreRefused, restore
from vagus.diary import actions
from vagus.diary.models import Meal, Measure, Observation
from vagus.experiments import actions as experiments
from vagus.interop import jobs
from vagus.interop.models import ImportJob
from vagus.interop.service import ImportFailed, run_import
from vagus.questionnaires import actions as questionnaires
from vagus.questionnaires.models import QuestionnaireResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def target():
    return make_person("restored", "UTC")


def _document(person) -> dict:
    return json.loads(json.dumps(export_user_data(person)))


def _phq9(person, answers) -> dict:
    questionnaires.record_response(person, "phq9", answers)
    return _document(person)


# 1. Scores are computed, never taken from the backup.


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"total": 0}, "total"),
        ({"band": "minimal"}, "band"),
        ({"flags": []}, "flags"),
        ({"difficulty": 7}, "difficulty"),
        ({"difficulty": "a lot"}, "difficulty"),
    ],
)
def test_a_forged_score_is_refused(person, target, snapshot, change, field):
    document = _phq9(person, [3] * 9)
    document["questionnaire_responses"][0].update(change)
    before = snapshot(target)
    with pytest.raises(RestoreRefused, match=rf"questionnaire_responses\[0\]\.{field}"):
        restore(target, document)
    assert snapshot(target) == before


def test_the_stored_scores_are_the_computed_ones(person, target):
    document = _phq9(person, [1] * 9)
    document["questionnaire_responses"][0]["subscales"] = {"forged": 99}
    restore(target, document)
    response = QuestionnaireResponse.objects.get(owner=target)
    assert response.subscales != {"forged": 99}
    assert (response.total, response.band) == (9.0, "mild")


# 2. Malformed values refuse the backup; they never crash it.


def _with_measure(person) -> dict:
    actions.create_measure(person, "Cold shower", "yesno", "better")
    return _document(person)


@pytest.mark.parametrize(
    ("section", "change", "message"),
    [
        ("measures", {"position": "abc"}, r"measures\[0\]\.position"),
        ("measures", {"position": [1]}, r"measures\[0\]\.position"),
        ("questionnaire_schedules", {"every_days": "weekly"}, r"every_days"),
        ("import_jobs", {"progress": "half"}, r"import_jobs\[0\]\.progress"),
        ("imported_entries", {"measure": ["x"]}, r"imported_entries\[0\]\.measure"),
    ],
)
def test_malformed_values_are_refused(person, target, snapshot, section, change, message):
    document = _with_measure(person)
    row = {
        "measures": None,
        "questionnaire_schedules": {"instrument": "gad7", "enabled": True},
        "import_jobs": {
            "status": "done",
            "format": "daylio",
            "created": timezone.now().isoformat(),
        },
        "imported_entries": {"source": "daylio", "key": "k", "kind": "note"},
    }[section]
    if row is not None:
        document[section] = [row]
    document[section][0].update(change)
    before = snapshot(target)
    with pytest.raises(RestoreRefused, match=message):
        restore(target, document)
    assert snapshot(target) == before


def test_an_unexpected_error_in_a_section_is_a_refusal(person, target, monkeypatch):
    from vagus.backup import registry

    def broken(user, rows, ctx):
        raise TypeError("secret text")

    imp = next(i for i in registry.restorers() if i.section == "day_notes")
    monkeypatch.setitem(registry.RESTORERS, "day_notes", imp.__class__("day_notes", 30, broken))
    document = _document(person)
    with pytest.raises(RestoreRefused, match="day_notes") as caught:
        restore(target, document)
    assert "secret" not in str(caught.value)


def test_a_malformed_backup_through_run_import_writes_nothing(person, target, snapshot, tmp_path):
    document = _with_measure(person)
    document["measures"][0]["position"] = "abc"
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(document))
    before = snapshot(target)
    with pytest.raises(ImportFailed, match=r"measures\[0\]\.position"):
        run_import(target, "json", path)
    assert snapshot(target) == before


def _job(user, content: bytes) -> ImportJob:
    job = ImportJob.objects.create(owner=user, format="json", filename="backup.json")
    jobs.upload_path(job).write_bytes(content)
    return job


def test_a_malformed_backup_through_a_job_is_refused_and_its_upload_removed(
    person, target, inline_jobs
):
    document = _with_measure(person)
    document["measures"][0]["position"] = "abc"
    job = _job(target, json.dumps(document).encode())
    jobs.check_job(job.pk)
    job.refresh_from_db()
    assert job.status in (ImportJob.FAILED, ImportJob.REFUSED)
    assert not jobs.upload_path(job).exists()
    assert not Measure.objects.filter(owner=target).exists()


@pytest.mark.parametrize("step", ["check_job", "import_job"])
def test_an_unexpected_error_fails_the_job_and_removes_its_upload(
    target, inline_jobs, monkeypatch, caplog, step
):
    def broken(*args, **kwargs):
        raise RuntimeError("secret text")

    monkeypatch.setattr(jobs, "run_import", broken)
    job = _job(target, b"{}")
    getattr(jobs, step)(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.FAILED
    assert "secret" not in job.message and "secret" not in caplog.text
    assert not jobs.upload_path(job).exists()


def test_jobs_stopped_while_running_are_expired(target, inline_jobs):
    job = _job(target, b"{}")
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.IMPORTING, updated=timezone.now() - timedelta(days=2)
    )
    jobs.expire_abandoned(target)
    job.refresh_from_db()
    assert job.status == ImportJob.FAILED
    assert not jobs.upload_path(job).exists()


# 3. A meal analysis the app cannot read is made again.


@pytest.mark.parametrize("analysis", ["oops", {"items": "oops"}, {"items": [1]}, [1, 2]])
def test_a_malformed_meal_analysis_is_made_again(person, target, client_of, analysis):
    actions.add_meal(
        person, "porridge with banana", datetime.now(person.zone()) - timedelta(hours=1)
    )
    document = _document(person)
    document["meals"][0]["analysis"] = analysis
    document["observations"] = [o for o in document["observations"] if o["source"] != "meal"]
    restore(target, document)
    meal = Meal.objects.get(owner=target)
    assert isinstance(meal.analysis, dict) and meal.analysis["items"]
    assert Observation.objects.filter(owner=target, source="meal").exists()
    browser = client_of(target)
    assert browser.get("/today/").status_code == 200
    assert browser.get("/meals/").status_code == 200


# 4. Restored measures are personal.


@pytest.mark.parametrize("code", ["anxiety", "cold_shower", "phq9_total"])
def test_a_measure_that_is_not_personal_is_refused(person, target, snapshot, code):
    document = _with_measure(person)
    document["measures"][0]["code"] = code
    before = snapshot(target)
    with pytest.raises(RestoreRefused, match=r"measures\[0\]\.code"):
        restore(target, document)
    assert snapshot(target) == before


# 5. Experiments never change medication.


@pytest.mark.parametrize("field", ["title", "b_label", "b_todo", "hypothesis"])
def test_an_experiment_about_medication_is_refused(person, target, field):
    experiments.create_experiment(
        person, title="My test", b_todo="Walk at noon.", hypothesis="Calmer.", start=person.today()
    )
    document = _document(person)
    document["experiments"][0][field] = "Stop my sertraline"
    with pytest.raises(RestoreRefused, match=rf"experiments\[0\]\.{field}: .*medication"):
        restore(target, document)


# 6. Uploads are private to the server's user.


def test_uploads_are_private(person, inline_jobs, monkeypatch):
    monkeypatch.setattr(jobs, "_start", lambda fn, job: None)
    old = os.umask(0o022)
    try:
        job = jobs.create_job(person, "json", SimpleUploadedFile("backup.json", b"{}"), options={})
    finally:
        os.umask(old)
    path = jobs.upload_path(job)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
