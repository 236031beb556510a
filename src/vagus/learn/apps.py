from __future__ import annotations

from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "vagus.learn"
    label = "learn"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from vagus.science import evidence

        # Load and check the library at start-up: a broken entry stops the app, not a page.
        evidence.entries()
