"""The tools' sections of a Vagus backup restore into a fresh account, sealed again, exactly once.

Export → restore into a new account through the interop service (``vagus import json``) →
export again, compared field by field ignoring only the rows' ids (new UUIDs on restore).
"""

from __future__ import annotations

import json
from datetime import time
from itertools import count

import pytest
from django.db import connection
from django.utils import timezone
from tests.helpers.db import make_person

from vagus.backup.export import export_user_data
from vagus.diary.models import Observation
from vagus.interop.service import ImportFailed, run_import
from vagus.questionnaires.models import SafetyAlert
from vagus.tools import actions
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolPreferences, ToolSession, Worry

pytestmark = pytest.mark.django_db
MARKER = "RESTORED-PLAINTEXT-73"
TOOL_SECTIONS = (
    "tool_sessions",
    "tool_preferences",
    "worries",
    "thought_records",
    "journal_entries",
)
_names = count()


def fresh():
    return make_person(f"restored{next(_names)}", "UTC")


def build(user, secret: str = MARKER) -> None:
    """A row of every tools model, with two sessions whose minutes are in the diary."""
    actions.record_session(user, "breathing", 300, 6, 4, {"pattern": "slow", "minutes": 5})
    actions.set_worry_time(user, time(7, 45))
    actions.park_worry(user, f"worry {secret}")
    resolved = actions.park_worry(user, f"old worry {secret} ünïcode ✓").item
    actions.resolve_worry(user, resolved)
    actions.save_thought_record(
        user,
        {name: f"{name} {secret}" for name in ThoughtRecord.SEALED_FIELDS},
        intensity_before=80,
        intensity_after=40,
        patterns=["catastrophising", "body_alarm"],
        anxiety_before=7,
        anxiety_after=5,
        duration_seconds=240,
    )
    # Written in no time: its session has no minutes, so no observation.
    actions.save_thought_record(user, {"situation": f"only a situation {secret}"})
    actions.save_journal_entry(user, f"journal {secret}\nsecond line", "sleep", anxiety_before=5)
    actions.save_journal_entry(user, f"free writing {secret}")


def restore_into(target, document, tmp_path) -> None:
    path = tmp_path / f"backup-{target.username}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    run_import(target, "json", path)


