"""URL converters shared by the apps."""

from __future__ import annotations

from datetime import date


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        return date.fromisoformat(value)  # ValueError → Django answers 404

    def to_url(self, value: date | str) -> str:
        return value if isinstance(value, str) else value.isoformat()
