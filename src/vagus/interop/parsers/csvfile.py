"""Reading a CSV export safely: UTF-8 (with or without BOM), columns mapped by header name."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from vagus.interop.records import FileError

MAX_FIELD = 1_000_000  # a note can be long; a runaway quote should not eat the memory


def read_text(stream: BinaryIO) -> str:
    raw = stream.read()
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileError(
            f"line {line}: the file is not UTF-8 text (byte {exc.start + 1} cannot be read). "
            "Export it again from the app, or save it as “CSV UTF-8” in your spreadsheet."
        ) from None


def rows(
    text: str, required: Sequence[str], *, aliases: dict[str, str] | None = None
) -> tuple[list[str], Iterator[tuple[int, dict[str, str], str]]]:
    """The header (lower-cased, stripped) and ``(line, row, problem)`` for each data row.

    ``problem`` is empty for a good row, else why the row cannot be read (it is reported with
    its line, and the file is not imported).

    ``line`` is the line the row starts on, so a note spanning three lines still points at
    the right place. Missing required columns, or a file split by ``;`` or tabs, is a
    :class:`FileError` naming what is wrong.
    """
    if not text.strip():
        raise FileError("the file is empty.")
    csv.field_size_limit(MAX_FIELD)
    buffer = io.StringIO(text, newline="")
    reader = csv.reader(buffer)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise FileError(f"line 1: the header cannot be read ({exc}).") from None
    header = [(aliases or {}).get(h, h) for h in header]
    missing = [name for name in required if name not in header]
    if missing:
        first = text.splitlines()[0] if text.splitlines() else ""
        for delimiter, name in ((";", "semicolons"), ("\t", "tabs")):
            if len(header) == 1 and delimiter in first:
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

    def generate() -> Iterator[tuple[int, dict[str, str], str]]:
        line = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise FileError(f"line {line}: {exc}") from None
            start, line = line, reader.line_num + 1
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                problem = (
                    f"{len(values)} fields where the header has {len(header)}; "
                    "a note may hold an unquoted comma"
                )
                yield start, {}, problem
                continue
            padded = [*values, *[""] * (len(header) - len(values))]
            yield start, dict(zip(header, padded, strict=True)), ""

    return header, generate()
