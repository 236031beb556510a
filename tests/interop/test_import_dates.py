"""Imports follow the diary's date rules: 1900 to today where the person lives, with the line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from vagus.interop.service import ImportFailed, run_import

pytestmark = pytest.mark.django_db


def refused(person, fmt, path):
    with pytest.raises(ImportFailed) as caught:
        run_import(person, fmt, path)
    assert person.observations.count() == 0
    return {(e.line, e.field): e.reason for e in caught.value.errors}


def test_csv_rows_outside_the_diary_are_refused_with_their_line(person, tmp_path):
    tomorrow = (person.today() + timedelta(days=1)).isoformat()
    path = tmp_path / "dates.csv"
    path.write_text(
        "date,time,measure,value\n"
        "2024-01-01,,anxiety,3\n"
        "0001-01-01,,anxiety,3\n"
        "9999-12-31,23:59,anxiety,3\n"
        f"{tomorrow},,anxiety,3\n"
        "1899-12-31,,anxiety,3\n"
    )
    errors = refused(person, "csv", path)
    assert set(errors) == {(3, "date"), (4, "date"), (5, "date"), (6, "date")}
    assert errors[(3, "date")] == "0001-01-01 is before 1900"
    assert "in the future where you are" in errors[(4, "date")]
    assert "in the future where you are" in errors[(5, "date")]


def test_year_one_east_of_greenwich_is_refused_not_a_crash(person, tmp_path):
    person.time_zone = "Asia/Tokyo"
    person.save()
    path = tmp_path / "year1.csv"
    path.write_text("date,time,measure,value\n0001-01-01,00:30,anxiety,3\n")
    assert set(refused(person, "csv", path)) == {(2, "date")}


def health_xml(start, end):
    return (
        '<?xml version="1.0"?>\n<HealthData locale="en_GB">\n'
        '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="Phone" unit="count" '
        'startDate="2024-03-02 08:00:00 +0000" endDate="2024-03-02 08:10:00 +0000" '
        'value="100"/>\n'
        f'<Record type="HKQuantityTypeIdentifierStepCount" sourceName="Phone" unit="count" '
        f'startDate="{start}" endDate="{end}" value="50"/>\n'
        "</HealthData>\n"
    )


def test_an_apple_health_record_in_year_one_is_named(person, tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(health_xml("0001-01-01 00:00:00 +0100", "0001-01-01 00:10:00 +0100"))
    errors = refused(person, "apple-health", path)
    assert list(errors) == [(4, "startDate")]
    assert "HKQuantityTypeIdentifierStepCount record dated 0001-01-01" in errors[(4, "startDate")]


def test_the_1900_limit_is_checked_on_the_persons_own_day(person, tmp_path):
    """00:30 UTC on 1 January 1900 is still 1899 in New York, already 1900 in Berlin."""
    path = tmp_path / "export.xml"
    path.write_text(health_xml("1900-01-01 00:30:00 +0000", "1900-01-01 00:40:00 +0000"))
    person.time_zone = "America/New_York"
    person.save()
    errors = refused(person, "apple-health", path)
    assert errors == {(4, "date"): "1899-12-31 is before 1900"}
    person.time_zone = "Europe/Berlin"
    person.save()
    outcome = run_import(person, "apple-health", path)
    assert outcome.counts["first_day"] == "1900-01-01"


def test_nul_in_imported_text_is_refused_with_its_line(person, samples, tmp_path):
    text = (samples / "daylio.csv").read_text()
    assert text.count('"Busy day"') == 1  # the note title of the entry on line 3
    path = tmp_path / "nul.csv"
    path.write_text(text.replace('"Busy day"', '"Busy\x00day"'))
    with pytest.raises(ImportFailed) as caught:
        run_import(person, "daylio", path, options={"mood_map": {"anxious": 2}})
    assert any(e.line == 3 and "NUL" in e.reason for e in caught.value.errors)
    assert person.observations.count() == 0


def test_a_backup_with_a_lone_surrogate_is_refused_naming_the_field(person, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text(
        '{"format": "vagus-export", "format_version": 1, "day_notes": '
        '[{"day": "2024-01-01", "text": "fine \\ud800"}]}'
    )
    with pytest.raises(ImportFailed, match=r"day_notes\[0\]\.text: contains a broken"):
        run_import(person, "json", path)