def without_ids(rows: list[dict]) -> list[dict]:
    rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def raw_tools_text() -> str:
    """Every value of the tools tables, as the database stores them."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("tools_"):
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
                chunks += [repr(row) for row in cursor.fetchall()]
    return "\n".join(chunks)


@pytest.fixture
def snapshot():
    """Everything a person has, as text: equal snapshots mean nothing changed."""

    def take(user) -> str:
        user.refresh_from_db()
        document = export_user_data(user)
        document.pop("exported_at")
        return json.dumps(document, sort_keys=True)

    return take


def mindfulness(user) -> list[tuple]:
    rows = Observation.objects.filter(owner=user, measure__code=actions.MINDFULNESS)
    return sorted(rows.values_list("source", "day", "time", "value"))


@pytest.fixture
def restored(person, tmp_path):
    build(person)
    before = export_user_data(person)
    target = fresh()
    restore_into(target, before, tmp_path)
    return person, target, before, export_user_data(target)


@pytest.mark.parametrize("section", TOOL_SECTIONS)
def test_each_section_round_trips_field_by_field(restored, section):
    _, _, before, after = restored
    assert before[section], section  # the test has rows to compare
    assert without_ids(after[section]) == without_ids(before[section])


def test_the_restored_rows_are_new_rows_of_the_new_owner(restored):
    person, target, before, after = restored
    for section in TOOL_SECTIONS:
        assert {r["id"] for r in before[section]}.isdisjoint(r["id"] for r in after[section])
    assert ThoughtRecord.objects.filter(owner=person).count() == 2
    assert ThoughtRecord.objects.filter(owner=target).count() == 2
    assert ToolPreferences.objects.get(owner=target).worry_time == time(7, 45)


def test_the_restored_text_is_encrypted_at_rest_and_opens(restored):
    person, target, _, _ = restored
    ThoughtRecord.objects.filter(owner=person).delete()  # the original's rows, also sealed
    JournalEntry.objects.filter(owner=person).delete()
    Worry.objects.filter(owner=person).delete()
    raw = raw_tools_text()
    assert "v1." in raw  # the restored rows are there, sealed
    assert MARKER not in raw and MARKER.lower() not in raw.lower()
    record = ThoughtRecord.objects.get(owner=target, intensity_before=80)
    assert record.situation_sealed.startswith("v1.")
    assert record.balanced_thought == f"balanced_thought {MARKER}"
    # Sealed to the new row: the context names the new uuid and owner, so it opens only there.
    assert str(record.uuid) in record.seal_context("situation")
    assert str(target.pk) in record.seal_context("situation")
    texts = sorted(e.text for e in JournalEntry.objects.filter(owner=target))
    assert texts == [f"free writing {MARKER}", f"journal {MARKER}\nsecond line"]
    worries = sorted(w.text for w in Worry.objects.filter(owner=target))
    assert worries == [f"old worry {MARKER} ünïcode ✓", f"worry {MARKER}"]


def test_mindfulness_minutes_are_not_doubled(restored):
    person, target, _, after = restored
    assert mindfulness(target) == mindfulness(person)
    assert [o[0] for o in mindfulness(target)] == ["tool", "tool"]  # breathing, thought record
    # Each session with minutes points at the restored observation of its own minutes.
    for session in ToolSession.objects.filter(owner=target):
        if session.duration_seconds:
            assert session.observation.owner == target
            assert session.observation.time == session.started
            assert session.observation.value == round(session.duration_seconds / 60, 2)
        else:
            assert session.observation is None
    assert sum(s["in_diary"] for s in after["tool_sessions"]) == 2


def test_a_second_round_trip_still_does_not_double_the_minutes(restored, tmp_path):
    _, target, before, after = restored
    again = fresh()
    restore_into(again, after, tmp_path)
    assert mindfulness(again) == mindfulness(target)
    assert without_ids(export_user_data(again)["tool_sessions"]) == without_ids(
        before["tool_sessions"]
    )


def test_crisis_language_in_restored_text_raises_no_new_alert(person, tmp_path):
    actions.park_worry(person, "I want to die")
    actions.save_journal_entry(person, "I keep thinking I should end it all")
    actions.save_thought_record(person, {"automatic_thought": "I am suicidal"})
    assert SafetyAlert.objects.filter(owner=person, source="tools").count() == 3
    SafetyAlert.objects.filter(owner=person).update(acknowledged_at=timezone.now())
    target = fresh()
    restore_into(target, export_user_data(person), tmp_path)
    assert Worry.objects.get(owner=target).text == "I want to die"
    assert JournalEntry.objects.filter(owner=target).count() == 1
    # The three alerts come back from their own section, as they were (read), and the tools'
    # restore adds none of its own.
    restored = SafetyAlert.objects.filter(owner=target)
    assert restored.count() == 3
    assert {(a.source, a.response_id, a.acknowledged_at is not None) for a in restored} == {
        ("tools", None, True)
    }


def _document(person) -> dict:
    build(person)
    return export_user_data(person)


@pytest.mark.parametrize(
    ("section", "change", "message"),
    [
        ("thought_records", {"patterns": ["nope"]}, r"thought_records\[0\]\.patterns: “nope”"),
        ("thought_records", {"intensity_after": 101}, r"intensity_after: 101 is not between"),
        ("thought_records", {"situation": None}, r"thought_records\[0\]\.situation: wrong type"),
        ("journal_entries", {"prompt": "made_up"}, r"journal_entries\[0\]\.prompt: “made_up”"),
        ("journal_entries", {"created": "2025-01-01T10:00"}, "needs a time zone offset"),
        ("worries", {"text": "x" * (actions.MAX_WORRY + 1)}, r"worries\[0\]\.text: longer"),
        ("worries", {"parked_at": "soon"}, r"worries\[0\]\.parked_at: “soon” cannot be read"),
        ("tool_sessions", {"tool": "dancing"}, r"tool_sessions\[0\]\.tool: “dancing”"),
        ("tool_sessions", {"anxiety_before": "6"}, r"anxiety_before: wrong type \(str\)"),
        ("tool_sessions", {"duration_seconds": -5}, r"duration_seconds: -5 is not between"),
        ("tool_sessions", {"settings": []}, r"tool_sessions\[0\]\.settings: wrong type"),
        ("tool_sessions", {"in_diary": "yes"}, r"tool_sessions\[0\]\.in_diary: wrong type"),
        ("tool_preferences", {"worry_time": "7 pm"}, r"worry_time: “7 pm” cannot be read"),
        # Text that cannot be stored, as a backup written by hand (or by an older Vagus) has it.
        ("tool_sessions", {"settings": {"pattern": "\ud800"}},
         r"tool_sessions\[0\]\.settings\.pattern: contains a broken character"),
        ("worries", {"text": "late \udfff"}, r"worries\[0\]\.text: contains a broken character"),
        ("journal_entries", {"text": "a\x00b"}, r"journal_entries\[0\]\.text: contains a NUL"),
    ],
)  # fmt: skip
def test_a_broken_row_is_refused_with_nothing_written(
    person, tmp_path, snapshot, section, change, message
):
    document = _document(person)
    document[section][0].update(change)
    target = fresh()
    before = snapshot(target)
    with pytest.raises(ImportFailed, match=message):
        restore_into(target, document, tmp_path)
    assert snapshot(target) == before
    assert not Observation.objects.filter(owner=target).exists()


def test_a_missing_field_is_named(person, tmp_path, snapshot):
    document = _document(person)
    del document["thought_records"][1]["patterns"]
    target = fresh()
    before = snapshot(target)
    with pytest.raises(ImportFailed, match=r"thought_records\[1\]\.patterns: missing"):
        restore_into(target, document, tmp_path)
    assert snapshot(target) == before


def test_a_session_whose_minutes_are_missing_from_the_diary_is_refused(person, tmp_path):
    # The backup says the minutes are in the diary, but the observations do not hold them:
    # refused rather than writing the minutes again or silently dropping the link.
    document = _document(person)
    document["observations"] = [o for o in document["observations"] if o["source"] != "tool"]
    target = fresh()
    with pytest.raises(ImportFailed, match=r"tool_sessions\[\d\]\.in_diary: no mindfulness"):
        restore_into(target, document, tmp_path)
    assert not ToolSession.objects.filter(owner=target).exists()


def test_an_older_backup_without_the_newer_session_fields_still_restores(person, tmp_path):
    document = _document(person)
    for row in document["tool_sessions"]:
        del row["in_diary"], row["created"]
    target = fresh()
    restore_into(target, document, tmp_path)
    assert mindfulness(target) == mindfulness(person)
    linked = ToolSession.objects.filter(owner=target, observation__isnull=False).count()
    assert linked == 2


def test_preferences_replace_the_defaults_of_an_account_that_set_them(person, tmp_path):
    document = _document(person)
    target = fresh()
    actions.set_worry_time(target, time(20, 0))  # settings alone are not "data"
    restore_into(target, document, tmp_path)
    assert ToolPreferences.objects.get(owner=target).worry_time == time(7, 45)
