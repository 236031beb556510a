"""What the Today page and each day's page show: the card and panel functions, listed here.

A card function is ``card(request) -> dict | None``, listed with the name its "Hide for
today" button says; a panel function is
``panel(request, day) -> dict | None``. The dict has a ``template`` to include, an optional
``stylesheet`` (a static path the page links) and whatever context that template needs;
None means the app has nothing to say. The lists' order is the page's order.
An app adds a card by writing the function in its ``cards.py`` and adding it here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from vagus.diary.cards import gut_diet_card
from vagus.diary.panels import day_meals
from vagus.experiments.cards import today_card as experiment_card
from vagus.interop.panels import imported_notes
from vagus.ownership import AuthenticatedHttpRequest
from vagus.questionnaires.cards import due_card
from vagus.studies.cards import reconsent_card
from vagus.tools.cards import today_card as tool_card

Card = Callable[[AuthenticatedHttpRequest], dict[str, Any] | None]
Panel = Callable[[AuthenticatedHttpRequest, date], dict[str, Any] | None]

# Cards on the Today page (below the check-in on a phone), top to bottom, with their names.
TODAY_CARDS: list[tuple[str, Card]] = [
    ("questionnaires due", due_card),
    ("a study's new consent", reconsent_card),  # until read, the study sees nothing new
    ("your experiment", experiment_card),  # the running experiment's check-in
    ("worry time", tool_card),  # today's tool practice
    ("food and your gut", gut_diet_card),  # one line on the week's meals
]

# Panels on every day's page, top to bottom.
DAY_PANELS: list[Panel] = [
    day_meals,  # the day's meals, what each was read as, and adding one with the day preset
    imported_notes,  # notes that came with a Daylio or Bearable import
]


def card_key(function: Card) -> str:
    """A card's stable name, remembered when a person hides it: "diary.gut_diet_card"."""
    return f"{function.__module__.split('.')[1]}.{function.__name__}"


CARD_KEYS = frozenset(card_key(function) for _, function in TODAY_CARDS)


def today_cards(
    request: AuthenticatedHttpRequest, hidden: Collection[str] = ()
) -> list[dict[str, Any]]:
    """The cards that have something to say, except those hidden for today (never asked)."""
    cards = []
    for name, function in TODAY_CARDS:
        key = card_key(function)
        if key not in hidden and (card := function(request)):
            cards.append({**card, "key": key, "name": name})
    return cards


def day_panels(request: AuthenticatedHttpRequest, day: date) -> list[dict[str, Any]]:
    return [panel for function in DAY_PANELS if (panel := function(request, day))]
