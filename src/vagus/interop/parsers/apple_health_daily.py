"""Apple Health records → days: one observation per metric and calendar day.

``apple_health`` reads the export into flat per-metric arrays (``Columns``); this module turns
them into the day values Vagus keeps. Days are calendar days in the person's time zone.

Phone, watch and other apps record the same time more than once. Nothing is summed across
sources: for each day, sources are taken in priority order (a watch first, then a phone, then
other apps, unless the person says otherwise) and a lower-priority record is kept only where no
higher-priority source recorded that time. Per metric:

- sleep (``HKCategoryTypeIdentifierSleepAnalysis``): time asleep (Asleep, AsleepUnspecified,
  AsleepCore, AsleepDeep, AsleepREM; never InBed or Awake), overlaps merged, from the single
  best source of that night, on the wake-up day in the person's time zone (a stretch ending
  at or after 18:00 counts towards the next morning);
- steps: the day's total of non-overlapping records;
- mindful sessions: minutes per day, end − start;
- heart-rate variability: the daily mean of SDNN, from one source for the whole file. Other
  apps (Oura, Fitbit) write RMSSD into the same HealthKit type, so mixing sources would mix
  two different measures; the left-out sources are reported;
- resting heart rate: the daily mean of the day's best source;
- breathing rate during sleep: readings taken while asleep (in any source's sleep), the mean of
  the best source, on the wake-up day; readings taken awake are left out and counted;
- State of Mind (iOS 17+, ``HKDataTypeStateOfMind``): the daily mean of ``valence`` (−1 to 1)
  of the best source, and each label ("Anxious", "Calm") as a yes/no measure of its own ("Felt
  anxious"): yes on days it was logged, no on other days with a State of Mind entry.

Values are kept exactly as the file gives them (sums and means of them); only pages round.
"""

from __future__ import annotations

import bisect
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from vagus.interop.records import OBSERVATION, MeasureRef, ParseResult, Record

SOURCE = "import:apple-health"
SLEEP_MEASURE = MeasureRef(code="sleep_hours")
MINDFUL_MEASURE = MeasureRef(code="mindfulness_minutes")
# Built-in device measures (diary.catalog.DEVICE_MEASURES): steps per day, SDNN in ms.
STEPS_MEASURE = MeasureRef(code="steps")
HRV_MEASURE = MeasureRef(code="hrv_sdnn")
RESTING_HR_MEASURE = MeasureRef(code="resting_heart_rate")
RESPIRATORY_MEASURE = MeasureRef(code="respiratory_rate_sleep")
VALENCE_MEASURE = MeasureRef(code="state_of_mind_valence")
NEXT_NIGHT_FROM_HOUR = 18

# A source's index → its rank (lower wins), then its name so ties break the same way every run.
Priority = Callable[[int], tuple[int, str]]


class Columns:
    """One metric's records as flat arrays: 36 bytes a record, whatever the file size."""

    def __init__(self) -> None:
        self.start = array("d")
        self.end = array("d")
        self.value = array("d")
        self.source = array("i")
        self.line = array("i")

    def add(self, start: float, end: float, value: float, source: int, line: int) -> None:
        self.start.append(start)
        self.end.append(end)
        self.value.append(value)
        self.source.append(source)
        self.line.append(line)

    def __len__(self) -> int:
        return len(self.start)


def default_priority(name: str, device: str = "") -> int:
    lowered = f"{name} {device}".lower()
    if "watch" in lowered:
        return 0
    if "phone" in lowered:
        return 1
    return 2


def ranking(
    names: dict[int, str], devices: dict[int, str], preferred: Sequence[str] | None
) -> Priority:
    """Sources the person named first, in their order (a part of the name is enough); then
    watches, phones and other apps."""
    order = list(preferred or [])

    def priority(index: int) -> tuple[int, str]:
        name = names[index]
        for rank, wanted in enumerate(order):
            if wanted.lower() in name.lower():
                return (rank, name)
        return (len(order) + default_priority(name, devices[index]), name)

    return priority


