"""A plain spreadsheet CSV: ``date, measure, value`` and an optional ``time``.

``measure`` is a measure's code (``anxiety``, ``my_cold_shower``) or its label ("Cold shower").
The parser cannot know a person's measures (it is pure); it leaves ``MeasureRef.kind`` empty,
and the importer either finds the measure or reports it as unknown, offering to create it.
Vagus's own tidy export has ``label``, ``kind`` and ``direction`` columns: a measure created
on the way keeps its code (``my_…``), label, kind and direction, so export → import keeps
names. ``time`` is a clock time (``21:40``, the person's zone) or a moment with its offset
(``2023-09-12T00:17:00+02:00``, as the tidy export writes it).

Cells are read through ``formulas.unguard``, which removes the quote the CSV export puts
before text a spreadsheet would run as a formula, so export → import gives back the same names.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from vagus.interop.formulas import unguard
from vagus.interop.parsers import csvfile
from vagus.interop.records import (
    NUMBERED,
    OBSERVATION,
    MeasureRef,
    ParseResult,
    ProgressFn,
    Record,
)

SOURCE = "import:csv"
DIRECTIONS = {"better", "worse"}


def _time(text: str, day: date, zone: ZoneInfo) -> tuple[datetime, str]:
    """The moment, and the text its key is built from.

    A moment written with its offset is keyed in UTC, so the same entry has the same key
    whether the export wrote it in UTC (older tidy exports) or local time with its offset.
    """
    text = text.strip()
    for pattern in ("%H:%M", "%H:%M:%S"):
        try:
            moment = datetime.combine(day, datetime.strptime(text, pattern).time(), tzinfo=zone)
        except ValueError:
            continue
        return moment, moment.isoformat()
    moment = datetime.fromisoformat(text)  # ValueError when it is not a time at all
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
        return moment, moment.isoformat()
    return moment, moment.astimezone(UTC).isoformat()


def parse(
    stream: BinaryIO,
    *,
    zone: ZoneInfo,
    progress: ProgressFn | None = None,
    sink: Any = None,
    **_: Any,
) -> ParseResult:
    result = ParseResult(SOURCE, sink=sink)
    header, reader = csvfile.rows(
        stream, ["date", "measure", "value"], aliases={"day": "date"}, progress=progress
    )
    for line, raw, problem in reader:
        result.rows += 1
        if problem:
            result.error(line, "row", problem)
            continue
        row = {name: unguard(cell) for name, cell in raw.items()}
        try:
            day = date.fromisoformat(row["date"].strip())
        except ValueError:
            result.error(line, "date", f"“{row['date']}” is not a date like 2025-03-02")
            continue
        when, stamp = None, ""
        if "time" in header and row["time"].strip():
            try:
                when, stamp = _time(row["time"], day, zone)
            except (ValueError, OverflowError):
                result.error(line, "time", f"“{row['time']}” is not a time like 21:40")
                continue
        name = " ".join(row["measure"].split())
        if not name:
            result.error(line, "measure", "the measure is empty")
            continue
        if not row["value"].strip():
            result.skip("", "value")  # nothing to import; a wrong value is an error below
            continue
        try:
            value = float(row["value"].strip())
        except ValueError:
            result.error(line, "value", f"“{row['value']}” is not a number")
            continue
        if not math.isfinite(value):
            result.error(line, "value", "must be a finite number")
            continue
        title = " ".join(row.get("label", "").split())
        direction = row.get("direction", "").strip().lower()
        measure = MeasureRef(
            label=name,
            kind="",
            title=title if title != name else "",
            direction=direction if direction in DIRECTIONS else "",
            suggested_kind=row.get("kind", "").strip().lower(),
        )
        key = f"{day.isoformat()}|{stamp}|{name.casefold()}"
        result.add(
            Record(line, OBSERVATION, SOURCE, key, day, when, measure, value, repeats=NUMBERED)
        )
    result.report_skipped()
    return result
