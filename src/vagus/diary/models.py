"""Measures, observations, notes and meals: the diary's data, always owned by one person."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q

from vagus.diary import kinds
from vagus.ownership import OwnedQuerySet

if TYPE_CHECKING:
    from vagus.accounts.models import User


class MeasureQuerySet(OwnedQuerySet["Measure"]):
    def available_to(self, user: User) -> MeasureQuerySet:
        """Built-in measures plus the person's own, never anyone else's."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.filter(owner__isnull=True)
        return self.filter(Q(owner__isnull=True) | Q(owner=user))

    def active(self) -> MeasureQuerySet:
        return self.filter(archived=False)


class Measure(models.Model):
    """A thing a person logs: built in (owner is empty) or their own."""

    DIRECTIONS = [("better", "Higher is better"), ("worse", "Higher is worse"), ("", "Neither")]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="custom_measures",
    )
    code = models.SlugField(max_length=64)
    label = models.CharField(max_length=80)
    kind = models.CharField(max_length=16, choices=[(k, v.label) for k, v in kinds.KINDS.items()])
    direction = models.CharField(max_length=8, choices=DIRECTIONS, blank=True, default="")
    help_text = models.CharField(max_length=200, blank=True, default="")
    loinc = models.CharField(max_length=16, blank=True, default="")
    position = models.IntegerField(default=1000)
    archived = models.BooleanField(default=False)
    # Questionnaire totals are measures too (one tall table), but are never typed in a check-in.
    on_checkin = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(owner__isnull=True), name="unique_builtin_code"
            ),
            models.UniqueConstraint(fields=["owner", "code"], name="unique_custom_code"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_custom(self) -> bool:
        return self.owner_id is not None

    @property
    def kind_spec(self) -> kinds.Kind:
        return kinds.KINDS[self.kind]

    def clean_value(self, value: object) -> float:
        """The value as stored, or ValueError naming this measure."""
        return kinds.check_value(self.kind_spec, value, self.code)


class Observation(models.Model):
    """One value of one measure on one of the owner's calendar days: the single tall table."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observations"
    )
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="observations")
    day = models.DateField()
    time = models.DateTimeField(null=True, blank=True)
    value = models.FloatField()
    source = models.CharField(max_length=40, default="checkin")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["day", "measure__position"]
        indexes = [
            models.Index(fields=["owner", "day"]),
            models.Index(fields=["owner", "measure", "day"]),
        ]
        constraints = [
            # One check-in value per measure and day; imports may hold several timed entries.
            models.UniqueConstraint(
                fields=["owner", "measure", "day"],
                condition=Q(source="checkin"),
                name="one_checkin_value_per_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.measure_id}={self.value:g}"


class DayNote(models.Model):
    """The free text of a day's check-in."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="day_notes"
    )
    day = models.DateField()
    text = models.TextField(blank=True, default="", max_length=4000)
    supplement_name = models.CharField(max_length=120, blank=True, default="")
    updated = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["owner", "day"], name="one_note_per_day")]

    def __str__(self) -> str:
        return f"note {self.day}"

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.supplement_name)


class Meal(models.Model):
    """A meal as the person wrote it. The analysis is derived from the text, never typed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meals"
    )
    day = models.DateField()
    eaten_at = models.DateTimeField()
    text = models.TextField(max_length=2000)
    analysis = models.JSONField(null=True, blank=True)
    source = models.CharField(max_length=40, default="diary")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-eaten_at"]
        indexes = [models.Index(fields=["owner", "day"])]

    def __str__(self) -> str:
        return f"{self.eaten_at:%Y-%m-%d %H:%M} {self.text[:40]}"


class CustomFood(models.Model):
    """A food a person taught Vagus ("mum's stew"), used when their meals are analysed.

    ``groups`` is a JSON list drawn from ``vagus.science.foods.GROUPS`` (checked by
    ``vagus.diary.nutrition.add_custom_food``); it applies to this person's meals only.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="custom_foods"
    )
    name = models.CharField(max_length=80)
    groups = models.JSONField(default=list, blank=True)
    plant = models.CharField(max_length=80, blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="unique_custom_food_name")
        ]

    def __str__(self) -> str:
        return self.name


class MeasureChoice(models.Model):
    """Where one measure sits on one person's check-in, and their own name for it.

    Built-in measures are shared rows (no owner), so everything personal about them lives
    here: the quick check-in, the optional "More" section or hidden; the order; a label and a
    direction of the person's own. A measure without a row takes the defaults
    (``vagus.diary.choices``).
    """

    QUICK, MORE, HIDDEN = "quick", "more", "hidden"
    PLACEMENTS = [(QUICK, "Quick check-in"), (MORE, "More"), (HIDDEN, "Hidden")]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_choices"
    )
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="choices")
    placement = models.CharField(max_length=8, choices=PLACEMENTS, default=MORE)
    position = models.IntegerField(default=0)
    label = models.CharField(max_length=80, blank=True, default="")  # "": the measure's own
    # None: the measure's own direction ("" is a real choice: neither).
    direction = models.CharField(
        max_length=8, choices=Measure.DIRECTIONS, null=True, blank=True, default=None
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["placement", "position"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "measure"], name="one_choice_per_measure")
        ]

    def __str__(self) -> str:
        return f"{self.placement} {self.position}"


class HiddenCard(models.Model):
    """A Today card a person hid for one of their days; it is back the next day."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hidden_cards"
    )
    card = models.CharField(max_length=80)  # vagus.today.card_key of the card function
    day = models.DateField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["day", "card"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "card", "day"], name="hide_card_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.card} hidden on {self.day}"
