"""Readers stream: a file is never read whole, and records go to the staging file as they come."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

import pytest

from vagus.interop.parsers import bearable, daylio, generic_csv
from vagus.interop.records import OBSERVATION, MeasureRef, Record
from vagus.interop.staging import Staging

LONDON = ZoneInfo("Europe/London")
ROWS = 20_000


class NoWholeReads(io.RawIOBase):
    """A binary file that refuses to be read whole and remembers the largest read."""

    def __init__(self, data: bytes) -> None:
        self.inner = io.BytesIO(data)
        self.largest = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        self.largest = max(self.largest, len(buffer))
        return self.inner.readinto(buffer)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("the reader asked for the whole file")
        return super().read(size)

    def readall(self) -> bytes:
        raise AssertionError("the reader asked for the whole file")


def big_csv() -> bytes:
    lines = ["date,measure,value"]
    lines += [f"2024-01-{1 + i % 28:02d},my_steps_{i % 7},{i}" for i in range(ROWS)]
    return ("\n".join(lines) + "\n").encode()


def test_a_csv_is_read_in_small_pieces_and_records_go_to_the_sink(tmp_path):
    data = big_csv()
    raw = NoWholeReads(data)
    seen: list[Record] = []
    result = generic_csv.parse(io.BufferedReader(raw, 8192), zone=LONDON, sink=seen.append)
    assert result.errors == [] and result.rows == ROWS
    assert len(seen) == ROWS  # every record went to the sink …
    assert result.records == []  # … and none was kept in memory
    assert raw.largest <= 8192 < len(data) // 20


def test_a_generator_of_chunks_is_enough():
    data = big_csv()

    def chunks():
        for start in range(0, len(data), 4096):
            yield data[start : start + 4096]

    result = generic_csv.parse(chunks(), zone=LONDON)
    assert result.errors == [] and len(result.records) == ROWS
    assert result.records[-1].value == ROWS - 1


def test_a_bad_byte_is_reported_on_its_own_line():
    data = b"date,measure,value\n2024-01-01,anxiety,3\n2024-01-02,caf\xe9,1\n"
    with pytest.raises(ValueError, match=r"line 3: the file is not UTF-8"):
        generic_csv.parse(io.BytesIO(data), zone=LONDON)


def test_staged_records_land_in_the_staging_file(tmp_path):
    with Staging.create(tmp_path) as staging:
        result = generic_csv.parse(io.BytesIO(big_csv()), zone=LONDON, sink=staging.add)
        staging.flush()
        assert staging.path.parent == tmp_path and staging.path.exists()
        assert staging.one("SELECT count(*) FROM record")[0] == ROWS == result.rows
        assert staging.one("SELECT count(*) FROM ref")[0] == 7
    assert not staging.path.exists()  # removed with its personal data


def test_repeats_are_numbered_oldest_first_in_the_staging_file_too(tmp_path, samples):
    """Daylio and Bearable list newest first; keys come out the same through either path."""
    for parser, name in ((daylio, "daylio.csv"), (bearable, "bearable.csv")):
        options = {"mood_map": {"anxious": 2}}
        with open(samples / name, "rb") as stream:
            in_memory = {r.key for r in parser.parse(stream, zone=LONDON, **options).records}
        with Staging.create(tmp_path) as staging, open(samples / name, "rb") as stream:
            result = parser.parse(stream, zone=LONDON, sink=staging.add, **options)
            assert staging.finish_keys(result.newest_first)
            staged = {key for (key,) in staging.query("SELECT key FROM record")}
        assert staged == in_memory and staged


def test_text_that_cannot_be_stored_is_refused_with_its_line(tmp_path):
    day = __import__("datetime").date(2024, 1, 1)
    ref = MeasureRef(label="Walk", kind="yesno")
    with Staging.create(tmp_path) as staging:
        staging.add(Record(7, "note", "import:csv", "a", day, label="ok", text="bad\x00text"))
        staging.add(Record(8, "note", "import:csv", "b", day, label="\ud800", text="x"))
        staging.add(Record(9, OBSERVATION, "import:csv", "c", day, None, ref, 1.0))
        assert [(e.line, e.field) for e in staging.errors] == [(7, "text"), (8, "label")]
        assert "NUL" in staging.errors[0].reason and "surrogate" in staging.errors[1].reason
        assert staging.count == 1
