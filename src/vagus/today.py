"""What the Today page and each day's page show: the card and panel functions, listed here.

A card function is ``card(request) -> dict | None``; a panel function is
``panel(request, day) -> dict | None``. The dict has a ``template`` to include, an optional
``stylesheet`` (a static path the page links) and whatever context that template needs;
None means the app has nothing to say. The lists' order is the page's order.
An app adds a card by writing the function in its ``cards.py`` and adding it here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from vagus.diary.cards import gut_diet_card
from vagus.diary.panels import day_meals
from vagus.experiments.cards import today_card as experiment_card
from vagus.interop.panels import imported_notes
from vagus.ownership import AuthenticatedHttpRequest
from vagus.tools.cards import today_card as tool_card

Card = Callable[[AuthenticatedHttpRequest], dict[str, Any] | None]
Panel = Callable[[AuthenticatedHttpRequest, date], dict[str, Any] | None]

# Cards on the Today page, top to bottom.
TODAY_CARDS: list[Card] = [
    experiment_card,  # the running experiment's check-in
    tool_card,  # today's tool practice
    gut_diet_card,  # the week's gut-friendly foods
]

# Panels on every day's page, top to bottom.
DAY_PANELS: list[Panel] = [
    day_meals,  # the day's meals, what each was read as, and adding one with the day preset
    imported_notes,  # notes that came with a Daylio or Bearable import
]


def today_cards(request: AuthenticatedHttpRequest) -> list[dict[str, Any]]:
    return [card for function in TODAY_CARDS if (card := function(request))]


def day_panels(request: AuthenticatedHttpRequest, day: date) -> list[dict[str, Any]]:
    return [panel for function in DAY_PANELS if (panel := function(request, day))]
