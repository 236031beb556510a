from __future__ import annotations

from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "vagus.tools"
    label = "tools"
    default_auto_field = "django.db.models.BigAutoField"
    # Main-menu entries: (label, URL name, order).
    menu: list[tuple[str, str, int]] = [("Tools", "tools:index", 40)]
    # Today-page cards: dotted paths to card(request) -> dict | None (see vagus.today).
    today_cards: list[str] = ["vagus.tools.cards.today_card"]
