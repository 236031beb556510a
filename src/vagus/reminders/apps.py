"""Reminders that arrive: settings, deliveries, the calendar feed and the in-app badge."""

from __future__ import annotations

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "vagus.reminders"
    label = "reminders"
