"""Studies, their consent versions, and each participant's enrolment and consents.

A study and its consent texts belong to the researcher who runs it (``owner``). An enrolment
and its consents belong to the participant (``owner``): they are in the participant's export
and go with their account. The study reads the participant's diary live through the
enrolment's window (``vagus.studies.queries``); nothing is copied.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from vagus.ownership import OwnedQuerySet


def new_invite_code() -> str:
    return secrets.token_urlsafe(12)


class Study(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="studies"
    )
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=4000, blank=True, default="")
    protocol = models.JSONField(default=dict)
    target_size = models.PositiveIntegerField(default=30)
    starts = models.DateField()
    ends = models.DateField(null=True, blank=True)
    contact = models.EmailField(max_length=254)
    # The study link's secret part: whoever has it may ask to join.
    invite_code = models.CharField(max_length=32, unique=True, default=new_invite_code)
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name_plural = "studies"

    def __str__(self) -> str:
        return self.title

    def current_consent(self) -> ConsentVersion:
        return self.consent_versions.order_by("-number").first()  # type: ignore[return-value]


def consent_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ConsentVersion(models.Model):
    """One wording of a study's consent; any change of the text makes the next version."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="consent_versions")
    number = models.PositiveIntegerField()
    text = models.TextField(max_length=20000)
    sha256 = models.CharField(max_length=64)
    # From this moment on, participants who agreed to an earlier version must agree again.
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["study", "number"]
        constraints = [
            models.UniqueConstraint(fields=["study", "number"], name="one_consent_version_number")
        ]

    def __str__(self) -> str:
        return f"consent v{self.number}"


class Enrolment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="enrolments")
    pseudonym = models.CharField(max_length=16)
    enrolled_on = models.DateField()  # the participant's calendar day they joined
    enrolled_at = models.DateTimeField(default=timezone.now)
    # The participant chose to let the study see their diary from before they joined.
    shares_earlier = models.BooleanField(default=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    # Withdrawn and, as consented, the study no longer sees any of their data.
    data_removed = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["enrolled_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["study", "owner"], name="one_enrolment_per_study"),
            models.UniqueConstraint(fields=["study", "pseudonym"], name="unique_study_pseudonym"),
        ]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def latest_consent(self) -> Consent | None:
        return self.consents.order_by("-given_at", "-id").first()


class Consent(models.Model):
    """A participant's consent to one version of the text, with their explicit choices."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_consents"
    )
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="consents")
    version_number = models.PositiveIntegerField()
    version_sha256 = models.CharField(max_length=64)
    given_at = models.DateTimeField()
    keep_data_on_withdrawal = models.BooleanField()
    tell_contact_of_safety_events = models.BooleanField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["given_at", "id"]

    def __str__(self) -> str:
        return f"consent v{self.version_number} at {self.given_at:%Y-%m-%d}"
