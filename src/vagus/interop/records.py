"""The one shape every importer produces: normalised records plus row errors.

Pure Python (no Django), so parsers can be tested and benchmarked on their own. A parser reads
its file as a stream and hands each :class:`Record` to :meth:`ParseResult.add`; with a
``sink`` (the import's staging file, ``vagus.interop.staging``) records go straight there, so
memory stays flat whatever the file's size; without one they are kept in a list (tests,
small files). ``vagus.interop.importing`` checks them and publishes them in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
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
    # The label for a measure created on the way, when the file names it by code (a CSV's
    # ``label`` column beside ``measure``).
    title: str = ""
    # The kind a measure created on the way gets when the file says (Vagus's own tidy CSV has
    # a ``kind`` column). Unlike ``kind`` it does not create the measure unasked.
    suggested_kind: str = ""

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
    # A file may hold two entries (rows, told apart by ``line``) with the same ``key``.
    # ``repeats`` says what then: NUMBERED, the later entries (counted oldest first) get "#2",
    # "#3" after the key, before ``key_tail``; ONCE, only the oldest record is kept; ""
    # (default), keys are unique already.
    repeats: str = ""
    key_tail: str = ""


NUMBERED, ONCE = "numbered", "once"
MAX_ERRORS_KEPT = 1000  # a file of bad rows is refused whole; the first ones say enough


def numbered_key(key: str, tail: str, count: int) -> str:
    return f"{key}{'' if count == 1 else f'#{count}'}{tail}"


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
    """Everything a parser found. ``errors`` non-empty means the file is not imported.

    ``newest_first``: the file lists its newest entries first (Daylio, Bearable), so repeats
    are counted from the end of the file and a later export gives the same keys.
    """

    source: str
    errors: list[RowError] = field(default_factory=list)
    # Daylio: mood names with no level yet; the person must map them before anything is stored.
    unmapped: list[str] = field(default_factory=list)
    unmapped_counts: dict[str, int] = field(default_factory=dict)  # name → entries using it
    notes: list[str] = field(default_factory=list)  # what was left out on purpose, and why
    rows: int = 0  # data rows (CSV) or records (XML) read
    error_count: int = 0  # every row error, also those past MAX_ERRORS_KEPT
    newest_first: bool = False
    sink: Callable[[Record], None] | None = None
    _kept: list[Record] = field(default_factory=list)
    _skipped: dict[tuple[str, str], int] = field(default_factory=dict)

    def error(self, line: int, field_name: str, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(RowError(line, field_name, reason))

    def skip(self, what: str, missing: str) -> None:
        """A row that carries no value at all (``what`` = "sleep", ``missing`` = "duration"):
        nothing to import, so it is counted and reported, never an error. A row with a wrong
        value is an error (:meth:`error`) and stops the import."""
        self._skipped[what, missing] = self._skipped.get((what, missing), 0) + 1

    def report_skipped(self) -> None:
        """Turn the skipped rows into notes: "1 sleep row had no duration: skipped"."""
        for (what, missing), count in sorted(self._skipped.items()):
            rows = " ".join(filter(None, (what, "row" if count == 1 else "rows")))
            self.notes.append(f"{count} {rows} had no {missing}: skipped.")
        self._skipped.clear()

    def add(self, record: Record) -> None:
        if self.sink is not None:
            self.sink(record)
        else:
            self._kept.append(record)

    def discard(self) -> None:
        """The file will not be imported: forget what was kept (a sink's owner drops its own)."""
        self._kept.clear()

    def extend(self, records: Iterable[Record]) -> None:
        for record in records:
            self.add(record)

    @property
    def records(self) -> list[Record]:
        """The records kept in memory (no sink), oldest first, repeats resolved."""
        ordered = list(reversed(self._kept)) if self.newest_first else list(self._kept)
        entries: dict[str, list[int]] = {}  # key → lines of the entries that used it, in order
        once: set[str] = set()
        out: list[Record] = []
        for record in ordered:
            if record.repeats == ONCE:
                if record.key not in once:
                    once.add(record.key)
                    out.append(replace(record, repeats=""))
            elif record.repeats == NUMBERED:
                lines = entries.setdefault(record.key, [])
                if record.line not in lines:
                    lines.append(record.line)
                key = numbered_key(record.key, record.key_tail, lines.index(record.line) + 1)
                out.append(replace(record, key=key, repeats="", key_tail=""))
            else:
                out.append(record)
        return out

    @records.setter
    def records(self, records: list[Record]) -> None:
        self._kept = list(records)


class FileError(ValueError):
    """The file as a whole cannot be read (wrong format, not UTF-8, truncated, …)."""
