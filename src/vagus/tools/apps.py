from __future__ import annotations

from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "vagus.tools"
    label = "tools"
    default_auto_field = "django.db.models.BigAutoField"
    # Main-menu entries: (label, URL name, order). Empty until the app has pages.
    menu: list[tuple[str, str, int]] = []
    # Today-page cards: dotted paths to card(request) -> dict | None (see vagus.today).
    today_cards: list[str] = []
