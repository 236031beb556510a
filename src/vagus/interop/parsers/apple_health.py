"""Apple Health's ``export.zip`` / ``export.xml``: sleep, steps, mindful minutes, HRV, resting
heart rate, breathing rate during sleep and State of Mind.

A phone names the XML inside the zip in its own language (``exportar.xml``, ``eksport.xml``), so
the export is found by its content: the first XML file whose root element is ``HealthData``,
never one under ``__MACOSX/`` and never ``export_cda.xml`` (clinical documents).

Exports reach several GB, so the file is read as a stream with constant memory: expat calls
back on each element's start tag and no tree is ever built (faster and smaller than
``iterparse`` plus ``clear()``, which still allocates an Element per record). Expat is locked
down exactly as ``defusedxml`` does it: any entity declaration or external reference stops the
parse, so a "billion laughs" file is refused before anything expands. Only the attributes of
the few record types Vagus keeps are decoded; per record we keep five numbers in flat arrays.

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
  anxious"): yes on days it was logged, no on other days with a State of Mind entry. Valence and
  labels are read from the record's attributes or its ``MetadataEntry`` children.

Values are kept exactly as the file gives them (sums and means of them); only pages round.
"""

from __future__ import annotations

import bisect
import zipfile
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, BinaryIO
from xml.parsers import expat
from zoneinfo import ZoneInfo

from vagus.interop.parsers.apple_health_file import (
    CHUNK,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_RATIO,
    Forbidden,
    locked_down_parser,
    open_xml,
)
from vagus.interop.records import (
    OBSERVATION,
    FileError,
    MeasureRef,
    ParseResult,
    ProgressFn,
    Record,
)

SOURCE = "import:apple-health"
MAX_REPORTED_ERRORS = 100
# Records are kept in POSIX seconds; anything before this (1899-12-30 UTC, a day before the
# diary's 1900 limit in any zone) or past year 9998 is refused with its line, so time-zone
# arithmetic never overflows. The exact 1900 limit and "not in the future" are checked on the
# person's calendar day by the importer.
EARLIEST_MOMENT = datetime(1899, 12, 30, tzinfo=UTC).timestamp()
LATEST_MOMENT = datetime(9998, 12, 31, tzinfo=UTC).timestamp()

SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
STEPS = "HKQuantityTypeIdentifierStepCount"
MINDFUL = "HKCategoryTypeIdentifierMindfulSession"
HRV = "HKQuantityTypeIdentifierHeartRateVariabilitySDNN"
RESTING_HR = "HKQuantityTypeIdentifierRestingHeartRate"
RESPIRATORY = "HKQuantityTypeIdentifierRespiratoryRate"
STATE_OF_MIND = "HKDataTypeStateOfMind"
# Older betas and some third-party writers use the class name as the type.
STATE_OF_MIND_TYPES = {STATE_OF_MIND, "HKStateOfMind"}
QUANTITIES = {STEPS, HRV, RESTING_HR, RESPIRATORY}
WANTED = {SLEEP, STEPS, MINDFUL, HRV, RESTING_HR, RESPIRATORY} | STATE_OF_MIND_TYPES
IMPORTED = (
    "sleep, steps, mindful minutes, heart-rate variability (SDNN), resting heart rate, "
    "breathing rate during sleep and State of Mind"
)
TYPE_PREFIXES = ("HKQuantityTypeIdentifier", "HKCategoryTypeIdentifier", "HKDataType")
LABEL_PREFIX = "HKStateOfMindLabel"
ASLEEP = {
    "HKCategoryValueSleepAnalysisAsleep",
    "HKCategoryValueSleepAnalysisAsleepUnspecified",
    "HKCategoryValueSleepAnalysisAsleepCore",
    "HKCategoryValueSleepAnalysisAsleepDeep",
    "HKCategoryValueSleepAnalysisAsleepREM",
}

SLEEP_MEASURE = MeasureRef(code="sleep_hours")
MINDFUL_MEASURE = MeasureRef(code="mindfulness_minutes")
# Built-in device measures (diary.catalog.DEVICE_MEASURES): steps per day, SDNN in ms.
STEPS_MEASURE = MeasureRef(code="steps")
HRV_MEASURE = MeasureRef(code="hrv_sdnn")
RESTING_HR_MEASURE = MeasureRef(code="resting_heart_rate")
RESPIRATORY_MEASURE = MeasureRef(code="respiratory_rate_sleep")
VALENCE_MEASURE = MeasureRef(code="state_of_mind_valence")
NEXT_NIGHT_FROM_HOUR = 18


class _Columns:
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


_OFFSETS: dict[str, timezone] = {}


