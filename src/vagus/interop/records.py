"""The one shape every importer produces: normalised records plus row errors.

Pure Python (no Django), so parsers can be tested and benchmarked on their own. A parser turns a
file into :class:`Record` objects and :class:`RowError` objects; ``vagus.interop.importing``
writes the records for one person in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# What a record becomes when it is stored.
OBSERVATION = "observation"  # a value of a measure (built in, or created on first sight)
NOTE = "note"  # free text the person wrote (a Daylio note, a Bearable note)
RAW = "raw"  # a row Vagus has no measure for: kept as it was, never dropped silently

ProgressFn = Callable[[float], None]  # called with the fraction of the file read (0–1)


@dataclass(frozen=True)
class MeasureRef:
    """Which measure a value belongs to.

    ``code`` names a built-in measure (``mood``, ``sleep_hours``); with ``code`` empty the
    measure is the person's own, found by ``label`` or created on first sight with ``kind``.
    ``loinc`` is set on a measure created here when LOINC has a code for it.
    """

    code: str = ""
    label: str = ""
    kind: str = "yesno"
    direction: str = ""
    loinc: str = ""
    # False for values a device measures (steps, HRV): never typed on the daily check-in.
    on_checkin: bool = True

    @property
    def name(self) -> str:
        return self.code or self.label


@dataclass(frozen=True)
class Record:
    """One thing to store, with the key that makes importing the same file twice a no-op.

    ``key`` is unique within ``source`` for one person and is built only from the source
    file's own content (its dates, times and names), never from positions that shift when the
    app exports again with newer entries.
    """

    line: int  # where in the file it came from (1 = the header line of a CSV)
    kind: str  # OBSERVATION, NOTE or RAW
    source: str  # "import:daylio", …
    key: str
    day: date
    time: datetime | None = None  # aware, or None when the file gives only a day
    measure: MeasureRef | None = None
    value: float | None = None
    label: str = ""  # for notes and raw rows: the category or title
    text: str = ""  # for notes and raw rows: the text as it was


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}, {self.field}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "reason": self.reason}


@dataclass
class ParseResult:
    """Everything a parser found. ``errors`` non-empty means the file is not imported."""

    source: str
    records: list[Record] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Daylio: mood names with no level yet; the person must map them before anything is stored.
    unmapped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out on purpose, and why
    rows: int = 0  # data rows (CSV) or records (XML) read

    def error(self, line: int, field_name: str, reason: str) -> None:
        self.errors.append(RowError(line, field_name, reason))


class FileError(ValueError):
    """The file as a whole cannot be read (wrong format, not UTF-8, truncated, …)."""


class KeyCounter:
    """Makes keys unique when a file holds two entries with the same date and time."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, key: str) -> str:
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        return key if count == 1 else f"{key}#{count}"
