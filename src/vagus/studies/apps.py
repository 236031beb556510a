from __future__ import annotations

from django.apps import AppConfig


class StudiesConfig(AppConfig):
    name = "vagus.studies"
    label = "studies"
    default_auto_field = "django.db.models.BigAutoField"
