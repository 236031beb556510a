"""What the page says after a queued edit has been sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Replacement:
    """One answer where this phone's edit and another device's edit met."""

    label: str
    phone: str  # this phone's answer, as shown
    elsewhere: str  # the other device's answer, as shown
    phone_won: bool  # this phone's edit was the later one


def _shown_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def synced_sentence(day: date, replaced: Sequence[Replacement]) -> str:
    """ "Synced." and, for every answer that met another device's edit, which one stayed."""
    if not replaced:
        return "Synced."
    parts = [
        f"Synced. {_shown_day(day)} was also changed on another device; the later answer stays."
    ]
    for item in replaced:
        if item.phone_won:
            parts.append(f"{item.label}: {item.phone} from this phone replaced {item.elsewhere}.")
        else:
            parts.append(
                f"{item.label}: {item.elsewhere} from the other device stays; "
                f"this phone's {item.phone} was earlier."
            )
    return " ".join(parts)


def meal_synced_sentence(text: str) -> str:
    return f"Synced: “{text}”."
