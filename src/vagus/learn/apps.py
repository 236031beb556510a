from __future__ import annotations

from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "vagus.learn"
    label = "learn"
    default_auto_field = "django.db.models.BigAutoField"
    # Main-menu entries: (label, URL name, order). Empty until the app has pages.
    menu: list[tuple[str, str, int]] = []
    # Today-page cards: dotted paths to card(request) -> dict | None (see vagus.today).
    today_cards: list[str] = []
