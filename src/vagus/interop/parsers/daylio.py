"""Daylio's CSV export: moods by name, activities, notes.

Layouts (mapped by header name, never by position):
``full_date,date,weekday,time,mood,activities,note_title,note`` (current),
the same without ``note_title`` (older), and ``year,date,weekday,time,mood,activities,note``
(oldest). Rows are newest first; ``time`` is ``10:00 pm`` or ``14:58``, mixed within one file.

Daylio writes ``date`` and ``weekday`` in the phone's language: the oldest layout's
``28 September``, ``June 22``, ``7 września`` are read with the month names of every language
(``calendar_names``), the weekday confirming which language and, when the file gives no
year, which year. A file without its header row is recognised by the shape of its first row,
or refused with "the header row is missing".

Mood levels (5 = rad … 1 = awful) become Vagus's 0–10 mood as ``2 × level − 1``: 1, 3, 5, 7,
9, the middle of each fifth of the scale. Equal steps keep the spacing between Daylio's
levels (insights estimate per point, so uneven steps would bend them), and "meh" stays at
the scale's middle. Several entries on a day are kept with their times; the diary shows the
day's mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from vagus.interop.parsers import calendar_names, csvfile
from vagus.interop.records import (
    NOTE,
    NUMBERED,
    OBSERVATION,
    MeasureRef,
    ParseResult,
    ProgressFn,
    Record,
)

SOURCE = "import:daylio"
DEFAULT_LEVELS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
# Daylio's five default moods as other languages write them. Only names whose level is
# certain are listed (Polish "dobrze" good, "źle" bad; Spanish "mal" bad); any other name is
# asked for on the mapping step, with how many entries use it, rather than guessed.
LOCALISED_LEVELS = {"dobrze": 4, "źle": 2, "mal": 2}
MOOD = MeasureRef(code="mood")
LABEL_MAX = 80


def mood_value(level: int) -> float:
    """Daylio level 1–5 → Vagus mood 0–10 (see the module docstring)."""
    return float(2 * level - 1)


def parse_mood_map(text: str) -> dict[str, int]:
    """``"Anxious=2,Calm=4"`` → ``{"anxious": 2, "calm": 4}``; ValueError naming the bad part."""
    mapping: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, level = part.rpartition("=")
        if not sep or not name.strip():
            raise ValueError(f"mood map: “{part}” should look like Name=3")
        if level.strip() not in {"1", "2", "3", "4", "5"}:
            raise ValueError(f"mood map: “{part}”: the level must be 1 (awful) to 5 (rad)")
        mapping[name.strip().casefold()] = int(level)
    return mapping


def _time(text: str) -> time | None:
    cleaned = " ".join(text.replace("\u202f", " ").split()).upper()
    for pattern in ("%I:%M %p", "%H:%M", "%I:%M%p"):
        try:
            return datetime.strptime(cleaned, pattern).time()
        except ValueError:
            continue
    return None


CURRENT = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
OLDER = [c for c in CURRENT if c != "note_title"]
OLDEST = ["year", "date", "weekday", "time", "mood", "activities", "note"]
KNOWN_COLUMNS = {*CURRENT, *OLDEST}


def _is_iso_day(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def header_for(first: list[str]) -> list[str] | None:
    """The header of a file whose first line is already an entry (its header row was lost)."""
    cells = [c.strip() for c in first]
    if len(cells) in (7, 8) and _is_iso_day(cells[0]) and _time(cells[3]) is not None:
        return CURRENT if len(cells) == 8 else OLDER
    if (
        len(cells) == 7
        and (cells[0].isdigit() and len(cells[0]) == 4)
        and _time(cells[3]) is not None
        and calendar_names.has_month(cells[1])
    ):
        return OLDEST
    # One cell: split by something other than commas, said by ``csvfile`` itself.
    if len(cells) > 1 and not KNOWN_COLUMNS & {c.lower() for c in cells}:
        raise csvfile.FileError(
            "line 1: the header row is missing (it should start with full_date or year). "
            "Export the file again from Daylio without changing it."
        )
    return None


def _day(row: Mapping[str, str], latest: date) -> tuple[date | None, str]:
    """The entry's day, or None and why not. ``latest``: no day after it when the year is
    missing (rows run newest first, so it is the previous row's day)."""
    if "full_date" in row:
        try:
            return date.fromisoformat(row["full_date"].strip()), ""
        except ValueError:
            return None, f"“{row['full_date']}” is not a date"
    text, year_text = row["date"].strip(), row.get("year", "").strip()
    year = int(year_text) if year_text.isdigit() else None
    if year is not None:
        for pattern in ("%d %B %Y", "%B %d %Y"):  # English needs no language data
            try:
                return datetime.strptime(f"{text} {year}", pattern).date(), ""
            except ValueError:
                continue
    try:
        return calendar_names.read_day(text, row.get("weekday", ""), year, latest), ""
    except calendar_names.DateProblem as exc:
        return None, str(exc)


def parse(
    stream: BinaryIO,
    *,
    zone: ZoneInfo,
    mood_map: Mapping[str, int] | None = None,
    progress: ProgressFn | None = None,
    sink: Any = None,
    **_: Any,
) -> ParseResult:
    """One pass over the file, newest entry first as Daylio writes it; records go to ``sink``
    as they are read (repeats are numbered oldest first by the result, see ``records``)."""
    result = ParseResult(SOURCE, newest_first=True, sink=sink)
    header, reader = csvfile.rows(
        stream, ["time", "mood", "activities"], progress=progress, headerless=header_for
    )
    if "full_date" not in header and not {"year", "date"} <= set(header):
        raise csvfile.FileError("line 1: the columns full_date (or year and date) are missing.")
    levels = {
        **DEFAULT_LEVELS,
        **LOCALISED_LEVELS,
        **{k.casefold(): v for k, v in (mood_map or {}).items()},
    }
    unmapped: dict[str, int] = {}  # folded name → entries using it
    spelling: dict[str, str] = {}  # folded name → as the file first writes it
    # Per activity, the days it was ticked, with the oldest entry's line and time: bounded by
    # days × activities, not by the size of the file.
    ticked: dict[str, dict[date, tuple[int, datetime]]] = defaultdict(dict)
    labels: dict[str, str] = {}
    oldest_use: dict[str, tuple[int, int]] = {}  # activity → (-line, place in its row)
    entry_days: set[date] = set()
    latest = datetime.now(zone).date()
    for line, row, problem in reader:
        result.rows += 1
        if problem:
            result.error(line, "row", problem)
            continue
        day, why = _day(row, latest)
        if day is None:
            result.error(line, "full_date" if "full_date" in row else "date", why)
            continue
        latest = day
        moment = _time(row["time"])
        if moment is None:
            result.error(line, "time", f"“{row['time']}” is not a time like 9:40 pm or 21:40")
            continue
        name = row["mood"].strip()
        if not name:
            result.error(line, "mood", "the mood is empty")
            continue
        level = levels.get(name.casefold())
        if level is None:
            folded_name = spelling.setdefault(name.casefold(), name).casefold()
            unmapped[folded_name] = unmapped.get(folded_name, 0) + 1
            continue
        when = datetime.combine(day, moment, tzinfo=zone)
        base = f"{day.isoformat()} {moment:%H:%M}"
        entry_days.add(day)
        result.add(
            Record(
                line,
                OBSERVATION,
                SOURCE,
                base,
                day,
                when,
                MOOD,
                mood_value(level),
                repeats=NUMBERED,
                key_tail="|mood",
            )
        )
        activities = filter(None, (a.strip() for a in row["activities"].split(" | ")))
        for place, activity in enumerate(activities):
            folded = activity.casefold()
            labels[folded] = activity[:LABEL_MAX]  # rows run newest first: the oldest wins
            ticked[folded][day] = (line, when)
            oldest_use[folded] = (-line, place)
        title = row.get("note_title", "").strip()
        note = row.get("note", "").strip()
        if title or note:
            result.add(
                Record(
                    line,
                    NOTE,
                    SOURCE,
                    base,
                    day,
                    when,
                    label=title,
                    text=note,
                    repeats=NUMBERED,
                    key_tail="|note",
                )
            )
    result.unmapped = [spelling[n] for n in unmapped]
    result.unmapped_counts = {spelling[n]: count for n, count in unmapped.items()}
    if result.errors or result.unmapped:
        result.discard()  # nothing is imported
        return result

    # In the order they were first used, so measures are created oldest first.
    for folded, days in sorted(ticked.items(), key=lambda item: oldest_use[item[0]]):
        measure = MeasureRef(label=labels[folded], kind="yesno")
        first, last = min(days), max(days)
        # Daylio records only what was ticked. Between the first and last day an activity was
        # used, a day with entries but without it counts as "no"; outside that span, unknown.
        for day in sorted(d for d in entry_days if first <= d <= last):
            line, ticked_at = days.get(day, (0, None))
            result.add(
                Record(
                    line,
                    OBSERVATION,
                    SOURCE,
                    f"{day.isoformat()}|activity|{folded}",
                    day,
                    ticked_at,
                    measure,
                    1.0 if day in days else 0.0,
                )
            )
    return result
