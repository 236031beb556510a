"""Checks of typed input shared by pages, the API and importers: whole numbers and moments.

Each check names the field in its message and raises ``error`` (a ``ValueError`` taking a
``{field: message}`` mapping, so each app passes its own ``…InputError``); nothing here lets a
strange value through to ``int()`` or a time-zone conversion, where it would be a 500.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vagus.accounts.models import User


class FieldInputError(ValueError):
    """Bad input; ``errors`` maps the field to a message (the default ``error`` below)."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


ErrorFactory = Callable[[dict[str, str]], Exception]

# ASCII digits only: str.isdigit() also accepts "²" and other digits int() refuses, and a bound
# on the length keeps int() far from its 4,300-digit limit.
_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")


def whole_number(
    value: Any, field: str, low: int, high: int, error: ErrorFactory = FieldInputError
) -> int | None:
    """``value`` as a whole number from ``low`` to ``high``; None for a missing value ("" too).

    Accepts an int, a float with no fraction (JSON ``3.0``) or text of ASCII digits; refuses
    booleans, fractions, infinities, other digits ("²") and numbers far out of range.
    """
    if value is None or value == "":
        return None
    wrong = error({field: f"{field}: must be a whole number {low}–{high}"})
    if isinstance(value, bool):
        raise wrong
    if isinstance(value, str):
        if not _WHOLE.fullmatch(value.strip()):
            raise wrong
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        raise wrong
    return value


def local_day(
    user: User, moment: datetime, field: str, error: ErrorFactory = FieldInputError
) -> date:
    """The person's calendar day of an aware ``moment``.

    A moment at the very edge of the calendar (9999-12-31T23:59-12:00) has no date once moved
    to another zone; it is refused as too far in the future instead of raising OverflowError.
    """
    try:
        return user.day_of(moment)
    except OverflowError:
        raise error({field: f"{field}: that is too far in the future."}) from None
