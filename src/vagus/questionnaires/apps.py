from __future__ import annotations

from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "vagus.questionnaires"
    label = "questionnaires"
    default_auto_field = "django.db.models.BigAutoField"
