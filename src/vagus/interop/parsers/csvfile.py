"""Reading a CSV export safely, as a stream: UTF-8 (with or without BOM), columns by header name.

The file is read line by line and never whole, so memory stays flat whatever its size. Each
physical line is decoded on its own (a UTF-8 character never holds a newline byte), so a byte
that is not UTF-8 is reported with its own line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from vagus.interop.records import FileError, ProgressFn

MAX_FIELD = 1_000_000  # a note can be long; a runaway quote should not eat the memory
PROGRESS_EVERY = 2000  # rows


class _Lines:
    """Decoded lines of a binary (or text) stream, counting lines and bytes as it goes."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.line = 0
        self.bytes_read = 0
        self.size = _size(stream)

    def __iter__(self) -> Iterator[str]:
        for raw in _physical_lines(self.stream):
            self.line += 1
            if isinstance(raw, str):
                text = raw
            else:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise FileError(
                        f"line {self.line}: the file is not UTF-8 text (byte "
                        f"{self.bytes_read + exc.start + 1} cannot be read). Export it again "
                        "from the app, or save it as “CSV UTF-8” in your spreadsheet."
                    ) from None
                self.bytes_read += len(raw)
            if self.line == 1:
                text = text.removeprefix("\ufeff")
            yield text

    @property
    def fraction(self) -> float | None:
        return min(self.bytes_read / self.size, 1.0) if self.size else None


def _physical_lines(stream: Any) -> Iterable[bytes | str]:
    if isinstance(stream, bytes | str):
        return io.BytesIO(stream) if isinstance(stream, bytes) else io.StringIO(stream)
    if hasattr(stream, "read"):
        return stream  # a file iterates by lines, each read on its own
    return _split_chunks(stream)  # any iterable of byte chunks, e.g. a generator


def _split_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line + b"\n"
    if pending:
        yield pending


def _size(stream: Any) -> int | None:
    try:
        here = stream.tell()
        size = stream.seek(0, io.SEEK_END)
        stream.seek(here)
        return int(size - here) or None
    except (AttributeError, OSError, ValueError):
        return None


def rows(
    stream: Any,
    required: Sequence[str],
    *,
    aliases: dict[str, str] | None = None,
    progress: ProgressFn | None = None,
    headerless: Callable[[list[str]], list[str] | None] | None = None,
) -> tuple[list[str], Iterator[tuple[int, dict[str, str], str]]]:
    """The header (lower-cased, stripped) and ``(line, row, problem)`` for each data row.

    ``stream`` is a binary file, or any iterable of byte chunks. ``problem`` is empty for a
    good row, else why the row cannot be read (it is reported with its line, and the file is
    not imported).

    ``headerless`` is asked, when required columns are missing, whether the first line is
    already a data row of a known shape; the header it returns is used, and the first line is
    read as data.

    ``line`` is the line the row starts on, so a note spanning three lines still points at
    the right place. Missing required columns, or a file split by ``;`` or tabs, is a
    :class:`FileError` naming what is wrong.
    """
    csv.field_size_limit(MAX_FIELD)
    lines = _Lines(stream)
    reader = csv.reader(lines)
    try:
        first = next(reader)
    except StopIteration:
        raise FileError("the file is empty.") from None
    except csv.Error as exc:
        raise FileError(f"line 1: the header cannot be read ({exc}).") from None
    header = [(aliases or {}).get(h, h) for h in (h.strip().lower() for h in first)]
    if not any(header):
        raise FileError("the file is empty.")
    missing = [name for name in required if name not in header]
    data_first: list[str] | None = None
    if missing and headerless is not None and (shape := headerless(first)) is not None:
        header, data_first, missing = shape, first, []
    if missing:
        for delimiter, name in ((";", "semicolons"), ("\t", "tabs")):
            if len(first) == 1 and delimiter in first[0]:
                raise FileError(
                    f"line 1: the columns are separated by {name}, not commas. "
                    "Export the file again from the app without changing it."
                )
        names = ", ".join(missing)
        raise FileError(
            f"line 1: the column{'s' if len(missing) > 1 else ''} {names} "
            f"{'are' if len(missing) > 1 else 'is'} missing "
            f"(found: {', '.join(h for h in header if h) or 'nothing'})."
        )

    def shaped(start: int, values: list[str]) -> Iterator[tuple[int, dict[str, str], str]]:
        if not any(v.strip() for v in values):
            return
        if len(values) > len(header):
            problem = (
                f"{len(values)} fields where the header has {len(header)}; "
                "a note may hold an unquoted comma"
            )
            yield start, {}, problem
            return
        padded = [*values, *[""] * (len(header) - len(values))]
        yield start, dict(zip(header, padded, strict=True)), ""

    def generate() -> Iterator[tuple[int, dict[str, str], str]]:
        if data_first is not None:
            yield from shaped(1, data_first)
        line = reader.line_num + 1
        count = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise FileError(f"line {line}: {exc}") from None
            start, line = line, reader.line_num + 1
            count += 1
            if progress and count % PROGRESS_EVERY == 0 and lines.fraction is not None:
                progress(lines.fraction)
            yield from shaped(start, values)

    return header, generate()
