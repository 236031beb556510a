"""A plain spreadsheet CSV: date, measure, value and an optional time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from vagus.interop.parsers import generic_csv

LONDON = ZoneInfo("Europe/London")


def test_rows_become_records_by_code_or_label(samples):
    with open(samples / "generic.csv", "rb") as stream:
        result = generic_csv.parse(stream, zone=LONDON)
    assert result.errors == []
    assert [(r.measure.label, r.value, r.time and r.time.hour) for r in result.records] == [
        ("anxiety", 6, 8),
        ("Gut pain", 3, None),
        ("sleep_hours", 7.5, 21),
        ("Cold shower", 1, None),
    ]


def test_bad_rows_name_line_and_field(samples):
    with open(samples / "generic_bad.csv", "rb") as stream:
        result = generic_csv.parse(stream, zone=LONDON)
    assert [(e.line, e.field) for e in result.errors] == [(2, "value"), (3, "date")]
