"""Answered questionnaires, when to offer them, and safety alerts: always owned by one person."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet
from vagus.safety.questionnaire_flags import score_needs_alert
from vagus.science import instruments

INSTRUMENT_CHOICES = [(code, instruments.get(code).name) for code in instruments.CODES]


class QuestionnaireResponse(models.Model):
    """One completed questionnaire, scored by ``vagus.science.instruments`` when it was stored.

    Maps one-to-one to a FHIR QuestionnaireResponse (and its score Observation).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_responses"
    )
    instrument = models.CharField(max_length=16, choices=INSTRUMENT_CHOICES)
    answers = models.JSONField(default=list)  # one value per item, item 1 first
    difficulty = models.PositiveSmallIntegerField(null=True, blank=True)  # optional, not scored
    total = models.FloatField()
    band = models.CharField(max_length=32)
    flags = models.JSONField(default=list)
    subscales = models.JSONField(default=dict)
    authored = models.DateTimeField()
    day = models.DateField()  # the owner's calendar day when it was answered
    # The total as a diary Observation (source "questionnaire"), so charts and insights see it.
    observation = models.OneToOneField(
        "diary.Observation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questionnaire_response",
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-authored", "-id"]
        indexes = [models.Index(fields=["owner", "instrument", "day"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.day} total {self.shown_total}"

    @classmethod
    def from_score(
        cls, owner: Any, score: instruments.Score, **fields: Any
    ) -> QuestionnaireResponse:
        """A new response holding what the scoring core computed (never a total from outside)."""
        return cls.objects.create(
            owner=owner,
            instrument=score.instrument,
            answers=list(score.answers),
            total=float(score.total),
            band=score.band,
            flags=sorted(score.flags),
            subscales=dict(score.subscales),
            **fields,
        )

    @property
    def definition(self) -> instruments.Instrument:
        return instruments.get(self.instrument)

    @property
    def band_display(self) -> str:
        return self.definition.band_display(self.band)

    @property
    def shown_total(self) -> str:
        return f"{self.total:g}"

    @property
    def score_total(self) -> int | float:
        """The total as the scoring core gives it: whole numbers as ``int``."""
        return int(self.total) if float(self.total).is_integer() else self.total

    @property
    def self_harm_risk(self) -> bool:
        return score_needs_alert(self.flags)


class Schedule(models.Model):
    """How often a person wants to be offered one questionnaire. Absent rows mean the default."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_schedules"
    )
    instrument = models.CharField(max_length=16, choices=INSTRUMENT_CHOICES)
    every_days = models.PositiveSmallIntegerField(null=True, blank=True)  # None: any time
    enabled = models.BooleanField(default=False)
    updated = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["instrument"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "instrument"], name="one_schedule_each")
        ]

    def __str__(self) -> str:
        return f"{self.instrument} every {self.every_days} days ({'on' if self.enabled else 'off'})"


class SafetyAlert(models.Model):
    """A risk signal (e.g. PHQ-9 item 9 above 0). While unread, the crisis page comes first.

    ``source`` says where it came from: "questionnaire" (with its ``response``),
    "questionnaire_unsaved" (a self-harm answer in a form that was refused, e.g. with questions
    left blank; no response, as nothing was stored) or "tools" (crisis language in a thought
    record, journal entry or worry; no response).
    """

    QUESTIONNAIRE = "questionnaire"
    UNSAVED_ANSWERS = "questionnaire_unsaved"
    TOOLS = "tools"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_alerts"
    )
    response = models.ForeignKey(
        QuestionnaireResponse,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="safety_alerts",
    )
    source = models.CharField(max_length=24, default="questionnaire")
    created = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"alert {self.created:%Y-%m-%d} ({'read' if self.acknowledged_at else 'open'})"
