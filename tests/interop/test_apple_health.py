"""Apple Health exports: streamed, de-duplicated by source, days in the person's zone, safe."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

import pytest

from vagus.interop.parsers import apple_health
from vagus.interop.records import FileError

LONDON = ZoneInfo("Europe/London")


def parse(path, zone=LONDON, **options):
    with open(path, "rb") as stream:
        return apple_health.parse(stream, zone=zone, **options)


def by_key(result):
    return {r.key: r.value for r in result.records}


EXPECTED = {
    # Watch stages only (Core 1:50 + Deep 0:45 + REM 0:45 + Core 3:30 = 6:50); never InBed,
    # Awake, or the phone's overlapping estimate.
    "sleep|2025-03-02": 410 / 60,  # exactly: 6 h 50 min, never rounded on the way in
    "sleep|2025-03-03": 7.0,  # the phone's alone that night
    # Watch 1000 + 2000; the phone's overlapping 900 dropped, its 500 kept once (duplicate).
    "steps|2025-03-02": 3500.0,
    "steps|2025-03-03": 4000.0,
    "mindful|2025-03-02": 5.0,  # the watch session wins over the overlapping phone one
    "mindful|2025-03-03": 15.0,  # a record without a value attribute still counts
    "hrv|2025-03-02": 50.0,  # mean of the watch's 45.2 and 54.8; Oura's 62 left out
}


@pytest.mark.parametrize("name", ["apple_health_export.xml", "apple_health_export.zip"])
def test_export_xml_and_zip_give_the_same_days(samples, name):
    result = parse(samples / name)
    assert result.errors == []
    assert by_key(result) == EXPECTED
    assert any("Oura" in note and "RMSSD" in note for note in result.notes)


def test_sleep_goes_to_the_wake_up_day_in_the_person_zone(samples):
    # In New York (UTC−5) the watch's night ends at 01:30 local on 2 March; the phone's second
    # night ends at 01:00 local on 3 March: the same wake-up days, shifted clocks.
    result = parse(samples / "apple_health_export.xml", zone=ZoneInfo("America/New_York"))
    values = by_key(result)
    assert values["sleep|2025-03-02"] == 410 / 60
    # Tokyo (UTC+9): the watch's night ends 15:30 local on 2 March, still that day.
    result = parse(samples / "apple_health_export.xml", zone=ZoneInfo("Asia/Tokyo"))
    assert by_key(result)["sleep|2025-03-02"] == 410 / 60
    # Steps at 18:00 UTC are on 3 March in Tokyo, so 2 March keeps 1000 + 500.
    assert by_key(result)["steps|2025-03-02"] == 1500.0


def test_source_priority_can_be_chosen(samples):
    result = parse(samples / "apple_health_export.xml", source_priority=["iPhone"])
    values = by_key(result)
    assert values["sleep|2025-03-02"] == 7.5  # the phone's 23:15–06:45 now wins
    assert values["mindful|2025-03-02"] == 10.0


def test_steps_and_hrv_go_to_the_built_in_device_measures(samples):
    from vagus.diary.catalog import DEVICE_MEASURES

    result = parse(samples / "apple_health_export.xml")
    refs = {r.measure for r in result.records}
    assert {apple_health.STEPS_MEASURE, apple_health.HRV_MEASURE} <= refs
    device = {b.code: b for b in DEVICE_MEASURES}
    assert device[apple_health.STEPS_MEASURE.code].loinc == "41950-7"
    assert device[apple_health.HRV_MEASURE.code].loinc == "80404-7"
    assert not any(b.on_checkin for b in DEVICE_MEASURES)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("apple_health_entities.xml", "declares XML entities"),
        ("apple_health_external.xml", "declares XML entities"),
        ("apple_health_truncated.xml", "ends too early"),
    ],
)
def test_unsafe_or_broken_files_are_refused(samples, name, message):
    with pytest.raises(FileError, match=message):
        parse(samples / name)


def test_a_zip_without_an_export_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"x")
    buffer.seek(0)
    with pytest.raises(FileError, match=r"no Apple Health export"):
        apple_health.parse(buffer, zone=LONDON)


def test_another_xml_document_is_refused():
    with pytest.raises(FileError, match="not an Apple Health export"):
        apple_health.parse(io.BytesIO(b"<html><body/></html>"), zone=LONDON)


def test_bad_dates_are_row_errors_with_line_numbers():
    xml = (
        b'<HealthData locale="en_GB">\n'
        b'<Record type="HKQuantityTypeIdentifierStepCount" sourceName="P" unit="count" '
        b'startDate="yesterday" endDate="2025-03-02 09:10:00 +0000" value="10"/>\n'
        b"</HealthData>\n"
    )
    result = apple_health.parse(io.BytesIO(xml), zone=LONDON)
    assert [(e.line, e.field) for e in result.errors] == [(2, "startDate/endDate/value")]


def test_progress_is_reported_to_the_end(samples):
    seen = []
    parse(samples / "apple_health_export.xml", progress=seen.append)
    assert seen and seen[-1] == 1.0
