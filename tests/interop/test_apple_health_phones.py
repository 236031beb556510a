"""Apple Health from any phone: the export found by content, nothing-to-import refused, new
types (resting heart rate, breathing rate during sleep, State of Mind) and exact values."""

from __future__ import annotations

import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
from tests.interop.test_apple_health import EXPECTED

from vagus.interop.parsers import apple_health
from vagus.interop.records import FileError

LONDON = ZoneInfo("Europe/London")


def parse(path, zone=LONDON, **options):
    with open(path, "rb") as stream:
        return apple_health.parse(stream, zone=zone, **options)


def by_key(result):
    return {r.key: r.value for r in result.records}


def test_a_spanish_zip_is_read_by_content_and_macos_copies_are_ignored(samples):
    # exportar.xml beside export_cda.xml, a .gpx, an AppleDouble "._" file and a decoy
    # HealthData file under __MACOSX/ that would add 99999 steps if it were read.
    result = parse(samples / "apple_health_exportar.zip")
    assert result.errors == []
    assert by_key(result) == EXPECTED


def test_a_zip_with_only_macos_copies_and_clinical_documents_is_refused(samples):
    with pytest.raises(FileError, match=r"no Apple Health export \(an XML file starting with"):
        parse(samples / "apple_health_eksport_no_export.zip")


def test_any_name_works_when_the_root_is_health_data(samples):
    body = (samples / "apple_health_export.xml").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.xml", b"<?xml version='1.0'?><notes/>")
        archive.writestr("apple_health_export/vienti.xml", body)
    buffer.seek(0)
    assert by_key(apple_health.parse(buffer, zone=LONDON)) == EXPECTED


def test_a_file_with_no_supported_type_names_what_it_found(samples):
    with pytest.raises(FileError) as caught:
        parse(samples / "apple_health_unsupported.xml")
    message = str(caught.value)
    assert "Found: BodyMass, HandwashingEvent, HeartRate." in message
    assert "Vagus imports sleep, steps, mindful minutes, heart-rate variability (SDNN)" in message


def test_resting_heart_rate_comes_from_the_best_source_of_each_day(samples):
    values = by_key(parse(samples / "apple_health_state_of_mind.xml"))
    assert values["resting-hr|2025-03-02"] == 58.0  # the watch's, not the phone's 61
    assert values["resting-hr|2025-03-03"] == 60.5  # the phone's alone, as written


def test_breathing_rate_is_kept_during_sleep_only(samples):
    result = parse(samples / "apple_health_state_of_mind.xml")
    values = by_key(result)
    assert values["breathing|2025-03-02"] == (14.5 + 15.25) / 2
    assert [k for k in values if k.startswith("breathing|")] == ["breathing|2025-03-02"]
    assert any("1 breathing-rate reading taken while awake" in note for note in result.notes)


def test_state_of_mind_valence_and_labels_are_measures_of_their_own(samples):
    result = parse(samples / "apple_health_state_of_mind.xml")
    assert result.errors == []
    values = by_key(result)
    # Attributes on one entry, MetadataEntry children on the other: both read.
    assert values["mind|2025-03-02"] == pytest.approx((-0.42 + 0.3) / 2)
    assert values["mind|2025-03-03"] == 0.1
    assert values["mind-label|anxious|2025-03-02"] == 1.0
    assert values["mind-label|anxious|2025-03-03"] == 1.0
    assert values["mind-label|calm|2025-03-02"] == 1.0
    assert values["mind-label|calm|2025-03-03"] == 0.0  # a logged day without "Calm"
    assert values["mind-label|stressed|2025-03-03"] == 0.0
    labels = {r.measure.label for r in result.records if r.key.startswith("mind-label|")}
    assert labels == {"Felt anxious", "Felt calm", "Felt stressed"}
    assert {r.measure.code for r in result.records if r.key.startswith("mind|")} == {
        "state_of_mind_valence"
    }


