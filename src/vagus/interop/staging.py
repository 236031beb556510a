"""An import's staging area: a private SQLite file per import, outside the main database.

The parser streams records in as it reads (memory stays flat whatever the file's size); the
importer checks them here (measures, values, dates, what is new, what changed) without
holding the main database's writer lock; only the publish step touches the main database, in
one short transaction (``vagus.interop.publish``). The file lives in the data directory's
``imports/`` folder (0700), holds personal data for a few minutes, and is removed afterwards;
the scheduled clean-up removes any a crash left behind.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vagus.interop.records import NUMBERED, ONCE, MeasureRef, Record, RowError
from vagus.text import unsafe_text_problem

BATCH = 5000
SUFFIX = ".staging"

SCHEMA = """
CREATE TABLE ref (
    id INTEGER PRIMARY KEY, code TEXT, label TEXT, kind TEXT, direction TEXT, loinc TEXT,
    on_checkin INTEGER, title TEXT, first_line INTEGER, suggested_kind TEXT
);
CREATE TABLE record (
    seq INTEGER PRIMARY KEY, line INTEGER, kind TEXT, key TEXT, tail TEXT, repeats TEXT,
    day TEXT, time TEXT, ref INTEGER, value REAL, label TEXT, text TEXT,
    state TEXT, rank INTEGER, obs_uuid TEXT, entry_uuid TEXT
);
CREATE TABLE existing (
    key TEXT PRIMARY KEY, entry_id INTEGER, observation_id INTEGER, value REAL,
    obs_day TEXT, obs_time TEXT, day TEXT, time TEXT, label TEXT, text TEXT
);
"""


def utc_text(moment: datetime | None) -> str | None:
    """An aware moment as the main database stores it: UTC, ``YYYY-MM-DD HH:MM:SS[.ffffff]``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


