"""Tool sessions, worries, thought records and journal entries: always owned by one person.

Free text is stored only encrypted (``*_sealed`` columns, see ``vagus.tools.crypto``); the
model exposes it as an ordinary attribute (``record.situation``) that seals on assignment and
opens on reading, so views and actions never handle ciphertext.
"""

from __future__ import annotations

import uuid
from datetime import time
from typing import Any

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet
from vagus.tools import crypto
from vagus.tools.catalog import TOOL_CHOICES


def sealed(name: str) -> property:
    """An attribute whose text is kept encrypted in the ``<name>_sealed`` column.

    A real ``property`` (not a bare descriptor) so that ``Model(owner=…, text="…")`` and
    ``objects.create(…)`` accept it; Django sets properties after the fields, so the owner and
    uuid that bind the ciphertext to its row are known by then.
    """
    column = f"{name}_sealed"

    def get(self: SealedModel) -> str:
        token = getattr(self, column)
        if not token:
            return ""
        opened = self.__dict__.setdefault("_opened", {})
        if (name, token) not in opened:
            opened[(name, token)] = crypto.decrypt(token, self.seal_context(name))
        return opened[(name, token)]

    def set(self: SealedModel, value: str) -> None:
        setattr(self, column, crypto.encrypt(value, self.seal_context(name)) if value else "")

    return property(get, set, doc=f"{name} (stored encrypted in {column})")


class SealedModel(models.Model):
    SEALED_FIELDS: tuple[str, ...] = ()

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner_id: int | None  # each concrete model declares its ``owner`` foreign key

    class Meta:
        abstract = True

    def seal_context(self, name: str) -> str:
        # Binds a ciphertext to this model, field, row and owner: swapped ciphertext fails.
        if self.owner_id is None:
            raise ValueError("set the owner before the text: the text is sealed to its owner")
        return f"tools.{self._meta.model_name}.{name}:{self.uuid}:{self.owner_id}"

    def reseal(self, ring: crypto.KeyRing) -> None:
        """Seal every text again with ``ring``'s newest key (key rotation)."""
        for name in self.SEALED_FIELDS:
            column = f"{name}_sealed"
            token = getattr(self, column)
            if token:
                plain = crypto.decrypt(token, self.seal_context(name), ring)
                setattr(self, column, crypto.encrypt(plain, self.seal_context(name), ring))


class ToolPreferences(models.Model):
    """A person's settings for the tools; absent means the defaults."""

    DEFAULT_WORRY_TIME = time(18, 0)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tool_preferences"
    )
    worry_time = models.TimeField(default=DEFAULT_WORRY_TIME)  # in the person's own time zone
    updated = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"worry time {self.worry_time:%H:%M}"


class ToolSession(models.Model):
    """One use of a tool, with the anxiety ratings around it (each optional)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tool_sessions"
    )
    tool = models.CharField(max_length=24, choices=TOOL_CHOICES)
    started = models.DateTimeField()
    duration_seconds = models.PositiveIntegerField()
    anxiety_before = models.PositiveSmallIntegerField(null=True, blank=True)
    anxiety_after = models.PositiveSmallIntegerField(null=True, blank=True)
    settings = models.JSONField(default=dict, blank=True)
    # The minutes as a diary Observation (mindfulness_minutes, source "tool").
    observation = models.OneToOneField(
        "diary.Observation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tool_session",
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-started", "-id"]
        indexes = [models.Index(fields=["owner", "tool"])]

    def __str__(self) -> str:
        return f"{self.tool} {self.started:%Y-%m-%d %H:%M} {self.duration_seconds}s"

    @property
    def minutes(self) -> float:
        return round(self.duration_seconds / 60, 1)

    @property
    def change(self) -> int | None:
        if self.anxiety_before is None or self.anxiety_after is None:
            return None
        return self.anxiety_after - self.anxiety_before


class Worry(SealedModel):
    """A worry parked for later (worry postponement)."""

    SEALED_FIELDS = ("text",)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worries"
    )
    text_sealed = models.TextField(blank=True, default="")
    parked_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    text = sealed("text")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["parked_at", "id"]
        indexes = [models.Index(fields=["owner", "resolved_at"])]

    def __str__(self) -> str:
        return f"worry {self.parked_at:%Y-%m-%d %H:%M}"  # never the text

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


class ThoughtRecord(SealedModel):
    """A CBT thought record. Intensities are numbers (0–100), kept plain for the summaries."""

    SEALED_FIELDS = (
        "situation",
        "automatic_thought",
        "emotions",
        "evidence_for",
        "evidence_against",
        "balanced_thought",
    )

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thought_records"
    )
    situation_sealed = models.TextField(blank=True, default="")
    automatic_thought_sealed = models.TextField(blank=True, default="")
    emotions_sealed = models.TextField(blank=True, default="")
    evidence_for_sealed = models.TextField(blank=True, default="")
    evidence_against_sealed = models.TextField(blank=True, default="")
    balanced_thought_sealed = models.TextField(blank=True, default="")
    intensity_before = models.PositiveSmallIntegerField(null=True, blank=True)  # 0–100
    intensity_after = models.PositiveSmallIntegerField(null=True, blank=True)  # re-rated, 0–100
    patterns = models.JSONField(default=list, blank=True)  # codes from catalog.THINKING_PATTERNS
    created = models.DateTimeField()
    updated = models.DateTimeField(auto_now=True)

    situation = sealed("situation")
    automatic_thought = sealed("automatic_thought")
    emotions = sealed("emotions")
    evidence_for = sealed("evidence_for")
    evidence_against = sealed("evidence_against")
    balanced_thought = sealed("balanced_thought")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"thought record {self.created:%Y-%m-%d %H:%M}"  # never the text

    def texts(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.SEALED_FIELDS}


class JournalEntry(SealedModel):
    """A journal entry, written to a prompt or freely (``prompt`` empty)."""

    SEALED_FIELDS = ("text",)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    prompt = models.CharField(max_length=40, blank=True, default="")  # catalog.PROMPTS code
    text_sealed = models.TextField(blank=True, default="")
    created = models.DateTimeField()
    updated = models.DateTimeField(auto_now=True)

    text = sealed("text")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"journal {self.created:%Y-%m-%d %H:%M}"  # never the text


SEALED_MODELS: tuple[type[SealedModel], ...] = (Worry, ThoughtRecord, JournalEntry)
