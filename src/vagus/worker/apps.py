from __future__ import annotations

from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "vagus.worker"
    label = "worker"
    menu: list[tuple[str, str, int]] = []
    today_cards: list[str] = []
    day_panels: list[str] = []
