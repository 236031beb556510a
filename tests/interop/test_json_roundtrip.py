"""A Vagus backup restores into a fresh account losslessly, or not at all.

Compared field by field after export → restore → export, ignoring only what must differ: the
top-level ``exported_at``; the account's ``id``, ``username``, ``date_joined`` and ``is_demo``
(they belong to the new account); every row's ``id`` (new UUIDs, so a backup can be restored
beside the original); references by id are compared through the rows they point to.
``access_tokens`` are never restored (their secrets never leave an account).
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timedelta
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers.db import make_person
from tests.helpers.world import build_world

from vagus.backup import registry
from vagus.backup.export import export_user_data
from vagus.backup.restore import RestoreRefused, restore
from vagus.diary import actions
from vagus.interop.service import run_import
from vagus.questionnaires import actions as questionnaires

pytestmark = pytest.mark.django_db
ACCOUNT_OWN = {"id", "username", "date_joined", "is_demo"}
# Studies and enrolments stay with the server where the study runs (vagus.studies.backup).
NOT_RESTORED = {"access_tokens", "audit_events", "reminder_deliveries"} | {
    "studies",
    "study_enrolments",
    "study_consents",
    "shares",  # a clinician is invited again (sharing/backup.py says so)
}
_names = count()


def comparable(document: dict) -> dict:
    """The document with ids replaced by what they point to, rows in a stable order."""
    document = json.loads(json.dumps(document))
    document.pop("exported_at")
    document.pop("audit_events")  # the new account's own record (it holds the restore)
    for name in ACCOUNT_OWN:
        document["account"].pop(name)
    observations = {o["id"]: o for o in document.get("observations", [])}
    responses = {r["id"]: r for r in document.get("questionnaire_responses", [])}
    for alert in document.get("safety_alerts", []):
        if alert["response"] is not None:  # alerts from the tools have no response
            alert["response"] = responses[alert["response"]]["authored"]
    experiments = {e["id"]: e for e in document.get("experiments", [])}
    for answer in document.get("experiment_adherence", []):
        target = experiments[answer["experiment"]]
        answer["experiment"] = {k: v for k, v in target.items() if k != "id"}
    for entry in document.get("imported_entries", []):
        target = observations.get(entry["observation"])
        entry["observation"] = target and {k: v for k, v in target.items() if k != "id"}
    for name, rows in document.items():
        if isinstance(rows, list):
            for row in rows:
                if isinstance(row, dict):
                    row.pop("id", None)
            document[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return document


def fresh():
    return make_person(f"fresh{next(_names)}", "UTC")


def round_trip(original) -> tuple[dict, dict]:
    before = export_user_data(original)
    target = fresh()
    restore(target, json.loads(json.dumps(before)))
    return comparable(before), comparable(export_user_data(target))


def _fill(person, samples) -> None:
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    run_import(person, "apple-health", samples / "apple_health_export.xml")
    run_import(person, "bearable", samples / "bearable.csv")
    questionnaires.record_response(person, "gad7", [1, 2, 1, 0, 3, 2, 1])
    questionnaires.acknowledge_alerts(person)


def _compare(before: dict, after: dict) -> None:
    for name, rows in before.items():
        if name in NOT_RESTORED or not isinstance(rows, list):
            continue
        assert after[name] == rows, name
    assert after["account"] == before["account"]  # the time zone came along
    assert after["access_tokens"] == []


def test_every_section_with_rows_has_a_restorer(person):
    """When an app adds an export section (and a world row), it must add its restorer too."""
    build_world(person, "SECRET")
    document = export_user_data(person)
    restorable = {i.section for i in registry.restorers()} | NOT_RESTORED
    missing = sorted(
        name
        for name, rows in document.items()
        if isinstance(rows, list) and rows and name not in restorable
    )
    assert missing == [], (
        f"export sections {missing} hold rows but have no restorer: register one with "
        "@vagus.backup.registry.restorer(section) in the app's backup.py"
    )


def test_the_whole_world_plus_imports_round_trips_field_by_field(person, samples):
    build_world(person, "SECRET")
    _fill(person, samples)
    _compare(*round_trip(person))


def test_the_diary_questionnaires_and_imports_round_trip_field_by_field(person, samples):
    # The sections whose importers live here, built by their own world modules.
    from tests.helpers.world import accounts, diary, interop
    from tests.helpers.world import questionnaires as questionnaire_world

    for module in (accounts, diary, questionnaire_world, interop):
        module.build(person, "SECRET")
    _fill(person, samples)
    before, after = round_trip(person)
    _compare(before, after)
    assert len(after["imported_entries"]) > 40 and after["custom_foods"] and after["meals"]


def test_links_survive_the_round_trip(person):
    questionnaires.record_response(person, "phq9", [1] * 9)  # a response, its total, an alert
    target = fresh()
    restore(target, export_user_data(person))
    response = target.questionnaire_responses.get()
    assert response.observation is not None and response.observation.owner == target
    assert response.observation.value == response.total
    assert target.safety_alerts.get().response == response


def test_restoring_twice_changes_nothing_the_second_time(person, snapshot):
    actions.save_checkin(person, person.today(), {"anxiety": 4})
    document = export_user_data(person)
    target = fresh()
    restore(target, document)
    after_first = snapshot(target)
    with pytest.raises(RestoreRefused, match="already holds data"):
        restore(target, document)
    assert snapshot(target) == after_first


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format_version=2), "newer than this Vagus"),
        (lambda d: d.update(format="something-else"), "not a Vagus backup"),
        (lambda d: d.update(experiments_v9=[{"x": 1}]), "“experiments_v9” is unknown"),
        (
            lambda d: d["observations"].append({"measure": "anxiety"}),
            r"observations\[1\]\.day: missing",
        ),
        (lambda d: d["observations"][0].update(value=42), "between 0 and 10"),
        (lambda d: d["observations"][0].update(measure="nope"), "no measure “nope”"),
        (lambda d: d["observations"][0].update(day="yesterday"), "cannot be read"),
    ],
)
def test_a_backup_that_cannot_be_restored_whole_writes_nothing(person, snapshot, change, message):
    actions.save_checkin(person, person.today(), {"anxiety": 4})
    actions.create_measure(person, "Cold shower", "yesno", "better")
    document = export_user_data(person)
    change(document)
    target = fresh()
    before = snapshot(target)
    with pytest.raises(RestoreRefused, match=message):
        restore(target, document)
    assert snapshot(target) == before


def test_a_dry_run_checks_everything_and_writes_nothing(person, snapshot, samples):
    _fill(person, samples)
    target = fresh()
    before = snapshot(target)
    report = restore(target, export_user_data(person), dry_run=True)
    assert report.counts["observations"] > 0
    assert snapshot(target) == before


values = st.integers(min_value=0, max_value=10)
# Any text a person can store: everything but NUL and lone surrogates, which Vagus refuses at
# the door (tests/diary/test_nul_refused.py); the UTF-8 codec leaves the surrogates out.
storable_text = st.characters(codec="utf-8", exclude_characters="\x00")
days_back = st.integers(min_value=0, max_value=400)
day_entries = st.lists(
    st.tuples(days_back, values, st.one_of(st.none(), values), st.text(storable_text, max_size=60)),
    max_size=6,
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    entries=day_entries,
    labels=st.lists(
        st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=30)
        .map(str.strip)
        .filter(bool),
        max_size=3,
        unique_by=lambda s: s.casefold(),
    ),
    zone=st.sampled_from(["UTC", "Europe/London", "Pacific/Auckland", "America/New_York"]),
    meal=st.text(storable_text, min_size=1, max_size=80).map(str.strip).filter(bool),
)
def test_any_diary_round_trips(db, entries, labels, zone, meal):
    person = make_person(f"hyp{next(_names)}", zone)
    made = []
    for label in labels:
        # Two labels with the same slug: the second is refused, as designed.
        with contextlib.suppress(actions.DiaryInputError):
            made.append(actions.create_measure(person, label, "scale", "worse"))
    for back, anxiety, other, note in entries:
        day = person.today() - timedelta(days=back)
        values = {"anxiety": anxiety} | (
            {made[0].code: other} if made and other is not None else {}
        )
        actions.save_checkin(person, day, values, note=note)
    actions.add_meal(person, meal, datetime.now(person.zone()) - timedelta(hours=2))
    before, after = round_trip(person)
    assert after == before
