from __future__ import annotations

from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "vagus.learn"
    label = "learn"
    default_auto_field = "django.db.models.BigAutoField"
    # Main-menu entries: (label, URL name, order).
    menu: list[tuple[str, str, int]] = [("Learn", "learn:index", 80)]
    # Today-page cards: dotted paths to card(request) -> dict | None (see vagus.today).
    today_cards: list[str] = []

    def ready(self) -> None:
        from vagus.science import evidence

        # Load and check the library at start-up: a broken entry stops the app, not a page.
        evidence.entries()
