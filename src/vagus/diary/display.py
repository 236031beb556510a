"""How a stored value is shown to a person."""

from __future__ import annotations

from typing import Any

from vagus.diary.catalog import BRISTOL_TYPES


def format_value(measure: Any, value: float) -> str:
    kind = measure.kind
    if kind == "scale":
        return f"{value:g} out of 10"
    if kind == "bristol":
        return f"Type {value:g} ({BRISTOL_TYPES.get(int(value), '')})"
    if kind == "yesno":
        return "Yes" if value else "No"
    if kind == "hours":
        return f"{value:g} h"
    if kind == "minutes":
        return f"{value:g} min"
    return f"{value:g}"
