from __future__ import annotations

from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "vagus.insights"
    label = "insights"
    default_auto_field = "django.db.models.BigAutoField"
    # Main-menu entries: (label, URL name, order).
    menu: list[tuple[str, str, int]] = [("Insights", "insights:index", 35)]
    # Today-page cards: dotted paths to card(request) -> dict | None (see vagus.today).
    today_cards: list[str] = []