def _moment(text: str) -> float:
    """``2025-03-02 07:01:10 +0100`` → POSIX seconds (fast path; ValueError if malformed)."""
    if len(text) != 25 or text[4] != "-" or text[19] != " ":
        raise ValueError(text)
    offset = _OFFSETS.get(text[20:])
    if offset is None:
        sign = -1 if text[20] == "-" else 1
        minutes = int(text[21:23]) * 60 + int(text[23:25])
        offset = _OFFSETS.setdefault(text[20:], timezone(sign * timedelta(minutes=minutes)))
    moment = datetime(
        int(text[0:4]),
        int(text[5:7]),
        int(text[8:10]),
        int(text[11:13]),
        int(text[14:16]),
        int(text[17:19]),
        tzinfo=offset,
    )
    return moment.timestamp()


def default_priority(name: str, device: str = "") -> int:
    lowered = f"{name} {device}".lower()
    if "watch" in lowered:
        return 0
    if "phone" in lowered:
        return 1
    return 2


def _readable(kind: str) -> str:
    for prefix in TYPE_PREFIXES:
        if kind.startswith(prefix):
            return kind[len(prefix) :]
    return kind


def _nothing_to_import(found: set[str]) -> FileError:
    if not found - {""}:
        return FileError(f"the file holds no health records. Vagus imports {IMPORTED}.")
    names = sorted(_readable(kind) for kind in found if kind)
    shown = ", ".join(names[:20]) + (f" and {len(names) - 20} more" if len(names) > 20 else "")
    return FileError(
        f"none of the record types in this file is one Vagus imports yet. Found: {shown}. "
        f"Vagus imports {IMPORTED}."
    )


def _label_name(raw: str) -> str:
    name = raw.strip().removeprefix(LABEL_PREFIX).strip()
    return name[:1].upper() + name[1:].lower() if name else ""


def parse(
    stream: BinaryIO,
    *,
    zone: ZoneInfo,
    progress: ProgressFn | None = None,
    source_priority: Sequence[str] | None = None,
    sink: Any = None,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
    max_ratio: float = MAX_ZIP_RATIO,
    **_: Any,
) -> ParseResult:
    result = ParseResult(SOURCE, sink=sink)
    xml, size = open_xml(stream, max_unzipped, max_ratio)
    columns = {kind: _Columns() for kind in WANTED - STATE_OF_MIND_TYPES}
    # State of Mind entries are few (typed by hand): kept as small dicts, filled from their
    # attributes and from the MetadataEntry children that follow their start tag.
    minds: list[dict[str, Any]] = []
    mind_open = False
    found: set[str] = set()
    sources: dict[str, int] = {}
    devices: dict[int, str] = {}
    error_count = 0
    parser = locked_down_parser()
    seen_root = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal seen_root, error_count, mind_open
        if not seen_root:
            seen_root = True
            if name != "HealthData":
                raise FileError(f"line 1: this is not an Apple Health export (<{name}>).")
        if name != "Record":
            if mind_open:
                if name == "MetadataEntry":
                    minds[-1][attrs.get("key", "").removeprefix("HKStateOfMind").lower()] = (
                        attrs.get("value", "")
                    )
                else:
                    mind_open = False
            return
        mind_open = False
        kind = attrs.get("type")
        if kind not in WANTED:
            found.add(kind or "")
            return
        result.rows += 1
        if kind == SLEEP and attrs.get("value") not in ASLEEP:
            return
        line = parser.CurrentLineNumber
        if kind in STATE_OF_MIND_TYPES:
            minds.append({**attrs, "line": line})
            mind_open = True
            return
        try:
            begin = _moment(attrs["startDate"])
            end = _moment(attrs["endDate"])
            value = float(attrs["value"]) if kind in QUANTITIES else 0.0
            if end < begin:
                raise ValueError("ends before it starts")
        except (KeyError, ValueError, OverflowError) as exc:
            error_count += 1
            if error_count <= MAX_REPORTED_ERRORS:
                field = exc.args[0] if isinstance(exc, KeyError) else "startDate/endDate/value"
                result.error(line, str(field), f"{kind} record cannot be read ({exc})")
            return
        if begin < EARLIEST_MOMENT or end > LATEST_MOMENT:
            error_count += 1
            if error_count <= MAX_REPORTED_ERRORS:
                when = attrs["startDate"] if begin < EARLIEST_MOMENT else attrs["endDate"]
                result.error(
                    line,
                    "startDate" if begin < EARLIEST_MOMENT else "endDate",
                    f"{kind} record dated {when}: Vagus keeps days from 1900 to today",
                )
            return
        source_name = attrs.get("sourceName", "")
        source = sources.get(source_name)
        if source is None:
            source = sources[source_name] = len(sources)
            devices[source] = attrs.get("device", "")
        columns[kind].add(begin, end, value, source, line)

    parser.StartElementHandler = start
    read = 0
    at_end = False
    try:
        while chunk := xml.read(CHUNK):
            read += len(chunk)
            parser.Parse(chunk, False)
            if progress and size:
                progress(min(read / size, 1.0) * 0.95)
        at_end = True
        parser.Parse(b"", True)
    except Forbidden:
        raise FileError(
            f"line {parser.CurrentLineNumber}: the file declares XML entities. Apple Health "
            "exports never do, so it is refused for safety."
        ) from None
    except expat.ExpatError as exc:
        if at_end or exc.code == expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]:
            raise FileError(
                f"line {exc.lineno}: the XML ends too early; the export looks incomplete. "
                "Export it again from the Health app."
            ) from None
        raise FileError(f"line {exc.lineno}: the XML cannot be read ({exc}).") from None
    except (zipfile.BadZipFile, EOFError) as exc:
        raise FileError(f"the zip file is damaged ({exc}).") from None
    if not seen_root:
        raise FileError("the file is empty.")
    if not result.rows:
        raise _nothing_to_import(found)
    mind_columns, mind_labels = _read_minds(minds, sources, devices, result)
    error_count += mind_columns.errors
    if error_count > MAX_REPORTED_ERRORS:
        result.error(0, "records", f"{error_count - MAX_REPORTED_ERRORS} more records unreadable")

    names = {index: name for name, index in sources.items()}
    order = list(source_priority or [])

    def priority(index: int) -> tuple[int, str]:
        name = names[index]
        for rank, wanted in enumerate(order):
            if wanted.lower() in name.lower():
                return (rank, name)
        return (len(order) + default_priority(name, devices[index]), name)

    result.extend(_sleep(columns[SLEEP], zone, priority))
    result.extend(_summed(columns[STEPS], zone, priority, "steps", STEPS_MEASURE, 1))
    result.extend(_summed(columns[MINDFUL], zone, priority, "mindful", MINDFUL_MEASURE, None))
    records, note = _hrv(columns[HRV], zone, priority, names)
    result.extend(records)
    if note:
        result.notes.append(note)
    resting = columns[RESTING_HR]
    result.extend(
        _daily_mean(
            resting,
            _by_day(resting, lambda i: _local(resting.start[i], zone).date()),
            priority,
            "resting-hr",
            RESTING_HR_MEASURE,
        )
    )
    breathing, awake = _while_asleep(columns[RESPIRATORY], columns[SLEEP], zone)
    result.extend(
        _daily_mean(columns[RESPIRATORY], breathing, priority, "breathing", RESPIRATORY_MEASURE)
    )
    if awake:
        result.notes.append(
            f"{awake} breathing-rate reading{'s' if awake != 1 else ''} taken while awake "
            "left out: Vagus keeps breathing rate during sleep only."
        )
    mind_days = _by_day(mind_columns, lambda i: _local(mind_columns.start[i], zone).date())
    result.extend(_daily_mean(mind_columns, mind_days, priority, "mind", VALENCE_MEASURE))
    result.extend(_labels(mind_columns, mind_labels, mind_days))
    if progress:
        progress(1.0)
    return result


