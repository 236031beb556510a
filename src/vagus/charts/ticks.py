"""Axis ticks people can read: round numbers that cover the data, dates a few apart."""

from __future__ import annotations

import math
from datetime import date, timedelta

NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_ticks(low: float, high: float, *, most: int = 6) -> list[float]:
    """Evenly spaced round numbers (1, 2, 2.5 or 5 times a power of ten), at most ``most``,
    the first at or below ``low`` and the last at or above ``high``."""
    if most < 2:
        raise ValueError("An axis needs at least two ticks.")
    low, high = min(low, high), max(low, high)
    if high == low:
        low, high = low - 1, high + 1
    magnitude = 10 ** math.floor(math.log10((high - low) / most))
    for factor in (1, 10, 100):
        for nice in NICE_STEPS:
            step = nice * magnitude * factor
            first = math.floor(low / step + 1e-9) * step
            last = math.ceil(high / step - 1e-9) * step
            count = round((last - first) / step) + 1
            if count <= most:
                return [_tidy(first + i * step) for i in range(count)]
    raise AssertionError("unreachable: a step of the whole span always fits")


def _tidy(value: float) -> float:
    return round(value, 9) + 0.0  # 0.30000000000000004 -> 0.3, -0.0 -> 0.0


def tick_text(value: float) -> str:
    return f"{value:g}"


def date_ticks(start: date, end: date, *, most: int = 4) -> list[date]:
    """Days a whole number of days or weeks apart, or first days of months, inside
    [start, end]; at most ``most``."""
    span = (end - start).days
    if span <= 0:
        return [start]
    for step in (1, 2, 3, 7, 14, 21, 28):
        if span // step + 1 <= most:
            return [start + timedelta(days=i * step) for i in range(span // step + 1)]
    for months in (1, 2, 3, 6, 12):
        firsts = [d for d in _month_starts(start, end) if (d.month - 1) % months == 0]
        if 2 <= len(firsts) <= most:
            return firsts
    years = [d for d in _month_starts(start, end) if d.month == 1]
    return years if len(years) >= 2 else [start, end]


def _month_starts(start: date, end: date) -> list[date]:
    day = date(start.year, start.month, 1)
    if day < start:
        day = _next_month(day)
    found = []
    while day <= end:
        found.append(day)
        day = _next_month(day)
    return found


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def date_text(day: date, ticks: list[date]) -> str:
    """ "3 Mar" between days; "Mar" (or "Jan 2027") when the ticks are months apart."""
    months_apart = (
        len(ticks) > 1 and all(d.day == 1 for d in ticks) and ((ticks[1] - ticks[0]).days >= 28)
    )
    if not months_apart:
        return f"{day.day} {day:%b}"
    return f"{day:%b %Y}" if day.month == 1 or day == ticks[0] else f"{day:%b}"
