from __future__ import annotations

from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "vagus.interop"
    label = "interop"
    default_auto_field = "django.db.models.BigAutoField"
    # Main-menu entries: (label, URL name, order).
    menu: list[tuple[str, str, int]] = [("Import & export", "interop:index", 90)]
    # Today-page cards: dotted paths to card(request) -> dict | None (see vagus.today).
    today_cards: list[str] = []
    # Panels on every day's page: notes that came with an import (Daylio, Bearable).
    day_panels = ["vagus.interop.panels.imported_notes"]

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from vagus.interop.jobs import remove_upload
        from vagus.interop.models import ImportJob

        post_delete.connect(remove_upload, sender=ImportJob, dispatch_uid="interop-upload")
