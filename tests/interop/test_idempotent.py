"""Importing the same file twice changes nothing; a newer export only adds what is new."""

from __future__ import annotations

import pytest

from vagus.diary.models import Measure, Observation
from vagus.interop.service import run_import

pytestmark = pytest.mark.django_db

FILES = [
    ("daylio", "daylio.csv", {"mood_map": {"anxious": 2}}),
    ("bearable", "bearable.csv", {}),
    ("apple-health", "apple_health_export.zip", {}),
    ("csv", "generic.csv", {"create_measures": True}),
]


@pytest.mark.parametrize(("fmt", "name", "options"), FILES)
def test_the_same_file_twice_changes_nothing(snapshot, person, samples, fmt, name, options):
    first = run_import(person, fmt, samples / name, options=options)
    assert first.counts["created"] > 0
    after_first = snapshot(person)
    second = run_import(person, fmt, samples / name, options=options)
    assert second.counts["created"] == 0 and second.counts["updated"] == 0
    assert second.counts["unchanged"] == first.counts["created"]
    assert snapshot(person) == after_first


def test_imported_values_keep_their_source(person, samples):
    run_import(person, "apple-health", samples / "apple_health_export.xml")
    sources = set(Observation.objects.owned_by(person).values_list("source", flat=True))
    assert sources == {"import:apple-health"}
    sleep = Observation.objects.owned_by(person).get(measure__code="sleep_hours", day="2025-03-02")
    assert sleep.value == 410 / 60  # 6 h 50 min, exactly


def test_a_newer_export_updates_changed_days_and_adds_new_ones(person, samples, tmp_path):
    run_import(person, "csv", samples / "generic_known.csv")
    newer = tmp_path / "newer.csv"
    newer.write_text(
        "date,measure,value\n2025-03-01,anxiety,7\n2025-03-02,gut_pain,2\n2025-03-03,anxiety,1\n"
    )
    outcome = run_import(person, "csv", newer)
    assert (outcome.counts["created"], outcome.counts["updated"], outcome.counts["unchanged"]) == (
        1,
        1,
        1,
    )
    anxiety = dict(
        Observation.objects.owned_by(person)
        .filter(measure__code="anxiety")
        .values_list("day", "value")
    )
    assert sorted((d.isoformat(), v) for d, v in anxiety.items()) == [
        ("2025-03-01", 7.0),
        ("2025-03-03", 1.0),
    ]


def test_measures_are_created_once_on_first_sight(person, samples):
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    run_import(person, "daylio", samples / "daylio_older.csv")
    labels = sorted(Measure.objects.owned_by(person).values_list("label", flat=True))
    assert labels == [
        "bad sleep",
        "bloated",
        "coffee",
        "cooking",
        "friends",
        "kefir",
        "walk",
        "work",
    ]
    walk = Measure.objects.owned_by(person).get(label="walk")
    assert walk.kind == "yesno" and walk.code == "my_walk"


def test_a_person_measure_of_another_kind_is_not_reused(person, samples):
    from vagus.diary import actions

    actions.create_measure(person, "coffee", "count", "")
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    coffee = Measure.objects.owned_by(person).get(label="coffee (daylio)")
    assert coffee.kind == "yesno"
    assert Measure.objects.owned_by(person).get(label="coffee").kind == "count"


def test_two_people_importing_the_same_file_get_their_own_rows(person, other_person, samples):
    run_import(person, "apple-health", samples / "apple_health_export.xml")
    outcome = run_import(other_person, "apple-health", samples / "apple_health_export.xml")
    assert outcome.counts["created"] == 7
    assert Observation.objects.owned_by(other_person).count() == 7
