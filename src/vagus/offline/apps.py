from __future__ import annotations

from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "vagus.offline"
    label = "offline"
    default_auto_field = "django.db.models.BigAutoField"
