"""Self-experiments and the daily "did you follow the plan?" answers, always owned by one person."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models

from vagus.experiments.library import LIBRARY, OUTCOMES, USUAL, ReadyExperiment
from vagus.ownership import OwnedQuerySet
from vagus.science.experiments import Schedule

PLANNED, RUNNING, PAUSED, STOPPED, COMPLETED = (
    "planned",
    "running",
    "paused",
    "stopped",
    "completed",
)
STATUSES = [
    (PLANNED, "Starts soon"),
    (RUNNING, "Running"),
    (PAUSED, "Paused"),
    (STOPPED, "Stopped early"),
    (COMPLETED, "Finished"),
]
# Not finished: at most one of these per outcome (two experiments on one outcome would blur
# each other's comparison).
OPEN_STATUSES = (PLANNED, RUNNING, PAUSED)


class Experiment(models.Model):
    """One N-of-1 trial: B (the change) against A (as usual) in randomised pairs of periods.

    ``schedule`` is ``vagus.science.experiments.Schedule.to_dict()``, fixed when the experiment
    is set up; pausing never moves it: paused days are left out of the comparison (the pages
    say how many), so a long pause can cost whole pairs. ``hypothesis`` is stated before the
    start and never edited.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experiments"
    )
    title = models.CharField(max_length=120)
    library_key = models.SlugField(max_length=40, blank=True, default="")  # empty: custom
    b_label = models.CharField(max_length=60)
    b_todo = models.TextField(max_length=600)
    a_todo = models.TextField(max_length=600, blank=True, default="")
    outcome = models.CharField(
        max_length=32, choices=[(o.code, o.label) for o in OUTCOMES.values()]
    )
    lower_is_better = models.BooleanField(default=True)
    smallest_change = models.FloatField(default=1.0)  # the difference worth detecting
    plan = models.JSONField(default=dict)  # power estimate at set-up (CENT item: sample size)
    schedule = models.JSONField()
    status = models.CharField(max_length=12, choices=STATUSES, default=PLANNED)
    started = models.DateField()
    stopped = models.DateField(null=True, blank=True)
    pauses = models.JSONField(default=list)  # [[first day, last day or null], ...] ISO dates
    hypothesis = models.TextField(max_length=1000)
    harms = models.TextField(max_length=2000, blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-started", "-id"]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return f"{self.title} from {self.started}"

    @property
    def design(self) -> Schedule:
        return Schedule.from_dict(self.schedule)

    @property
    def ready(self) -> ReadyExperiment | None:
        return LIBRARY.get(self.library_key)

    @property
    def outcome_label(self) -> str:
        return OUTCOMES[self.outcome].label

    @property
    def a_label(self) -> str:
        return USUAL

    @property
    def end(self) -> date:
        return self.design.end

    def state_on(self, today: date) -> str:
        """The status as of ``today``: the stored decision, moved on by the calendar."""
        if self.status in (STOPPED, COMPLETED):
            return self.status
        if today > self.end:
            return COMPLETED
        if self.status == PAUSED:
            return PAUSED
        return RUNNING if today >= self.started else PLANNED

    def paused_days(self, until: date) -> set[date]:
        """Days inside a pause (an open pause runs to ``until``)."""
        days: set[date] = set()
        for first, last in self.pauses:
            day = date.fromisoformat(first)
            stop = min(date.fromisoformat(last) if last else until, self.end)
            while day <= stop:
                days.add(day)
                day += timedelta(days=1)
        return days

    def condition_label(self, letter: str) -> str:
        return self.b_label if letter == "B" else USUAL

    def todo(self, letter: str) -> str:
        return self.b_todo if letter == "B" else (self.a_todo or "Live as you usually do.")

    def as_json(self) -> dict[str, Any]:
        return {
            "id": str(self.uuid),
            "title": self.title,
            "library_key": self.library_key or None,
            "b_label": self.b_label,
            "b_todo": self.b_todo,
            "a_todo": self.a_todo,
            "outcome": self.outcome,
            "lower_is_better": self.lower_is_better,
            "smallest_change": self.smallest_change,
            "plan": self.plan,
            "schedule": self.schedule,
            "status": self.status,
            "started": self.started.isoformat(),
            "stopped": self.stopped.isoformat() if self.stopped else None,
            "pauses": self.pauses,
            "hypothesis": self.hypothesis,
            "harms": self.harms,
            "created": self.created.isoformat(),
        }


class AdherenceAnswer(models.Model):
    """The one daily question: did the person follow the day's plan (B or as usual)?"""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="adherence_answers"
    )
    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="adherence_answers"
    )
    day = models.DateField()
    followed = models.BooleanField()
    updated = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "day"], name="one_adherence_answer_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {'followed' if self.followed else 'not followed'}"
