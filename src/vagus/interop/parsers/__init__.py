"""One parser per format, all with the same signature and the same result shape.

``parse(stream, *, zone, progress=None, **options) -> ParseResult``: ``stream`` is a binary
file, ``zone`` the person's time zone (days are calendar days where they live).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vagus.interop.parsers import apple_health, bearable, daylio, generic_csv, google_takeout
from vagus.interop.records import ParseResult

Parser = Callable[..., ParseResult]

PARSERS: dict[str, Parser] = {
    "daylio": daylio.parse,
    "bearable": bearable.parse,
    "apple-health": apple_health.parse,
    "google-takeout": google_takeout.parse,
    "csv": generic_csv.parse,
}
# The Vagus JSON backup is not a stream of records: it restores whole sections
# (vagus.backup.restore).
FORMATS: dict[str, str] = {
    "daylio": "Daylio (CSV export)",
    "bearable": "Bearable (CSV export)",
    "apple-health": "Apple Health (export.zip or export.xml, from a phone in any language)",
    "google-takeout": "Fitbit via Google Takeout (takeout .zip)",
    "csv": "Spreadsheet CSV (date, measure, value)",
    "json": "Vagus backup (JSON)",
}


def parse(fmt: str, stream: Any, **options: Any) -> ParseResult:
    return PARSERS[fmt](stream, **options)
