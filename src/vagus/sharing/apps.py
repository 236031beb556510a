from __future__ import annotations

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "vagus.sharing"
    label = "sharing"
    default_auto_field = "django.db.models.BigAutoField"
