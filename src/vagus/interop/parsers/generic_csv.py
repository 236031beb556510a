"""A plain spreadsheet CSV: ``date, measure, value`` and an optional ``time``.

``measure`` is a measure's code (``anxiety``, ``my_cold_shower``) or its label ("Cold shower").
The parser cannot know a person's measures (it is pure); it leaves ``MeasureRef.kind`` empty,
and the importer either finds the measure or reports it as unknown, offering to create it.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from vagus.interop.parsers import csvfile
from vagus.interop.records import (
    OBSERVATION,
    KeyCounter,
    MeasureRef,
    ParseResult,
    ProgressFn,
    Record,
)

SOURCE = "import:csv"


def _time(text: str, day: date, zone: ZoneInfo) -> datetime | None:
    text = text.strip()
    for pattern in ("%H:%M", "%H:%M:%S"):
        try:
            return datetime.combine(day, datetime.strptime(text, pattern).time(), tzinfo=zone)
        except ValueError:
            continue
    moment = datetime.fromisoformat(text)  # ValueError when it is not a time at all
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def parse(
    stream: BinaryIO, *, zone: ZoneInfo, progress: ProgressFn | None = None, **_: Any
) -> ParseResult:
    result = ParseResult(SOURCE)
    text = csvfile.read_text(stream)
    header, reader = csvfile.rows(text, ["date", "measure", "value"], aliases={"day": "date"})
    rows = list(reader)
    keys = KeyCounter()
    for done, (line, row, problem) in enumerate(rows, 1):
        result.rows += 1
        if problem:
            result.error(line, "row", problem)
            continue
        try:
            day = date.fromisoformat(row["date"].strip())
        except ValueError:
            result.error(line, "date", f"“{row['date']}” is not a date like 2025-03-02")
            continue
        when = None
        if "time" in header and row["time"].strip():
            try:
                when = _time(row["time"], day, zone)
            except ValueError:
                result.error(line, "time", f"“{row['time']}” is not a time like 21:40")
                continue
        name = " ".join(row["measure"].split())
        if not name:
            result.error(line, "measure", "the measure is empty")
            continue
        try:
            value = float(row["value"].strip())
        except ValueError:
            result.error(line, "value", f"“{row['value']}” is not a number")
            continue
        if not math.isfinite(value):
            result.error(line, "value", "must be a finite number")
            continue
        stamp = when.isoformat() if when else ""
        key = keys(f"{day.isoformat()}|{stamp}|{name.casefold()}")
        measure = MeasureRef(label=name, kind="")
        result.records.append(Record(line, OBSERVATION, SOURCE, key, day, when, measure, value))
        if progress and done % 1000 == 0:
            progress(done / len(rows))
    return result
