"""Daylio CSV exports in their real layouts become moods, activities and notes."""

from __future__ import annotations

import io
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from vagus.interop.parsers import daylio
from vagus.interop.records import NOTE

LONDON = ZoneInfo("Europe/London")


def parse(path, **options):
    with open(path, "rb") as stream:
        return daylio.parse(stream, zone=LONDON, **options)


def moods(result):
    return {r.key: r.value for r in result.records if r.key.endswith("|mood")}


def test_levels_map_to_equal_steps_with_meh_in_the_middle():
    assert [daylio.mood_value(level) for level in (1, 2, 3, 4, 5)] == [1, 3, 5, 7, 9]


def test_current_layout_with_bom_mixed_clocks_and_a_multiline_note(samples):
    result = parse(samples / "daylio.csv", mood_map={"anxious": 2})
    assert result.errors == [] and result.unmapped == []
    assert moods(result) == {
        "2025-02-27 23:10|mood": 1.0,  # awful, 24-hour clock
        "2025-02-28 10:00|mood": 9.0,  # rad, 12-hour clock
        "2025-03-01 19:05|mood": 7.0,
        "2025-03-02 08:15|mood": 3.0,  # "Anxious " (trailing space) mapped to 2
        "2025-03-02 21:40|mood": 5.0,  # "9:40 pm"
    }
    note = next(r for r in result.records if r.kind == NOTE)
    assert note.label == "Busy day"
    assert note.text.startswith('Tight stomach before meeting, then "fine" by lunch.\nSecond')
    assert note.line == 3
    assert note.time.tzinfo is not None and note.time.hour == 8


def test_two_entries_on_one_day_keep_their_times(samples):
    result = parse(samples / "daylio.csv", mood_map={"anxious": 2})
    times = sorted(
        r.time.strftime("%H:%M")
        for r in result.records
        if r.day == date(2025, 3, 2) and r.key.endswith("|mood")
    )
    assert times == ["08:15", "21:40"]


def test_activities_are_yes_on_their_days_and_no_between_first_and_last_use(samples):
    result = parse(samples / "daylio.csv", mood_map={"anxious": 2})
    bloated = {r.day.isoformat(): r.value for r in result.records if r.key.endswith("|bloated")}
    assert bloated == {"2025-02-27": 1, "2025-02-28": 0, "2025-03-01": 0, "2025-03-02": 1}
    kefir = [r for r in result.records if r.key.endswith("|kefir")]
    assert [(r.day.isoformat(), r.value) for r in kefir] == [("2025-02-28", 1)]
    assert kefir[0].measure.kind == "yesno"


def test_unmapped_names_are_listed_and_nothing_is_produced(samples):
    result = parse(samples / "daylio.csv")
    assert result.unmapped == ["Anxious"]
    assert result.records == []


@pytest.mark.parametrize("name", ["daylio_older.csv", "daylio_oldest.csv"])
def test_older_layouts_are_read_by_header_name(samples, name):
    result = parse(samples / name)
    assert result.errors == []
    assert len(moods(result)) == 2
    assert any(r.kind == NOTE for r in result.records)


def test_oldest_layout_takes_the_year_column(samples):
    result = parse(samples / "daylio_oldest.csv")
    assert {r.day for r in result.records} == {date(2019, 9, 27), date(2019, 9, 28)}


def test_bad_rows_are_reported_with_line_and_field(samples):
    result = parse(samples / "daylio_bad_rows.csv")
    assert [(e.line, e.field) for e in result.errors] == [(3, "full_date"), (4, "time")]


def test_keys_do_not_move_when_a_newer_export_adds_rows_on_top(samples):
    old = parse(samples / "daylio.csv", mood_map={"anxious": 2})
    text = (samples / "daylio.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    newer = [text[0], '2025-03-03,3 March,Monday,07:00,good,walk,"",""\n', *text[1:]]
    new = daylio.parse(io.BytesIO("".join(newer).encode()), zone=LONDON, mood_map={"anxious": 2})
    assert set(moods(old).items()) < set(moods(new).items())


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Anxious=2, Calm=4", {"anxious": 2, "calm": 4}), ("a=b=1", {"a=b": 1})],
)
def test_mood_map_option(text, expected):
    assert daylio.parse_mood_map(text) == expected


@pytest.mark.parametrize("text", ["Anxious", "Anxious=6", "=3"])
def test_mood_map_mistakes_are_named(text):
    with pytest.raises(ValueError, match="mood map"):
        daylio.parse_mood_map(text)


def test_oldest_layout_in_english_us_with_the_month_first(samples):
    result = parse(samples / "daylio_oldest_us.csv")
    assert result.errors == [] and result.unmapped == []
    assert moods(result) == {"2019-06-21 08:15|mood": 3.0, "2019-06-22 22:00|mood": 7.0}


def test_oldest_layout_in_polish_with_format_and_abbreviated_month_names(samples):
    result = parse(samples / "daylio_oldest_pl.csv")
    assert result.errors == [] and result.unmapped == []
    # "listopada" is November in Polish but October in Croatian: Thursday says Polish.
    assert moods(result) == {
        "2019-09-06 08:05|mood": 3.0,  # "6 wrz", "źle"
        "2019-09-07 21:40|mood": 7.0,  # "dobrze"
        "2019-11-07 21:40|mood": 7.0,
    }


def test_stand_alone_month_names_and_the_day_after_the_month():
    assert daylio.calendar_names.read_day("wrzesień 7", "sobota", 2019, date(2020, 1, 1)) == date(
        2019, 9, 7
    )


def test_a_weekday_that_does_not_fit_the_date_is_an_error():
    with pytest.raises(daylio.calendar_names.DateProblem, match="is not a"):
        daylio.calendar_names.read_day("7 września", "piątek", 2019, date(2020, 1, 1))


def test_without_a_year_the_weekday_picks_the_latest_year_that_fits():
    read = daylio.calendar_names.read_day
    assert read("22 de junio", "martes", None, date(2024, 1, 1)) == date(2021, 6, 22)
    assert read("22 de junio", "martes", None, date(2021, 6, 21)) == date(2010, 6, 22)


def test_a_file_without_its_header_row_is_recognised_by_its_shape(samples):
    result = parse(samples / "daylio_headerless_es.csv")
    assert result.errors == []
    # "mal" is a default mood Vagus knows; the others are asked for, with their entries.
    assert result.unmapped_counts == {"bien": 1, "Sin animo": 2}
    result = parse(samples / "daylio_headerless_es.csv", mood_map={"bien": 4, "sin animo": 3})
    assert result.errors == [] and result.unmapped == []
    assert moods(result) == {
        "2021-05-31 20:00|mood": 5.0,
        "2021-06-20 09:30|mood": 5.0,
        "2021-06-20 21:10|mood": 3.0,
        "2021-06-22 22:00|mood": 7.0,  # the first line is an entry, not a header
    }


def test_a_file_with_no_header_of_unknown_shape_is_refused_saying_so():
    with pytest.raises(daylio.csvfile.FileError, match="the header row is missing"):
        daylio.parse(io.BytesIO(b"2021,sometime,x,y,bien,,\n"), zone=LONDON)
