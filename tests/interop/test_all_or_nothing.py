"""A file that cannot be imported whole changes nothing, and says which line is wrong."""

from __future__ import annotations

import pytest

from vagus.diary import actions
from vagus.interop.service import ImportFailed, run_import

pytestmark = pytest.mark.django_db

MALFORMED = [
    ("daylio", "daylio_semicolons.csv", "separated by semicolons"),
    ("daylio", "daylio_missing_mood.csv", "column mood is missing"),
    ("daylio", "daylio_latin1.csv", "not UTF-8"),
    ("daylio", "daylio_bad_rows.csv", "line 3, full_date"),
    ("daylio", "daylio.csv", "“Anxious”"),  # a mood name nobody mapped
    ("bearable", "bearable_bad_date.csv", "line 2, date"),
    ("csv", "generic_bad.csv", "line 2, value"),
    ("csv", "generic.csv", "no measure called “Cold shower”"),
    ("apple-health", "apple_health_truncated.xml", "ends too early"),
    ("apple-health", "apple_health_entities.xml", "entities"),
    ("apple-health", "daylio.csv", "cannot be read"),
    ("json", "daylio.csv", "not valid JSON"),
]


@pytest.mark.parametrize(("fmt", "name", "message"), MALFORMED)
def test_malformed_files_change_nothing(snapshot, person, samples, fmt, name, message):
    actions.save_checkin(person, person.today(), {"anxiety": 3}, note="mine")
    before = snapshot(person)
    with pytest.raises(ImportFailed) as caught:
        run_import(person, fmt, samples / name)
    assert message in str(caught.value) or any(message in str(e) for e in caught.value.errors)
    assert snapshot(person) == before


def test_every_rejected_row_is_reported_in_one_pass(person, samples):
    with pytest.raises(ImportFailed) as caught:
        run_import(person, "csv", samples / "generic_bad.csv")
    assert [(e.line, e.field) for e in caught.value.errors] == [
        (2, "value"),
        (3, "date"),
        (4, "value"),  # 14 is outside anxiety's 0–10, found although other rows failed to parse
    ]


def test_a_failure_while_writing_rolls_everything_back(snapshot, person, samples, monkeypatch):
    from vagus.interop import importing
    from vagus.interop.models import ImportedEntry

    before = snapshot(person)
    real = ImportedEntry.objects.bulk_create

    def fail_after_observations(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(ImportedEntry.objects, "bulk_create", fail_after_observations)
    with pytest.raises(RuntimeError):
        run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    monkeypatch.undo()
    assert snapshot(person) == before
    assert importing  # the module under test really ran the write


def test_dry_run_reports_and_writes_nothing(snapshot, person, samples):
    before = snapshot(person)
    outcome = run_import(
        person, "daylio", samples / "daylio.csv", dry_run=True, options={"mood_map": {"anxious": 2}}
    )
    assert outcome.counts["created"] == 20
    assert outcome.counts["measures_created"] == [
        "bloated",
        "bad sleep",
        "walk",
        "kefir",
        "coffee",
        "work",
    ]
    assert "Would add 20" in outcome.summary
    assert snapshot(person) == before