def add_days(
    result: ParseResult,
    *,
    zone: ZoneInfo,
    sources: dict[str, int],
    devices: dict[int, str],
    source_priority: Sequence[str] | None,
    sleep: Columns,
    steps: Columns,
    mindful: Columns,
    hrv: Columns,
    resting: Columns,
    breathing: Columns,
    minds: Columns,
    mind_labels: list[tuple[str, ...]],
) -> None:
    """Every metric's days into ``result``, with a note where records were left out.

    ``sources`` maps a source's name to the index its records carry, ``devices`` that index to
    the device text; ``mind_labels`` holds each State of Mind entry's labels, in ``minds`` order.
    """
    names = {index: name for name, index in sources.items()}
    priority = ranking(names, devices, source_priority)
    result.extend(_sleep(sleep, zone, priority))
    result.extend(_summed(steps, zone, priority, "steps", STEPS_MEASURE, 1))
    result.extend(_summed(mindful, zone, priority, "mindful", MINDFUL_MEASURE, None))
    records, note = _hrv(hrv, zone, priority, names)
    result.extend(records)
    if note:
        result.notes.append(note)
    result.extend(
        _daily_mean(
            resting,
            _by_day(resting, lambda i: _local(resting.start[i], zone).date()),
            priority,
            "resting-hr",
            RESTING_HR_MEASURE,
        )
    )
    asleep, awake = _while_asleep(breathing, sleep, zone)
    result.extend(_daily_mean(breathing, asleep, priority, "breathing", RESPIRATORY_MEASURE))
    if awake:
        result.notes.append(
            f"{awake} breathing-rate reading{'s' if awake != 1 else ''} taken while awake "
            "left out: Vagus keeps breathing rate during sleep only."
        )
    mind_days = _by_day(minds, lambda i: _local(minds.start[i], zone).date())
    result.extend(_daily_mean(minds, mind_days, priority, "mind", VALENCE_MEASURE))
    result.extend(_labels(minds, mind_labels, mind_days))


