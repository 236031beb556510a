from __future__ import annotations

from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "vagus.worker"
    label = "worker"
