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


def test_a_row_with_no_value_is_skipped_and_reported_a_wrong_one_stops():
    import io

    text = b"date,measure,value\n2025-03-01,anxiety,\n2025-03-02,anxiety,4\n2025-03-03,anxiety,\n"
    result = generic_csv.parse(io.BytesIO(text), zone=LONDON)
    assert result.errors == [] and [r.value for r in result.records] == [4]
    assert result.notes == ["2 rows had no value: skipped."]
    bad = generic_csv.parse(io.BytesIO(text + b"2025-03-04,anxiety,n/a\n"), zone=LONDON)
    assert [(e.line, e.field) for e in bad.errors] == [(5, "value")]


def test_the_same_moment_has_one_key_in_utc_or_with_its_local_offset():
    import io

    def key(time):
        text = f"date,time,measure,value\n2023-09-12,{time},anxiety,3\n".encode()
        (record,) = generic_csv.parse(io.BytesIO(text), zone=LONDON).records
        return record.key

    assert key("2023-09-11T22:17:00+00:00") == key("2023-09-12T00:17:00+02:00")
