"""Exports: a tidy and a wide CSV, and a FHIR R4 transaction Bundle that validates."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from fhir.resources.R4B.bundle import Bundle
from tests.helpers.world import build_world

from vagus.diary import actions
from vagus.interop import csv_export, fhir_export
from vagus.interop.service import run_import
from vagus.questionnaires import actions as questionnaires

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(person, samples):
    actions.save_checkin(person, person.today(), {"anxiety": 4, "probiotic": 1})
    run_import(person, "apple-health", samples / "apple_health_export.xml")
    questionnaires.record_response(person, "gad7", [1, 2, 1, 0, 3, 2, 1])
    return person


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_tidy_csv_has_every_value_with_its_source(filled, other_person):
    actions.save_checkin(other_person, other_person.today(), {"anxiety": 9})
    tidy = rows(csv_export.tidy_csv(filled))
    assert list(tidy[0]) == csv_export.TIDY_COLUMNS
    assert len(tidy) == filled.observations.count() == 10
    sleep = next(r for r in tidy if r["measure"] == "sleep_hours" and r["date"] == "2025-03-02")
    assert (sleep["value"], sleep["unit"], sleep["source"]) == (
        repr(410 / 60),
        "h",
        "import:apple-health",
    )
    assert {r["source"] for r in tidy} == {"checkin", "import:apple-health", "questionnaire"}


def test_wide_csv_has_a_row_per_day_and_a_column_per_measure(filled):
    wide = rows(csv_export.wide_csv(filled))
    days = [r["date"] for r in wide]
    assert days == sorted(days) and len(days) == len(set(days))
    day = next(r for r in wide if r["date"] == "2025-03-02")
    assert float(day["sleep_hours"]) == 410 / 60 and day["steps"] == "3500"
    assert day["anxiety"] == ""


def test_the_zip_holds_both(filled):
    with zipfile.ZipFile(io.BytesIO(csv_export.csv_zip(filled))) as archive:
        assert sorted(archive.namelist()) == ["vagus-days.csv", "vagus-values.csv"]


def test_fhir_bundle_validates_and_is_loinc_coded(filled):
    document = fhir_export.bundle(filled)
    Bundle.model_validate(document)
    assert document["type"] == "transaction"
    resources = [e["resource"] for e in document["entry"]]
    kinds = [r["resourceType"] for r in resources]
    assert kinds.count("Patient") == 1 and kinds.count("QuestionnaireResponse") == 1

    def coded(loinc):
        return [
            r
            for r in resources
            if r["resourceType"] == "Observation"
            and any(c.get("code") == loinc for c in r["code"]["coding"])
        ]

    sleep = coded("93832-4")
    assert {r["valueQuantity"]["value"] for r in sleep} == {410 / 60, 7.0}  # as imported
    assert all(r["valueQuantity"]["code"] == "h" for r in sleep)
    steps = coded("41950-7")
    assert {r["valueQuantity"]["value"] for r in steps} == {3500, 4000}  # real steps again
    assert coded("80404-7")[0]["valueQuantity"] == {
        "value": 50.0,
        "unit": "ms",
        "system": "http://unitsofmeasure.org",
        "code": "ms",
    }
    total = coded("70274-6")  # GAD-7 total, with its response
    assert len(total) == 1 and total[0]["valueInteger"] == 10
    probiotic = next(
        r for r in resources if r.get("code", {}).get("text", "").startswith("Probiotic")
    )
    assert probiotic["valueBoolean"] is True
    # Every reference points at a resource in the Bundle.
    urls = {e["request"]["url"] for e in document["entry"]}
    for r in resources:
        for ref in [r.get("subject", {}).get("reference")] + [
            d["reference"] for d in r.get("derivedFrom", [])
        ]:
            assert ref is None or ref in urls


def test_fhir_bundle_codes_resting_heart_rate_breathing_and_state_of_mind(person, samples):
    run_import(person, "apple-health", samples / "apple_health_state_of_mind.xml")
    document = fhir_export.bundle(person)
    Bundle.model_validate(document)
    observations = [
        e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Observation"
    ]

    def coded(loinc):
        return [r for r in observations if any(c.get("code") == loinc for c in r["code"]["coding"])]

    resting = coded("40443-4")
    assert {r["valueQuantity"]["value"] for r in resting} == {58.0, 60.5}
    assert {r["valueQuantity"]["code"] for r in resting} == {"/min"}
    assert [r["valueQuantity"]["value"] for r in coded("9279-1")] == [(14.5 + 15.25) / 2]


def test_fhir_bundle_of_the_whole_world_validates(person):
    build_world(person, "SECRET")
    Bundle.model_validate(fhir_export.bundle(person))


def test_the_validator_would_catch_a_broken_bundle(filled):
    from pydantic import ValidationError

    document = fhir_export.bundle(filled)
    document["entry"][1]["resource"]["status"] = None
    document["entry"][1]["resource"]["valueQuantity"] = {"value": "lots"}
    with pytest.raises(ValidationError):
        Bundle.model_validate(document)


@pytest.fixture
def berliner(person):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from vagus.diary.models import Measure, Observation

    person.time_zone = "Europe/Berlin"
    person.save()
    acne = Measure.objects.create(
        owner=person,
        code="my_acne",
        label="Acne flare",
        kind="scale",
        direction="worse",
        position=500,
    )
    plain = Measure.objects.create(
        owner=person, code="my_walks", label="my_walks", kind="count", position=501
    )
    at = datetime(2023, 9, 12, 0, 17, tzinfo=ZoneInfo("Europe/Berlin"))
    Observation.objects.create(owner=person, measure=acne, day=date(2023, 9, 12), time=at, value=4)
    Observation.objects.create(owner=person, measure=plain, day=date(2023, 9, 12), value=2)
    return person


def test_tidy_time_is_local_with_its_offset_so_it_reads_the_same_day(berliner):
    row = next(r for r in rows(csv_export.tidy_csv(berliner)) if r["measure"] == "my_acne")
    assert (row["date"], row["time"]) == ("2023-09-12", "2023-09-12T00:17:00+02:00")
    assert (row["kind"], row["direction"]) == ("scale", "worse")


def test_export_then_import_keeps_codes_labels_kinds_and_directions(
    berliner, other_person, tmp_path
):
    path = tmp_path / "vagus-values.csv"
    path.write_text(csv_export.tidy_csv(berliner))
    run_import(other_person, "csv", path, options={"create_measures": True})
    got = {
        (o.measure.code, o.measure.label, o.measure.kind, o.measure.direction, o.value)
        for o in other_person.observations.select_related("measure")
    }
    assert got == {
        ("my_acne", "Acne flare", "scale", "worse", 4),
        ("my_walks", "my_walks", "count", "", 2),  # not my_my_walks
    }
    acne = other_person.observations.get(measure__code="my_acne")
    assert acne.time.isoformat() == "2023-09-11T22:17:00+00:00"


def test_a_kind_column_does_not_create_measures_unasked(berliner, other_person, tmp_path):
    from vagus.interop.service import ImportFailed

    path = tmp_path / "vagus-values.csv"
    path.write_text(csv_export.tidy_csv(berliner))
    with pytest.raises(ImportFailed, match="no measure called"):
        run_import(other_person, "csv", path)