def _local(ts: float, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(ts, zone)


def _by_day(columns: Columns, day_of: Callable[[int], date]) -> dict[date, list[int]]:
    days: dict[date, list[int]] = defaultdict(list)
    for i in range(len(columns)):
        days[day_of(i)].append(i)
    return days


def _union_seconds(intervals: list[tuple[float, float]]) -> float:
    ordered = sorted(intervals)
    if not ordered:
        return 0.0
    total = 0.0
    current_start, current_end = ordered[0]
    for begin, end in ordered[1:]:
        if begin > current_end:
            total += current_end - current_start
            current_start, current_end = begin, end
        else:
            current_end = max(current_end, end)
    return total + current_end - current_start


def _sleep(columns: Columns, zone: ZoneInfo, priority: Priority) -> Iterator[Record]:
    def wake_day(i: int) -> date:
        end = _local(columns.end[i], zone)
        return end.date() + timedelta(days=1 if end.hour >= NEXT_NIGHT_FROM_HOUR else 0)

    for day, indices in sorted(_by_day(columns, wake_day).items()):
        best = min({columns.source[i] for i in indices}, key=priority)
        chosen = [i for i in indices if columns.source[i] == best]
        seconds = _union_seconds([(columns.start[i], columns.end[i]) for i in chosen])
        hours = min(seconds / 3600, 24)
        woke = _local(max(columns.end[i] for i in chosen), zone)
        line = min(columns.line[i] for i in chosen)
        yield Record(
            line, OBSERVATION, SOURCE, f"sleep|{day.isoformat()}", day, woke, SLEEP_MEASURE, hours
        )


def _deduplicated(columns: Columns, indices: list[int], priority: Priority) -> list[int]:
    """Records kept: each source in priority order, minus time a better source covered."""
    kept: list[int] = []
    covered_starts: list[float] = []  # disjoint, sorted intervals covered by better sources
    covered_ends: list[float] = []
    by_source: dict[int, list[int]] = defaultdict(list)
    for i in indices:
        by_source[columns.source[i]].append(i)
    for source in sorted(by_source, key=priority):
        accepted = []
        seen: set[tuple[float, float, float]] = set()
        for i in sorted(by_source[source], key=lambda j: columns.start[j]):
            begin, end = columns.start[i], columns.end[i]
            signature = (begin, end, columns.value[i])
            if signature in seen:  # the same record written twice by one source
                continue
            seen.add(signature)
            at = bisect.bisect_right(covered_starts, begin)
            overlaps = (at > 0 and covered_ends[at - 1] > begin) or (
                at < len(covered_starts) and covered_starts[at] < end
            )
            if not overlaps:
                accepted.append(i)
        kept += accepted
        merged = sorted(
            [*zip(covered_starts, covered_ends, strict=True)]
            + [(columns.start[i], columns.end[i]) for i in accepted]
        )
        covered_starts, covered_ends = [], []
        for begin, end in merged:
            if covered_ends and begin <= covered_ends[-1]:
                covered_ends[-1] = max(covered_ends[-1], end)
            else:
                covered_starts.append(begin)
                covered_ends.append(end)
    return kept


def _summed(
    columns: Columns,
    zone: ZoneInfo,
    priority: Priority,
    name: str,
    measure: MeasureRef,
    scale: float | None,
) -> Iterator[Record]:
    """Daily totals of non-overlapping records; ``scale`` None means minutes of each record."""

    def start_day(i: int) -> date:
        return _local(columns.start[i], zone).date()

    for day, indices in sorted(_by_day(columns, start_day).items()):
        kept = _deduplicated(columns, indices, priority)
        if scale is None:
            value = min(sum(columns.end[i] - columns.start[i] for i in kept) / 60, 1440)
        else:
            value = sum(columns.value[i] for i in kept) * scale
        line = min(columns.line[i] for i in kept)
        yield Record(
            line, OBSERVATION, SOURCE, f"{name}|{day.isoformat()}", day, None, measure, value
        )


def _hrv(
    columns: Columns, zone: ZoneInfo, priority: Priority, names: dict[int, str]
) -> tuple[list[Record], str]:
    if not len(columns):
        return [], ""
    used = {columns.source[i] for i in range(len(columns))}
    best = min(used, key=priority)
    left_out = sorted(names[s] for s in used if s != best)
    totals: dict[date, list[float]] = defaultdict(list)
    lines: dict[date, int] = {}
    for i in range(len(columns)):
        if columns.source[i] == best:
            day = _local(columns.start[i], zone).date()
            totals[day].append(columns.value[i])
            lines.setdefault(day, columns.line[i])
    records = [
        Record(
            lines[day],
            OBSERVATION,
            SOURCE,
            f"hrv|{day.isoformat()}",
            day,
            None,
            HRV_MEASURE,
            sum(values) / len(values),
        )
        for day, values in sorted(totals.items())
    ]
    note = ""
    if left_out:
        note = (
            f"Heart-rate variability kept from “{names[best]}” only; left out: "
            f"{', '.join(left_out)} (other devices may report RMSSD, not SDNN)."
        )
    return records, note


def _daily_mean(
    columns: Columns,
    days: dict[date, list[int]],
    priority: Priority,
    name: str,
    measure: MeasureRef,
) -> Iterator[Record]:
    """The mean of the day's readings from its best source (sources are never mixed)."""
    for day, indices in sorted(days.items()):
        best = min({columns.source[i] for i in indices}, key=priority)
        chosen = [i for i in indices if columns.source[i] == best]
        value = sum(columns.value[i] for i in chosen) / len(chosen)
        line = min(columns.line[i] for i in chosen)
        yield Record(
            line, OBSERVATION, SOURCE, f"{name}|{day.isoformat()}", day, None, measure, value
        )


def _while_asleep(
    readings: Columns, sleep: Columns, zone: ZoneInfo
) -> tuple[dict[date, list[int]], int]:
    """Readings whose midpoint falls in time asleep (any source), by wake-up day; and how many
    were taken awake."""
    if not len(readings):
        return {}, 0
    starts: list[float] = []
    ends: list[float] = []
    for begin, end in sorted(zip(sleep.start, sleep.end, strict=True)):
        if ends and begin <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(begin)
            ends.append(end)
    days: dict[date, list[int]] = defaultdict(list)
    awake = 0
    for i in range(len(readings)):
        middle = (readings.start[i] + readings.end[i]) / 2
        at = bisect.bisect_right(starts, middle) - 1
        if at < 0 or ends[at] < middle:
            awake += 1
            continue
        woke = _local(ends[at], zone)
        day = woke.date() + timedelta(days=1 if woke.hour >= NEXT_NIGHT_FROM_HOUR else 0)
        days[day].append(i)
    return days, awake


def _labels(
    columns: Columns, labels: list[tuple[str, ...]], days: dict[date, list[int]]
) -> Iterator[Record]:
    """Each label as a yes/no measure: yes on days it was logged, no on other logged days."""
    by_label: dict[str, set[date]] = defaultdict(set)
    first_line: dict[str, int] = {}
    day_of = {i: day for day, indices in days.items() for i in indices}
    for i, names in enumerate(labels):
        for name in names:
            by_label[name].add(day_of[i])
            first_line.setdefault(name, columns.line[i])
    for name in sorted(by_label):
        measure = MeasureRef(label=f"Felt {name.lower()}", kind="yesno", on_checkin=False)
        for day in sorted(days):
            line = min(columns.line[i] for i in days[day])
            yield Record(
                line,
                OBSERVATION,
                SOURCE,
                f"mind-label|{name.lower()}|{day.isoformat()}",
                day,
                None,
                measure,
                1.0 if day in by_label[name] else 0.0,
            )
