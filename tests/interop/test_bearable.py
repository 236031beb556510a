"""Bearable's long CSV export: moods, symptoms, sleep, tags, supplements, and the rest raw."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from vagus.interop.parsers import bearable
from vagus.interop.records import NOTE, OBSERVATION, RAW

LONDON = ZoneInfo("Europe/London")


def parse(path):
    with open(path, "rb") as stream:
        return bearable.parse(stream, zone=LONDON)


@pytest.fixture
def result(samples):
    return parse(samples / "bearable.csv")


def values(result):
    return {
        (r.day.isoformat(), r.measure.name): r.value
        for r in result.records
        if r.kind == OBSERVATION
    }


def test_every_category_is_read(result):
    assert result.errors == []
    got = values(result)
    assert got[("2025-03-02", "mood")] == 6
    assert got[("2025-03-01", "mood")] == 8
    assert got[("2025-03-02", "bloating")] == 5  # Moderate (2) × 2.5 → 5
    assert got[("2025-03-02", "Back (lower) pain")] == 3  # Mild, name keeps its parentheses
    assert got[("2025-03-02", "sleep_hours")] == 6.75
    assert got[("2025-03-02", "Coffee")] == 1 and got[("2025-03-02", "Kefir")] == 1
    assert got[("2025-03-02", "probiotic")] == 1


def test_severities_map_onto_the_0_to_10_scale():
    assert [bearable.severity_value(s) for s in (1, 2, 3, 4)] == [3, 5, 8, 10]


def test_names_with_parentheses_lose_only_the_last_group():
    assert bearable.split_last_group("Back (lower) pain (Mild)") == ("Back (lower) pain", "Mild")
    assert bearable.split_last_group("Headache") == ("Headache", "")


def test_unknown_and_unmeasured_categories_are_kept_raw_and_said(result):
    raw = {(r.label, r.text) for r in result.records if r.kind == RAW}
    assert ("Energy", "v. high") in raw
    assert ("Gratitudes", "A calm evening walk") in raw
    assert ("Bowel Movements", "4") in raw
    assert ("Sleep", "Asleep 00:05 – 06:50. In bed 23:40 - 07:00") in raw
    assert any("Energy" in n for n in result.notes)


def test_notes_and_mood_tags_are_kept(result):
    notes = {(r.label, r.text) for r in result.records if r.kind == NOTE}
    assert ("Symptom", "after the long drive") in notes
    assert ("Mood tags", "Anxious | Tired") in notes


def test_clock_times_are_kept_and_day_parts_are_not_guessed(result):
    mood = next(r for r in result.records if r.key.endswith("08:20|mood|anxious | tired|mood"))
    assert mood.time.hour == 8 and mood.time.minute == 20
    bloating = next(r for r in result.records if r.measure and r.measure.code == "bloating")
    assert bloating.time is None


def test_files_before_2022_without_date_formatted(samples):
    result = parse(samples / "bearable_pre2022.csv")
    assert result.errors == []
    assert values(result) == {("2021-01-05", "mood"): 5, ("2021-01-05", "gut_pain"): 8}
    assert {r.day for r in result.records} == {date(2021, 1, 5)}


def test_bad_dates_and_ratings_are_reported_by_line(samples):
    result = parse(samples / "bearable_bad_date.csv")
    assert sorted((e.line, e.field) for e in result.errors) == [(2, "date"), (3, "rating/amount")]


@pytest.fixture
def synced(samples):
    return parse(samples / "bearable_synced.csv")


def test_a_row_with_no_value_is_skipped_and_reported(synced):
    assert synced.errors == []
    assert "1 sleep row had no duration: skipped." in synced.notes
    sleep = {d: v for (d, name), v in values(synced).items() if name == "sleep_hours"}
    assert sleep == {"2025-04-01": 6.5, "2025-04-05": 7.5}


def test_a_row_with_a_wrong_value_still_stops_the_import(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
        '"2nd Apr 2025","2025-04-02","Wednesday","all day","Sleep","","",""\n'
        '"1st Apr 2025","2025-04-01","Tuesday","all day","Sleep","long","",""\n'
    )
    got = parse(path)
    assert [(e.line, e.field) for e in got.errors] == [(3, "rating/amount")]


def test_tags_are_no_on_logged_days_between_first_and_last_use(synced):
    got = values(synced)
    coffee = {d: v for (d, name), v in got.items() if name == "Coffee"}
    # 04-01 is before its first use, 04-04 has no Factors entry, 04-06 is after its last use.
    assert coffee == {"2025-04-02": 1, "2025-04-03": 0, "2025-04-05": 1}
    walk = {d: v for (d, name), v in got.items() if name == "Walk"}
    assert walk == {
        "2025-04-01": 1,
        "2025-04-02": 0,
        "2025-04-03": 1,
        "2025-04-05": 1,
        "2025-04-06": 1,
    }


def test_yes_and_no_days_of_a_tag_have_distinct_keys(synced):
    keys = [r.key for r in synced.records]
    assert len(keys) == len(set(keys))


def test_sleep_is_stored_as_the_file_says_not_rounded(tmp_path):
    # 7:20 is 7⅓ hours; rounding on the way in would keep 7.33 and lose the minutes' exactness.
    path = tmp_path / "sleep.csv"
    path.write_text(
        "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
        '"3rd Mar 2025","2025-03-03","Monday","all day","Sleep","7:20","",""\n',
        encoding="utf-8",
    )
    assert values(parse(path))[("2025-03-03", "sleep_hours")] == 7 + 20 / 60
