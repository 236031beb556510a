from __future__ import annotations

from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "vagus.tools"
    label = "tools"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the export sections, and their importers for restoring a backup.
        from vagus.tools import export, restore  # noqa: F401
