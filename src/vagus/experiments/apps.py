from __future__ import annotations

from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "vagus.experiments"
    label = "experiments"
    default_auto_field = "django.db.models.BigAutoField"
    # Main-menu entries: (label, URL name, order).
    menu: list[tuple[str, str, int]] = [("Experiments", "experiments:index", 45)]
    # Today-page cards: dotted paths to card(request) -> dict | None (see vagus.today).
    today_cards: list[str] = ["vagus.experiments.cards.today_card"]
