"""A plain spreadsheet CSV: ``date, measure, value`` and an optional ``time``.

``measure`` is a measure's code (``anxiety``, ``my_cold_shower``) or its label ("Cold shower").
The parser cannot know a person's measures (it is pure); it leaves ``MeasureRef.kind`` empty,
and the importer either finds the measure or reports it as unknown, offering to create it.
A ``label`` column (Vagus's own tidy export has one) names a measure created on the way.

Cells are read through ``formulas.unguard``, which removes the quote the CSV export puts
before text a spreadsheet would run as a formula, so export → import gives back the same names.
"""

from __future__ import annotations

import math
from datetime import date, datetime
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
        when = None
        if "time" in header and row["time"].strip():
            try:
                when = _time(row["time"], day, zone)
            except (ValueError, OverflowError):
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
        title = " ".join(row.get("label", "").split())
        measure = MeasureRef(label=name, kind="", title=title if title != name else "")
        key = f"{day.isoformat()}|{stamp}|{name.casefold()}"
        result.add(
            Record(line, OBSERVATION, SOURCE, key, day, when, measure, value, repeats=NUMBERED)
        )
    return result