def test_a_state_of_mind_valence_out_of_range_is_a_row_error():
    xml = (
        b'<HealthData><Record type="HKDataTypeStateOfMind" sourceName="Health" '
        b'startDate="2025-03-02 08:15:00 +0000" endDate="2025-03-02 08:15:00 +0000" '
        b'valence="1.5"/></HealthData>'
    )
    result = apple_health.parse(io.BytesIO(xml), zone=LONDON)
    assert [(e.line, e.field) for e in result.errors] == [(1, "startDate/valence")]
    assert "between -1 and 1" in result.errors[0].reason


def test_values_are_stored_as_the_file_says(samples):
    xml = (
        b'<HealthData><Record type="HKQuantityTypeIdentifierHeartRateVariabilitySDNN" '
        b'sourceName="Watch" value="43.276" startDate="2025-03-02 03:00:00 +0000" '
        b'endDate="2025-03-02 03:01:00 +0000"/>'
        b'<Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" '
        b'value="HKCategoryValueSleepAnalysisAsleepCore" startDate="2025-03-01 23:00:00 +0000" '
        b'endDate="2025-03-02 06:23:10 +0000"/></HealthData>'
    )
    values = by_key(apple_health.parse(io.BytesIO(xml), zone=LONDON))
    assert values["hrv|2025-03-02"] == 43.276
    assert values["sleep|2025-03-02"] == (7 * 3600 + 23 * 60 + 10) / 3600


def test_rmssd_is_never_stored_as_sdnn(samples):
    # Apple's HRV type is SDNN: it goes to hrv_sdnn only, and no other source is mixed in.
    result = parse(samples / "apple_health_export.xml")
    codes = {r.measure.code for r in result.records if r.key.startswith("hrv|")}
    assert codes == {"hrv_sdnn"}


@pytest.mark.django_db
def test_the_new_types_are_stored_in_their_own_measures(person, samples):
    from vagus.diary.models import Measure, Observation
    from vagus.interop.service import run_import

    run_import(person, "apple-health", samples / "apple_health_state_of_mind.xml")
    stored = {
        (o.measure.code, o.day.isoformat()): o.value
        for o in Observation.objects.owned_by(person).select_related("measure")
    }
    assert stored[("resting_heart_rate", "2025-03-02")] == 58.0
    assert stored[("respiratory_rate_sleep", "2025-03-02")] == (14.5 + 15.25) / 2
    assert stored[("state_of_mind_valence", "2025-03-03")] == 0.1
    anxious = Measure.objects.owned_by(person).get(label="Felt anxious")
    assert anxious.kind == "yesno" and not anxious.on_checkin
    builtins = {m.code: m.loinc for m in Measure.objects.filter(owner=None)}
    assert builtins["resting_heart_rate"] == "40443-4"
    assert builtins["respiratory_rate_sleep"] == "9279-1"
    assert builtins["hrv_sdnn"] == "80404-7" and builtins["hrv_rmssd"] == ""


@pytest.mark.django_db(transaction=True)
def test_the_command_exits_non_zero_when_nothing_is_supported(person, samples, capsys):
    from vagus.cli import main

    path = str(samples / "apple_health_unsupported.xml")
    assert main(["import", "apple-health", path, "--user", person.username]) == 1
    err = capsys.readouterr().err
    assert "none of the record types in this file is one Vagus imports yet" in err
    assert "BodyMass" in err and "Would add 0" not in err


def test_pages_round_what_imports_keep_exact():
    from types import SimpleNamespace

    from vagus.diary.wording import format_value

    assert format_value(SimpleNamespace(kind="hours"), (7 * 3600 + 23 * 60 + 10) / 3600) == "7.39 h"
    assert format_value(SimpleNamespace(kind="ms"), 43.276) == "43.3 ms"
    assert format_value(SimpleNamespace(kind="per_minute"), 14.875) == "14.9 per minute"