def _local(ts: float, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(ts, zone)


def _by_day(columns: _Columns, day_of: Any) -> dict[date, list[int]]:
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


def _sleep(columns: _Columns, zone: ZoneInfo, priority: Any) -> Iterator[Record]:
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


def _deduplicated(columns: _Columns, indices: list[int], priority: Any) -> list[int]:
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
    columns: _Columns,
    zone: ZoneInfo,
    priority: Any,
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
    columns: _Columns, zone: ZoneInfo, priority: Any, names: dict[int, str]
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


class _Minds(_Columns):
    """State of Mind entries: valence in ``value``; ``errors`` counts unreadable ones."""

    def __init__(self) -> None:
        super().__init__()
        self.errors = 0


def _read_minds(
    minds: list[dict[str, Any]],
    sources: dict[str, int],
    devices: dict[int, str],
    result: ParseResult,
) -> tuple[_Minds, list[tuple[str, ...]]]:
    columns, labels = _Minds(), []
    for attrs in minds:
        line = attrs["line"]
        try:
            begin = _moment(attrs["startDate"])
            valence = float(attrs["valence"])
            if not -1 <= valence <= 1:
                raise ValueError(f"valence {valence:g} is not between -1 and 1")
        except (KeyError, ValueError, OverflowError) as exc:
            columns.errors += 1
            if columns.errors <= MAX_REPORTED_ERRORS:
                field = exc.args[0] if isinstance(exc, KeyError) else "startDate/valence"
                result.error(line, str(field), f"State of Mind entry cannot be read ({exc})")
            continue
        if not EARLIEST_MOMENT <= begin <= LATEST_MOMENT:
            columns.errors += 1
            result.error(line, "startDate", "State of Mind entry: Vagus keeps days from 1900")
            continue
        source_name = attrs.get("sourceName", "")
        source = sources.get(source_name)
        if source is None:
            source = sources[source_name] = len(sources)
            devices[source] = attrs.get("device", "")
        columns.add(begin, begin, valence, source, line)
        raw = attrs.get("labels", "").replace("|", ",").replace(";", ",")
        labels.append(tuple(sorted({n for n in map(_label_name, raw.split(",")) if n})))
    return columns, labels


def _daily_mean(
    columns: _Columns,
    days: dict[date, list[int]],
    priority: Any,
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
    readings: _Columns, sleep: _Columns, zone: ZoneInfo
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
    columns: _Columns, labels: list[tuple[str, ...]], days: dict[date, list[int]]
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
