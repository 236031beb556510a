from __future__ import annotations

from django.apps import AppConfig


class MicrobiomeConfig(AppConfig):
    name = "vagus.microbiome"
    label = "microbiome"
    default_auto_field = "django.db.models.BigAutoField"
