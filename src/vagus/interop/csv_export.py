"""Spreadsheet exports: one tidy file (a row per value) and one wide file (a row per day).

Text cells go through ``formulas.guard`` so a name like ``=HYPERLINK(…)`` is never run by a
spreadsheet; the CSV import undoes it, so the round trip stays exact. Values are numbers and
are written as they are. Lines end in CRLF (RFC 4180), so a cell holding a carriage return is
quoted and reads back whole.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from vagus.diary.models import Measure, Observation
from vagus.interop.formulas import guard

if TYPE_CHECKING:
    from vagus.accounts.models import User

# ``time`` is local time with its offset (``2023-09-12T00:17:00+02:00``), so it reads the same
# day as ``date``; ``kind`` and ``direction`` let the CSV import recreate the measure whole.
TIDY_COLUMNS = [
    "date",
    "time",
    "measure",
    "label",
    "value",
    "unit",
    "source",
    "kind",
    "direction",
]


def _observations(user: User) -> list[Observation]:
    return list(
        Observation.objects.owned_by(user)
        .select_related("measure")
        .order_by("day", "time", "measure__position", "id")
    )


def tidy_csv(user: User) -> str:
    """One row per value (:data:`TIDY_COLUMNS`), oldest first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TIDY_COLUMNS)
    zone = user.zone()
    for o in _observations(user):
        writer.writerow(
            [
                o.day.isoformat(),
                o.time.astimezone(zone).isoformat() if o.time else "",
                guard(o.measure.code),
                guard(o.measure.label),
                exact(o.value),
                guard(o.measure.kind_spec.unit),
                guard(o.source),
                o.measure.kind,
                o.measure.direction,
            ]
        )
    return out.getvalue()


def exact(value: float) -> str:
    """The shortest text that reads back as the same float: "3500", "6.833333333333333"."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def wide_csv(user: User) -> str:
    """One row per day, one column per measure (its code); several values a day are averaged,
    as the diary shows them."""
    values: dict[date, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for day, measure_id, value in (
        Observation.objects.owned_by(user).values_list("day", "measure_id", "value").order_by()
    ):
        values[day][measure_id].append(value)
    used = {m for by_measure in values.values() for m in by_measure}
    measures = [m for m in Measure.objects.available_to(user) if m.pk in used]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["date", *[guard(m.code) for m in measures]])
    for day in sorted(values):
        row = [day.isoformat()]
        for m in measures:
            found = values[day].get(m.pk)
            row.append(exact(sum(found) / len(found)) if found else "")
        writer.writerow(row)
    return out.getvalue()


def csv_zip(user: User) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("vagus-values.csv", tidy_csv(user))
        archive.writestr("vagus-days.csv", wide_csv(user))
    return buffer.getvalue()
