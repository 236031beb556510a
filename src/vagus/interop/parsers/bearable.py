"""Bearable's CSV export: one row per logged item, in long format.

Header ``date,date formatted,weekday,time of day,category,rating/amount,detail,notes`` (files
before 2022 lack ``date formatted``). ``date`` reads like ``5th Jan 2022``; ``time of day`` is a
clock time (``9:52``) or a part of the day (``am``, ``pm``, ``all day``, …).

What becomes what (docs/interop.md has the full table):

- Mood: the rating is taken as Vagus's 0–10 mood (Bearable does not document its scale; the
  values seen in real files lie within it); the emotion tags are kept as a note.
- Symptom ``Name (Severity)``, rating 1–4 (mild … unbearable): severity × 2.5 rounded half
  up (3, 5, 8, 10) on a 0–10 measure; a few names map to built-in measures (bloating, gut
  pain, anxiety, stress, urgency), the others become measures of the person's own.
- Sleep ``H:MM``: hours asleep; the "Asleep … In bed …" detail is kept as raw text.
- Factors, Food Diary factors, Active, Lifestyle, Personal care, Work, Social: each tag is a
  yes/no measure, "yes" on that day, and "no" on each day between the tag's first and last use
  that has an entry of the tag's category without it (Bearable writes only what was ticked).
- A row that carries no value (a sleep row with no duration, a mood with no rating, a tag
  row with no tags) is skipped and reported; a row with a wrong value stops the import.
- Meds/Supplements ``Name (unit)``: a yes/no "taken" measure per name; the dose is kept as text.
- Everything else (Gratitudes, Energy, Sleep quality, Bowel Movements, Health measurements,
  unknown categories): kept raw with its rating and detail, never dropped silently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from vagus.interop.parsers import csvfile
from vagus.interop.records import (
    NOTE,
    NUMBERED,
    OBSERVATION,
    ONCE,
    RAW,
    MeasureRef,
    ParseResult,
    ProgressFn,
    Record,
)

SOURCE = "import:bearable"
LABEL_MAX = 80
SEVERITIES = {"mild": 1, "moderate": 2, "severe": 3, "unbearable": 4}
BUILTIN_SYMPTOMS = {
    "bloating": "bloating",
    "stomach pain": "gut_pain",
    "abdominal pain": "gut_pain",
    "gut pain": "gut_pain",
    "stomach ache": "gut_pain",
    "anxiety": "anxiety",
    "stress": "stress",
    "urgency": "urgency",
}
TAG_CATEGORIES = {
    "factors",
    "food diary factors",
    "active",
    "lifestyle",
    "personal care",
    "work",
    "social",
}
# Categories whose rows mean nothing without a value: what such a row lacks, for the report.
NEEDS_VALUE = {
    "mood": "rating",
    "sleep": "duration",
    "symptom": "symptom",
    "meds/supplements": "name",
    **{category: "tags" for category in TAG_CATEGORIES},
}
_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)
_LAST_GROUP = re.compile(r"^(.*\S)\s*\(([^()]*)\)\s*$")
_HOURS = re.compile(r"^(\d{1,2}):([0-5]\d)$")


def severity_value(severity: int) -> float:
    """Bearable severity 1–4 → 0–10: × 2.5, halves rounded up (3, 5, 8, 10)."""
    return float(int(severity * 2.5 + 0.5))


def _day(row: dict[str, str]) -> date | None:
    formatted = row.get("date formatted", "").strip()
    if formatted:
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                return datetime.strptime(formatted, pattern).date()
            except ValueError:
                continue
    text = _ORDINAL.sub(r"\1", row.get("date", "").strip())
    for pattern in ("%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _clock(text: str) -> time | None:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        return None


def split_last_group(detail: str) -> tuple[str, str]:
    """``Back (lower) pain (Mild)`` → (``Back (lower) pain``, ``Mild``): only the last group."""
    match = _LAST_GROUP.match(detail.strip())
    if not match:
        return detail.strip(), ""
    return match.group(1).strip(), match.group(2).strip()


def parse(
    stream: BinaryIO,
    *,
    zone: ZoneInfo,
    progress: ProgressFn | None = None,
    sink: Any = None,
    **_: Any,
) -> ParseResult:
    # Bearable lists newest first; repeats are numbered oldest first (see ParseResult) so keys
    # stay put in later exports. One pass, rows never held.
    result = ParseResult(SOURCE, newest_first=True, sink=sink)
    _header, reader = csvfile.rows(
        stream,
        ["date", "time of day", "category", "rating/amount", "detail", "notes"],
        progress=progress,
    )
    raw_categories: dict[str, int] = {}
    # For the "no" days of tags: bounded by days × tags, not by the size of the file.
    category_days: dict[str, set[date]] = defaultdict(set)  # tag category → days it has entries
    tag_days: dict[str, set[date]] = defaultdict(set)  # folded tag → days it was ticked
    tag_categories: dict[str, set[str]] = defaultdict(set)
    tag_labels: dict[str, str] = {}
    tag_oldest: dict[str, int] = {}  # folded tag → -line of its oldest use (rows newest first)
    for line, row, problem in reader:
        result.rows += 1
        if problem:
            result.error(line, "row", problem)
            continue
        day = _day(row)
        if day is None:
            result.error(line, "date", f"“{row['date']}” is not a date like 5th Jan 2022")
            continue
        part = row["time of day"].strip()
        clock = _clock(part)
        when = datetime.combine(day, clock, tzinfo=zone) if clock else None
        category = row["category"].strip()
        rating = row["rating/amount"].strip()
        detail = row["detail"].strip()
        base = f"{day.isoformat()}|{part.lower()}|{category.lower()}|{detail.lower()}"
        folded = category.casefold()

        def add(kind: str, tail: str, **fields: Any) -> None:
            record = Record(line, kind, SOURCE, base, day, when, **fields)  # noqa: B023
            result.add(replace(record, repeats=NUMBERED, key_tail=tail))

        if not rating and not detail and folded in NEEDS_VALUE:
            result.skip(folded, NEEDS_VALUE[folded])
            continue
        if folded == "mood":
            if not rating:
                result.skip("mood", "rating")
                continue
            value = _number(result, line, rating, 0, 10)
            if value is None:
                continue
            add(OBSERVATION, "|mood", measure=MeasureRef(code="mood"), value=value)
            if detail:
                add(NOTE, "|tags", label="Mood tags", text=detail)
        elif folded == "symptom":
            name, severity = split_last_group(detail)
            level = SEVERITIES.get(severity.casefold())
            if level is None and rating:
                level = int(rating) if rating.isdigit() and 0 <= int(rating) <= 4 else None
            if not name or level is None:
                result.error(line, "detail", f"“{detail}” is not a symptom like Bloating (Mild)")
                continue
            code = BUILTIN_SYMPTOMS.get(name.casefold(), "")
            measure = MeasureRef(code=code, label=name[:LABEL_MAX], kind="scale", direction="worse")
            add(OBSERVATION, "|symptom", measure=measure, value=severity_value(level))
        elif folded == "sleep":
            if not rating:
                result.skip("sleep", "duration")
                continue
            match = _HOURS.match(rating)
            if not match:
                result.error(line, "rating/amount", f"“{rating}” is not a duration like 7:30")
                continue
            hours = int(match.group(1)) + int(match.group(2)) / 60  # exact; pages round
            if hours > 24:
                result.error(line, "rating/amount", f"{rating} is more than a day")
                continue
            add(OBSERVATION, "|sleep", measure=MeasureRef(code="sleep_hours"), value=hours)
            if detail:
                add(RAW, "|sleep-times", label="Sleep", text=detail)
        elif folded in TAG_CATEGORIES:
            category_days[folded].add(day)
            for tag in filter(None, (t.strip() for t in detail.split(" | "))):
                tag_folded = tag.casefold()
                tag_labels[tag_folded] = tag[:LABEL_MAX]  # newest first: the oldest spelling wins
                tag_days[tag_folded].add(day)
                tag_categories[tag_folded].add(folded)
                tag_oldest[tag_folded] = -line
                measure = MeasureRef(label=tag[:LABEL_MAX], kind="yesno")
                # The same tag twice in a day is still one "yes" (the oldest is kept).
                record = Record(line, OBSERVATION, SOURCE, _tag_key(day, tag_folded), day, when)
                result.add(replace(record, measure=measure, value=1.0, repeats=ONCE))
        elif folded == "meds/supplements":
            name, unit = split_last_group(detail)
            if not name:
                result.error(line, "detail", "the medicine or supplement has no name")
                continue
            label = f"{name[: LABEL_MAX - 7]} taken"
            code = "probiotic" if "probiotic" in name.casefold() else ""
            measure = MeasureRef(code=code, label=label, kind="yesno")
            add(OBSERVATION, "|taken", measure=measure, value=1.0)
            add(RAW, "|dose", label=category, text=f"{name}: {rating} {unit}".strip())
        else:
            raw_categories[category] = raw_categories.get(category, 0) + 1
            shown = " — ".join(p for p in (rating, detail) if p)
            add(RAW, "|raw", label=category, text=shown)
        if row["notes"].strip():
            add(NOTE, "|notes", label=category, text=row["notes"].strip())
    for category, count in sorted(raw_categories.items()):
        result.notes.append(f"{count} “{category}” rows kept as text (Vagus has no measure yet).")
    result.report_skipped()
    if result.errors:
        return result
    # In the order they were first used, so measures are created oldest first.
    for tag_folded in sorted(tag_days, key=tag_oldest.__getitem__):
        used = tag_days[tag_folded]
        first, last = min(used), max(used)
        logged = set().union(*(category_days[c] for c in tag_categories[tag_folded]))
        measure = MeasureRef(label=tag_labels[tag_folded], kind="yesno")
        for no_day in sorted(d for d in logged - used if first <= d <= last):
            result.add(
                Record(
                    0, OBSERVATION, SOURCE, _tag_key(no_day, tag_folded), no_day, None, measure, 0.0
                )
            )
    return result


def _tag_key(day: date, tag_folded: str) -> str:
    # "yes" and "no" share the key, so a later export that ticks the tag updates the day.
    return f"{day.isoformat()}|tag|{tag_folded}"


def _number(result: ParseResult, line: int, text: str, low: float, high: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        result.error(line, "rating/amount", f"“{text}” is not a number")
        return None
    if not low <= value <= high or not value.is_integer():
        result.error(
            line, "rating/amount", f"{text} is not a whole number from {low:g} to {high:g}"
        )
        return None
    return value
