"""Fitbit data from a Google Takeout zip: sleep, steps, resting heart rate and RMSSD."""

from __future__ import annotations

import io
import json
import zipfile
from zoneinfo import ZoneInfo

import pytest

from vagus.interop.parsers import FORMATS, google_takeout
from vagus.interop.records import FileError

LONDON = ZoneInfo("Europe/London")
GLOBAL = "Takeout/Fitbit/Global Export Data/"


def parse(path, zone=LONDON):
    with open(path, "rb") as stream:
        return google_takeout.parse(stream, zone=zone)


def by_key(result):
    return {r.key: r.value for r in result.records}


def zipped(files: dict[str, str]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    buffer.seek(0)
    return buffer


def test_the_sample_gives_each_day_exactly(samples):
    result = parse(samples / "google_takeout.zip")
    assert result.errors == []
    assert by_key(result) == {
        "sleep|2025-03-02": 412 / 60,  # the main sleep only; the 37-minute nap left out
        "sleep|2025-03-03": 401 / 60,
        "steps|2025-03-02": 255.0,
        "steps|2025-03-03": 10.0,
        "resting-hr|2025-03-02": 57.84,  # 3 March has 0: no value that day
        "resting-hr|2025-03-04": 59.1,
        "hrv-rmssd|2025-03-02": 38.452,
        "hrv-rmssd|2025-03-03": 41.07,
    }
    assert result.notes == ["1 nap left out: sleep is the night's main sleep only."]


def test_rmssd_never_goes_to_sdnn(samples):
    codes = {
        r.key.split("|")[0]: r.measure.code for r in parse(samples / "google_takeout.zip").records
    }
    assert codes["hrv-rmssd"] == "hrv_rmssd"
    assert "hrv_sdnn" not in codes.values()


def test_steps_are_utc_minutes_counted_on_the_person_days(samples):
    values = by_key(parse(samples / "google_takeout.zip", zone=ZoneInfo("America/New_York")))
    assert values["steps|2025-03-02"] == 265.0  # 02:00 UTC on 3 March is 21:00 on 2 March
    assert values["steps|2025-03-03"] == 0.0


def test_sleep_ends_at_the_local_time_the_file_gives(samples):
    sleep = [
        r for r in parse(samples / "google_takeout.zip").records if r.key == "sleep|2025-03-02"
    ]
    assert sleep[0].time is not None and sleep[0].time.isoformat() == "2025-03-02T06:55:30+00:00"


def test_a_bad_entry_names_its_file_and_place():
    entries = [
        {"dateOfSleep": "2025-03-02", "endTime": "2025-03-02T07:00:00", "minutesAsleep": 420},
        {"dateOfSleep": "2025-03-03", "endTime": "2025-03-03T07:00:00", "minutesAsleep": 2000},
    ]
    result = google_takeout.parse(
        zipped({GLOBAL + "sleep-2025-03-01.json": json.dumps(entries)}), zone=LONDON
    )
    assert [str(e) for e in result.errors] == [
        "file, sleep-2025-03-01.json, entry 2: cannot be read (2000 minutes asleep is not "
        "within a day)"
    ]


def test_a_zip_without_fitbit_files_is_refused():
    with pytest.raises(FileError, match="no Fitbit sleep, steps"):
        google_takeout.parse(zipped({"Takeout/Mail/all.mbox": "x"}), zone=LONDON)


def test_a_file_taken_out_of_the_zip_is_refused():
    with pytest.raises(FileError, match=r"is a \.zip file"):
        google_takeout.parse(io.BytesIO(b"[]"), zone=LONDON)


def test_broken_json_is_refused_with_its_name():
    with pytest.raises(FileError, match=r"steps-2025-03-01\.json cannot be read as JSON"):
        google_takeout.parse(zipped({GLOBAL + "steps-2025-03-01.json": "[{"}), zone=LONDON)


def test_it_is_a_format_of_the_import_page_and_the_command():
    assert "google-takeout" in FORMATS


@pytest.mark.django_db
def test_importing_twice_changes_nothing_and_removal_is_exact(person, samples, snapshot):
    from vagus.diary.models import Observation
    from vagus.interop.importing import remove_source
    from vagus.interop.service import run_import

    before = snapshot(person)
    first = run_import(person, "google-takeout", samples / "google_takeout.zip")
    assert first.summary.startswith("Added 8, updated 0, 0 already there")
    after = snapshot(person)
    run_import(person, "google-takeout", samples / "google_takeout.zip")
    assert snapshot(person) == after
    rmssd = Observation.objects.owned_by(person).get(measure__code="hrv_rmssd", day="2025-03-02")
    assert rmssd.value == 38.452
    assert remove_source(person, "import:google-takeout") == 8
    assert snapshot(person) == before
