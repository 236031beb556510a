"""Imported data can be removed by source, leaving everything else alone."""

from __future__ import annotations

import pytest

from vagus.diary import actions
from vagus.diary.models import Measure, Observation
from vagus.interop.importing import imported_sources, remove_source
from vagus.interop.models import ImportedEntry
from vagus.interop.service import run_import

pytestmark = pytest.mark.django_db


def test_removing_a_source_takes_back_exactly_what_it_brought(snapshot, person, samples):
    actions.save_checkin(person, person.today(), {"anxiety": 3, "mood": 6}, note="mine")
    run_import(person, "bearable", samples / "bearable.csv")
    mine = snapshot(person)
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    assert [s["source"] for s in imported_sources(person)] == ["import:bearable", "import:daylio"]

    removed = remove_source(person, "import:daylio")
    assert removed == 20  # 19 values + 1 note
    assert snapshot(person) == mine
    assert not Measure.objects.owned_by(person).filter(label="kefir").exists()


def test_a_measure_still_in_use_stays(person, samples):
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"anxious": 2}})
    walk = Measure.objects.owned_by(person).get(code="my_walk")
    actions.save_checkin(person, person.today(), {"my_walk": 1})
    remove_source(person, "import:daylio")
    assert Measure.objects.owned_by(person).filter(pk=walk.pk).exists()
    assert Observation.objects.owned_by(person).filter(source="checkin").count() == 1


def test_only_import_sources_can_be_removed(person):
    with pytest.raises(ValueError, match="not an import source"):
        remove_source(person, "checkin")


def test_removing_touches_only_the_person_asking(person, other_person, samples):
    run_import(person, "apple-health", samples / "apple_health_export.xml")
    run_import(other_person, "apple-health", samples / "apple_health_export.xml")
    remove_source(other_person, "import:apple-health")
    assert Observation.objects.owned_by(person).count() == 7
    assert ImportedEntry.objects.owned_by(other_person).count() == 0


def test_removing_bearable_takes_back_its_no_days_too(snapshot, person, samples):
    actions.save_checkin(person, person.today(), {"anxiety": 3}, note="mine")
    mine = snapshot(person)
    run_import(person, "bearable", samples / "bearable_synced.csv")
    coffee = Observation.objects.owned_by(person).filter(measure__label="Coffee")
    assert sorted(coffee.values_list("value", flat=True)) == [0, 1, 1]
    remove_source(person, "import:bearable")
    assert snapshot(person) == mine
    assert not Measure.objects.owned_by(person).filter(label="Coffee").exists()
