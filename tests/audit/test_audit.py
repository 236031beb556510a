"""Each important write leaves one audit row, written in its own transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.helpers.db import make_person

from vagus.accounts.actions import delete_account
from vagus.audit.models import AuditEvent
from vagus.backup.export import export_user_data
from vagus.backup.restore import RestoreRefused, restore
from vagus.diary import actions
from vagus.interop import importing, publish
from vagus.interop.importing import remove_source
from vagus.interop.service import run_import
from vagus.tools import actions as tools
from vagus.tools import crypto, rotation

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parents[1] / "interop" / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


def actions_of(user) -> list[str]:
    return list(AuditEvent.objects.owned_by(user).values_list("action", flat=True))


def test_a_restore_is_recorded(person):
    actions.save_checkin(person, person.today(), {"anxiety": 3})
    target = make_person("restored", "UTC")
    restore(target, json.loads(json.dumps(export_user_data(person))))
    event = AuditEvent.objects.get(owner=target)
    assert (event.action, event.actor) == ("backup.restore", target)
    assert event.detail["counts"]["observations"] == 1


def test_a_refused_or_dry_run_restore_leaves_no_row(person):
    actions.save_checkin(person, person.today(), {"anxiety": 3})
    document = json.loads(json.dumps(export_user_data(person)))
    target = make_person("restored", "UTC")
    restore(target, document, dry_run=True)
    document["observations"][0]["value"] = "high"
    with pytest.raises(RestoreRefused):
        restore(target, document)
    assert actions_of(target) == []


def test_an_import_and_its_removal_are_recorded(person, samples):
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    remove_source(person, "import:daylio")
    assert actions_of(person) == ["import.publish", "import.remove_source"]  # twice = once
    published, removed = AuditEvent.objects.owned_by(person)
    assert published.detail["source"] == removed.detail["source"] == "import:daylio"
    assert removed.detail["observations"] == 19


def test_a_failed_import_rolls_its_row_back(person, samples, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    # The publish fails after its audit row was written, inside the same transaction.
    monkeypatch.setattr(publish, "_create_measures", broken)
    with pytest.raises(RuntimeError):
        run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    assert actions_of(person) == []


def test_a_failed_audit_write_rolls_the_removal_back(person, samples, monkeypatch):
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    before = importing.Observation.objects.owned_by(person).count()

    def broken(*args, **kwargs):
        raise RuntimeError("no audit row")

    monkeypatch.setattr(importing.audit, "record", broken)
    with pytest.raises(RuntimeError):
        remove_source(person, "import:daylio")
    assert importing.Observation.objects.owned_by(person).count() == before


def test_an_account_deletion_is_recorded_without_the_person(person, samples):
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    username = person.username
    delete_account(person)
    event = AuditEvent.objects.get()  # the person's own rows went with the account
    assert (event.action, event.owner, event.actor, event.detail) == (
        "account.delete",
        None,
        None,
        {},
    )
    assert username not in json.dumps(event.detail)


def test_a_key_rotation_is_recorded(person, tmp_path, monkeypatch):
    monkeypatch.delenv(crypto.ENV, raising=False)
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))
    tools.save_journal_entry(person, "a quiet day")
    rotated = rotation.rotate()
    event = AuditEvent.objects.get(action="keys.rotate")
    assert event.owner is None and event.detail == {"rows": 1, "key_id": rotated.key_id}


def test_the_audit_rows_are_in_the_export(person, samples):
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    rows = export_user_data(person)["audit_events"]
    assert [(r["action"], r["by_owner"]) for r in rows] == [("import.publish", True)]
