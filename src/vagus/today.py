"""Cards on the Today page, and panels on any day's page, gathered from the apps.

An AppConfig lists ``today_cards``: dotted paths to functions ``card(request) -> dict | None``.
A card is a dict with a ``template`` to include, an optional ``stylesheet`` (a static path the
Today page links), and whatever context that template needs;
None means the app has nothing to say today. Apps add cards without touching the diary.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.utils.module_loading import import_string


def today_cards(request: HttpRequest) -> list[dict[str, Any]]:
    cards = []
    for config in apps.get_app_configs():
        for path in getattr(config, "today_cards", []):
            card = import_string(path)(request)
            if card:
                cards.append(card)
    return sorted(cards, key=lambda card: card.get("order", 50))


def day_panels(request: HttpRequest, day: Any) -> list[dict[str, Any]]:
    """Panels for one day's page: an AppConfig lists ``day_panels``, dotted paths to functions
    ``panel(request, day) -> dict | None`` shaped like a card."""
    panels = []
    for config in apps.get_app_configs():
        for path in getattr(config, "day_panels", []):
            panel = import_string(path)(request, day)
            if panel:
                panels.append(panel)
    return sorted(panels, key=lambda panel: panel.get("order", 50))
