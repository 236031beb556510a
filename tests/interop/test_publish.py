"""Publishing a checked import: one transaction, outside any outer one (SQLite: ATTACH +
INSERT … SELECT). These tests commit for real, so the fast path is the one that runs."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection

from vagus.diary.models import Observation
from vagus.interop.models import ImportedEntry
from vagus.interop.service import ImportFailed, run_import
from vagus.interop.staging import Staging

pytestmark = pytest.mark.django_db(transaction=True)


def write_csv(path, rows):
    path.write_text("date,measure,value\n" + "".join(f"{d},{m},{v}\n" for d, m, v in rows))
    return path


def test_a_big_import_is_published_whole_and_again_changes_nothing(person, tmp_path, inline_jobs):
    rows = [
        (f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", f"Habit {i % 5}", i % 2) for i in range(3000)
    ]
    path = write_csv(tmp_path / "big.csv", rows)
    outcome = run_import(person, "csv", path, options={"create_measures": True})
    assert outcome.counts["created"] == 3000
    assert not connection.in_atomic_block
    observations = Observation.objects.owned_by(person)
    assert observations.count() == 3000
    assert ImportedEntry.objects.owned_by(person).exclude(kind="measure").count() == 3000
    sample = observations.select_related("imported_entry", "measure").first()
    assert uuid.UUID(sample.uuid.hex).version == 4 and sample.imported_entry.observation == sample
    assert sample.measure.owner == person and sample.source == "import:csv"
    again = run_import(person, "csv", path, options={"create_measures": True})
    assert (again.counts["created"], again.counts["unchanged"]) == (0, 3000)
    # A newer export with one value changed updates just that one.
    rows[10] = (rows[10][0], rows[10][1], 1 - rows[10][2])
    changed = run_import(person, "csv", write_csv(tmp_path / "newer.csv", rows))
    assert (changed.counts["created"], changed.counts["updated"]) == (0, 1)
    assert observations.count() == 3000
    # Ids keep counting after the published rows: an ordinary save still works.
    extra = Observation.objects.create(
        owner=person, measure=sample.measure, day=sample.day, value=1, source="checkin-test"
    )
    assert extra.pk > max(o.pk for o in observations.exclude(pk=extra.pk))


def test_a_bad_row_at_the_very_end_leaves_the_database_unchanged(
    person, tmp_path, snapshot, inline_jobs
):
    before = snapshot(person)
    rows = [(f"2024-03-{1 + i % 28:02d}", "anxiety", i % 11) for i in range(2000)]
    rows.append(("2024-03-29", "anxiety", 11))  # out of range, on the last line
    with pytest.raises(ImportFailed) as refused:
        run_import(person, "csv", write_csv(tmp_path / "bad.csv", rows))
    assert [(e.line, e.field) for e in refused.value.errors] == [(2002, "value")]
    assert snapshot(person) == before
    assert not list((inline_jobs / "imports").glob("*" + ".staging"))  # staging removed


def test_staging_files_live_in_the_data_directory(person, tmp_path, inline_jobs, monkeypatch):
    made = []
    create = Staging.create.__func__

    def spy(cls, directory):
        staging = create(cls, directory)
        made.append(staging.path)
        return staging

    monkeypatch.setattr(Staging, "create", classmethod(spy))
    run_import(person, "csv", write_csv(tmp_path / "a.csv", [("2024-01-01", "anxiety", 3)]))
    assert [p.parent for p in made] == [inline_jobs / "imports"]
    assert not made[0].exists()