def from_utc_text(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass
class StagedRef:
    id: int
    ref: MeasureRef
    first_line: int


class Staging:
    """Records of one import in a file of their own. Use as a context manager: the file goes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        # Throwaway data: no journal, no fsync. A crash loses only the staging file.
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self.db.create_function("uuid4_hex", 0, lambda: uuid.uuid4().hex)
        self.errors: list[RowError] = []
        self.error_count = 0
        self.count = 0
        self._refs: dict[MeasureRef, int] = {}
        self._pending: list[tuple[Any, ...]] = []

    @classmethod
    def create(cls, directory: Path) -> Staging:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = directory / f"{uuid.uuid4().hex}{SUFFIX}"
        path.touch(mode=0o600, exist_ok=False)
        return cls(path)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *_: Any) -> None:
        self.remove()

    def remove(self) -> None:
        try:
            self.db.close()
        finally:
            self.path.unlink(missing_ok=True)

    # Writing, while the parser reads.

    def error(self, line: int, field: str, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < 1000:
            self.errors.append(RowError(line, field, reason))

    def add(self, record: Record) -> None:
        """The parser's sink: one record in, checked for what can never be stored."""
        for field, text in (("text", record.text), ("label", record.label)):
            if problem := unsafe_text_problem(text):
                self.error(record.line, field, f"the {field} {problem}")
                return
        ref_id = None
        if record.measure is not None:
            for text in (record.measure.label, record.measure.title):
                if problem := unsafe_text_problem(text):
                    self.error(record.line, "measure", f"the measure's name {problem}")
                    return
            ref_id = self._ref_id(record.measure, record.line)
        try:
            time = utc_text(record.time)
        except OverflowError:  # e.g. 0001-01-01 00:30 east of Greenwich: before year 1 in UTC
            self.error(record.line, "date", f"{record.day.isoformat()} is not a day Vagus keeps")
            return
        self._pending.append(
            (
                record.line,
                record.kind,
                record.key,
                record.key_tail,
                record.repeats,
                record.day.isoformat(),
                time,
                ref_id,
                record.value,
                record.label,
                record.text,
            )
        )
        self.count += 1
        if len(self._pending) >= BATCH:
            self.flush()

    def _ref_id(self, ref: MeasureRef, line: int) -> int:
        found = self._refs.get(ref)
        if found is None:
            cursor = self.db.execute(
                "INSERT INTO ref (code, label, kind, direction, loinc, on_checkin, title,"
                " first_line, suggested_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ref.code,
                    ref.label,
                    ref.kind,
                    ref.direction,
                    ref.loinc,
                    int(ref.on_checkin),
                    ref.title,
                    line,
                    ref.suggested_kind,
                ),
            )
            found = self._refs[ref] = int(cursor.lastrowid or 0)
        return found

    def flush(self) -> None:
        if self._pending:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany(
                    "INSERT INTO record (line, kind, key, tail, repeats, day, time, ref, value,"
                    " label, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    self._pending,
                )
            self._pending.clear()

    def finish_keys(self, newest_first: bool) -> bool:
        """Resolve repeated keys (see ``records.Record.repeats``); False if keys still clash."""
        self.flush()
        order = "line DESC" if newest_first else "line"
        self.db.execute("BEGIN")
        self.db.execute(
            f"""UPDATE record SET key = record.key
                    || CASE WHEN r.n = 1 THEN '' ELSE '#' || r.n END || record.tail
                FROM (SELECT seq, DENSE_RANK() OVER (PARTITION BY key ORDER BY {order}) AS n
                      FROM record WHERE repeats = ?) AS r
                WHERE record.seq = r.seq""",
            (NUMBERED,),
        )
        self.db.execute(
            f"""DELETE FROM record WHERE repeats = ? AND seq NOT IN (
                    SELECT seq FROM (
                        SELECT seq, ROW_NUMBER() OVER (PARTITION BY key ORDER BY {order}, seq)
                            AS n FROM record WHERE repeats = ?)
                    WHERE n = 1)""",
            (ONCE, ONCE),
        )
        self.db.execute("COMMIT")
        try:
            self.db.execute("CREATE UNIQUE INDEX record_key ON record (key)")
        except sqlite3.IntegrityError:
            return False
        self.count = self.db.execute("SELECT count(*) FROM record").fetchone()[0]
        return True

    # Reading, while the importer checks.

    def refs(self, newest_first: bool = False) -> list[StagedRef]:
        """Measures named in the file, in the order they first appear (oldest first)."""
        line = "max(r.line)" if newest_first else "min(r.line)"
        order = "seen DESC" if newest_first else "seen"
        rows = self.db.execute(
            f"""SELECT f.id, f.code, f.label, f.kind, f.direction, f.loinc, f.on_checkin, f.title,
                       coalesce({line}, f.first_line) AS seen, f.suggested_kind
                FROM ref f LEFT JOIN record r ON r.ref = f.id AND r.line > 0
                GROUP BY f.id ORDER BY {order}, f.id"""
        )
        return [
            StagedRef(
                row[0],
                MeasureRef(row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7], row[9]),
                row[8],
            )
            for row in rows
        ]

    def values_of(self, ref_id: int) -> Iterator[float]:
        for (value,) in self.db.execute(
            "SELECT value FROM record WHERE ref = ? AND kind = 'observation'", (ref_id,)
        ):
            yield value

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        cursor = self.db.execute(sql, params)
        while rows := cursor.fetchmany(BATCH):
            yield from rows

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self.db.execute(sql, params).fetchone()

    def run(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        self.db.execute(sql, params)

    def load_existing(self, rows: Iterator[tuple[Any, ...]]) -> None:
        """What this source brought in before, to tell new, changed and unchanged apart."""
        self.db.execute("BEGIN")
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self.db.executemany(
                    "INSERT OR REPLACE INTO existing VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch
                )
                batch.clear()
        self.db.executemany(
            "INSERT OR REPLACE INTO existing VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch
        )
        self.db.execute("COMMIT")

    def classify(self) -> None:
        """Mark each record new, changed or same; number the new observations for publishing."""
        self.db.execute("BEGIN")
        self.db.execute(
            """UPDATE record SET state = CASE
                 WHEN e.key IS NULL THEN 'new'
                 WHEN record.kind = 'observation' AND (
                      e.observation_id IS NULL OR e.value IS NOT record.value
                      OR e.obs_day IS NOT record.day OR e.obs_time IS NOT record.time)
                   THEN 'changed'
                 WHEN record.kind != 'observation' AND (
                      e.text IS NOT record.text OR e.label IS NOT substr(record.label, 1, 120)
                      OR e.day IS NOT record.day OR e.time IS NOT record.time)
                   THEN 'changed'
                 ELSE 'same' END
               FROM (SELECT r.seq, x.* FROM record r LEFT JOIN existing x ON x.key = r.key) AS e
               WHERE record.seq = e.seq"""
        )
        self.db.execute(
            """UPDATE record SET rank = r.n, obs_uuid = uuid4_hex()
               FROM (SELECT seq, ROW_NUMBER() OVER (ORDER BY seq) AS n FROM record
                     WHERE state = 'new' AND kind = 'observation') AS r
               WHERE record.seq = r.seq"""
        )
        self.db.execute("UPDATE record SET entry_uuid = uuid4_hex() WHERE state = 'new'")
        self.db.execute("COMMIT")
