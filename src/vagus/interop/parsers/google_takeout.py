"""A Google Takeout (or Fitbit account) export of Fitbit data: sleep, steps, resting heart rate
and heart-rate variability (RMSSD).

The export is a zip. Inside ``Takeout/Fitbit/`` (``user-site-export/`` in older Fitbit
exports) the files Vagus reads are, by name, wherever they sit in the zip:

- ``Global Export Data/sleep-YYYY-MM-DD.json``: a list of sleep logs, each with
  ``dateOfSleep`` (the wake-up day), ``startTime``/``endTime`` (local clock, no offset),
  ``minutesAsleep`` and ``mainSleep``. The day's value is the time asleep of its main sleep, in
  hours; naps are left out and counted.
- ``Global Export Data/steps-YYYY-MM-DD.json``: ``{"dateTime": "MM/DD/YY HH:MM:SS", "value":
  "12"}`` per minute, in UTC; summed per calendar day in the person's time zone.
- ``Global Export Data/resting_heart_rate-YYYY-MM-DD.json``: ``{"dateTime": …, "value":
  {"date": "MM/DD/YY", "value": 58.2, "error": 6.1}}`` per day; a value of 0 means none.
- ``Heart Rate Variability/Daily Heart Rate Variability Summary*.csv``: ``timestamp, rmssd,
  nremhr, entropy`` per night. Fitbit measures RMSSD, so it goes to its own measure and is never
  mixed with Apple's SDNN.

Values are kept as the file gives them. Entries under ``__MACOSX/`` are ignored.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import IO, Any, BinaryIO
from zoneinfo import ZoneInfo

from vagus.interop.parsers.apple_health_file import MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO, Capped
from vagus.interop.records import (
    OBSERVATION,
    FileError,
    MeasureRef,
    ParseResult,
    ProgressFn,
    Record,
)

SOURCE = "import:google-takeout"
SLEEP_MEASURE = MeasureRef(code="sleep_hours")
STEPS_MEASURE = MeasureRef(code="steps")
RESTING_HR_MEASURE = MeasureRef(code="resting_heart_rate")
RMSSD_MEASURE = MeasureRef(code="hrv_rmssd")
MAX_REPORTED_ERRORS = 100
MAX_MEMBER_BYTES = 512 * 1024**2  # one month of minute-level steps is a few MB

SLEEP, STEPS, RESTING, HRV = "sleep", "steps", "resting", "hrv"


def _kind_of(name: str) -> str:
    parts = name.split("/")
    base = parts[-1]
    if "__MACOSX" in parts or base.startswith("._"):
        return ""
    if base.endswith(".json"):
        if base.startswith("sleep-"):
            return SLEEP
        if base.startswith("steps-"):
            return STEPS
        if base.startswith("resting_heart_rate-"):
            return RESTING
    if base.startswith("Daily Heart Rate Variability Summary") and base.endswith(".csv"):
        return HRV
    return ""


def _us_date(text: str) -> date:
    """``03/02/25`` (month/day/year, as Fitbit writes it) → 2025-03-02."""
    return datetime.strptime(text, "%m/%d/%y").date()


class _Reader:
    def __init__(self, result: ParseResult, zone: ZoneInfo) -> None:
        self.result, self.zone = result, zone
        self.errors = 0
        self.sleep: dict[date, list[tuple[float, datetime, str]]] = defaultdict(list)
        self.naps = 0
        self.steps: dict[date, float] = defaultdict(float)
        self.steps_where: dict[date, str] = {}
        self.resting: dict[date, tuple[float, str]] = {}
        self.rmssd: dict[date, tuple[float, str]] = {}

    def error(self, where: str, reason: str) -> None:
        self.errors += 1
        if self.errors <= MAX_REPORTED_ERRORS:
            self.result.error(0, where, reason)

    def read_json(self, name: str, kind: str, entries: Any) -> None:
        if not isinstance(entries, list):
            raise FileError(f"{name} is not a list of entries; is it a Fitbit export?")
        base = name.rsplit("/", 1)[-1]
        for number, entry in enumerate(entries, 1):
            self.result.rows += 1
            where = f"{base}, entry {number}"
            try:
                if kind == SLEEP:
                    self._sleep(entry, where)
                elif kind == STEPS:
                    self._steps(entry, where)
                else:
                    self._resting(entry, where)
            except (KeyError, TypeError, ValueError) as exc:
                self.error(where, f"cannot be read ({exc})")

    def _sleep(self, entry: dict[str, Any], where: str) -> None:
        if not entry.get("mainSleep", True):
            self.naps += 1
            return
        day = date.fromisoformat(entry["dateOfSleep"])
        minutes = float(entry["minutesAsleep"])
        if not 0 <= minutes <= 1440:
            raise ValueError(f"{minutes:g} minutes asleep is not within a day")
        woke = datetime.fromisoformat(entry["endTime"]).replace(tzinfo=self.zone)
        self.sleep[day].append((minutes, woke, where))

    def _steps(self, entry: dict[str, Any], where: str) -> None:
        moment = datetime.strptime(entry["dateTime"], "%m/%d/%y %H:%M:%S").replace(tzinfo=UTC)
        value = float(entry["value"])
        if value < 0:
            raise ValueError(f"{value:g} steps")
        day = moment.astimezone(self.zone).date()
        self.steps[day] += value
        self.steps_where.setdefault(day, where)

    def _resting(self, entry: dict[str, Any], where: str) -> None:
        value = entry["value"]
        bpm = float(value["value"])
        if bpm == 0 or not value.get("date"):  # Fitbit writes 0 for a day without a value
            return
        self.resting.setdefault(_us_date(value["date"]), (bpm, where))

    def read_hrv(self, name: str, text: str) -> None:
        base = name.rsplit("/", 1)[-1]
        rows = csv.DictReader(io.StringIO(text))
        if not rows.fieldnames or not {"timestamp", "rmssd"} <= set(rows.fieldnames):
            raise FileError(f"{base} has no timestamp and rmssd columns.")
        for row in rows:
            self.result.rows += 1
            where = f"{base}, line {rows.line_num}"
            try:
                day = datetime.fromisoformat(row["timestamp"]).date()
                rmssd = float(row["rmssd"])
                if not 0 < rmssd <= 3000:
                    raise ValueError(f"RMSSD {rmssd:g} ms")
            except (TypeError, ValueError) as exc:
                self.error(where, f"cannot be read ({exc})")
                continue
            self.rmssd.setdefault(day, (rmssd, where))

    def records(self) -> list[Record]:
        out: list[Record] = []

        def add(name: str, day: date, measure: MeasureRef, value: float, when: Any = None) -> None:
            out.append(
                Record(
                    0, OBSERVATION, SOURCE, f"{name}|{day.isoformat()}", day, when, measure, value
                )
            )

        for day, nights in sorted(self.sleep.items()):
            hours = min(sum(minutes for minutes, _, _ in nights) / 60, 24)
            add("sleep", day, SLEEP_MEASURE, hours, max(woke for _, woke, _ in nights))
        for day, total in sorted(self.steps.items()):
            add("steps", day, STEPS_MEASURE, total)
        for day, (bpm, _) in sorted(self.resting.items()):
            add("resting-hr", day, RESTING_HR_MEASURE, bpm)
        for day, (rmssd, _) in sorted(self.rmssd.items()):
            add("hrv-rmssd", day, RMSSD_MEASURE, rmssd)
        return out


def _member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_unzipped: int, max_ratio: float
) -> IO[bytes]:
    """The member, read through a cap: its declared size can lie."""
    if info.file_size > min(max_unzipped, MAX_MEMBER_BYTES):
        raise FileError(f"{info.filename} is too large to be a Fitbit export file.")
    if info.file_size > max_ratio * max(info.compress_size, 1) and info.file_size > 1 << 20:
        raise FileError(f"{info.filename} expands far beyond its packed size; refused for safety.")
    # Capped has the one method json and the decoder call, read().
    return Capped(archive.open(info), info.file_size)  # type: ignore[return-value]


def parse(
    stream: BinaryIO,
    *,
    zone: ZoneInfo,
    progress: ProgressFn | None = None,
    sink: Callable[[Record], None] | None = None,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
    max_ratio: float = MAX_ZIP_RATIO,
    **_: Any,
) -> ParseResult:
    result = ParseResult(SOURCE, sink=sink)
    if stream.read(4) != b"PK\x03\x04":
        raise FileError(
            "a Google Takeout export is a .zip file; choose the zip Takeout made, not a file "
            "taken out of it."
        )
    stream.seek(0)
    reader = _Reader(result, zone)
    try:
        archive = zipfile.ZipFile(stream)
        wanted = [(i, _kind_of(i.filename)) for i in archive.infolist() if not i.is_dir()]
        wanted = [(i, kind) for i, kind in wanted if kind]
        if not wanted:
            raise FileError(
                "the zip file holds no Fitbit sleep, steps, resting heart rate or heart rate "
                "variability files: is it a Google Takeout export with Fitbit selected?"
            )
        total = sum(max(i.file_size, 1) for i, _ in wanted)
        if total > max_unzipped:
            raise FileError(f"the Fitbit files would expand to {total / 1024**3:,.1f} GB.")
        done = 0
        for info, kind in wanted:
            raw = _member(archive, info, max_unzipped, max_ratio).read()
            try:
                text = raw.decode("utf-8-sig")
                if kind == HRV:
                    reader.read_hrv(info.filename, text)
                else:
                    reader.read_json(info.filename, kind, json.loads(text))
            except UnicodeDecodeError:
                raise FileError(f"{info.filename} is not UTF-8 text.") from None
            except json.JSONDecodeError as exc:
                raise FileError(f"{info.filename} cannot be read as JSON ({exc}).") from None
            done += max(info.file_size, 1)
            if progress:
                progress(done / total * 0.95)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise FileError(f"the zip file cannot be read ({exc}).") from None
    if reader.errors > MAX_REPORTED_ERRORS:
        result.error(0, "entries", f"{reader.errors - MAX_REPORTED_ERRORS} more unreadable")
    result.extend(reader.records())
    if reader.naps:
        result.notes.append(
            f"{reader.naps} nap{'s' if reader.naps != 1 else ''} left out: sleep is the night's "
            "main sleep only."
        )
    if progress:
        progress(1.0)
    return result
