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

Sources are ranked and each metric's records become one value a day in ``apple_health_daily``
(which source wins where two recorded the same time, and what each day's value is). State of
Mind valence and labels are read from the record's attributes or its ``MetadataEntry``
children.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, BinaryIO
from xml.parsers import expat
from zoneinfo import ZoneInfo

from vagus.interop.parsers.apple_health_daily import (
    HRV_MEASURE,
    SOURCE,
    STEPS_MEASURE,
    Columns,
    add_days,
)
from vagus.interop.parsers.apple_health_file import (
    CHUNK,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_RATIO,
    Forbidden,
    locked_down_parser,
    open_xml,
)
from vagus.interop.records import FileError, ParseResult, ProgressFn

# The device measures are named here too: callers know an import's measures by its parser.
__all__ = ["HRV_MEASURE", "SOURCE", "STEPS_MEASURE", "parse"]

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
    columns = {kind: Columns() for kind in WANTED - STATE_OF_MIND_TYPES}
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
    add_days(
        result,
        zone=zone,
        sources=sources,
        devices=devices,
        source_priority=source_priority,
        sleep=columns[SLEEP],
        steps=columns[STEPS],
        mindful=columns[MINDFUL],
        hrv=columns[HRV],
        resting=columns[RESTING_HR],
        breathing=columns[RESPIRATORY],
        minds=mind_columns,
        mind_labels=mind_labels,
    )
    if progress:
        progress(1.0)
    return result


class _Minds(Columns):
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
