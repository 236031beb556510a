from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DiaryConfig(AppConfig):
    name = "vagus.diary"
    label = "diary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from vagus.diary.catalog import sync_builtin_measures
        from vagus.diary.nutrition import analyse_missing

        # After every migrate, so a built-in measure added in a new release appears everywhere.
        post_migrate.connect(sync_builtin_measures, sender=self)
        # Then meals from before meal analysis get theirs, with their meal-derived measures.
        post_migrate.connect(analyse_missing, sender=self)
