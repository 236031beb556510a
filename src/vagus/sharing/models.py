"""A share: one person lets one clinician read some of their data, until an end date.

It starts as an invitation (a one-time code, only its hash stored, valid for 7 days) and
becomes a share when a clinician accepts the code. It ends at ``ends``, when the person
revokes it, or when the clinician's account is deleted (``clinician`` becomes empty).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from vagus.ownership import OwnedQuerySet, Scope

INVITATION_VALID_FOR = timedelta(days=7)
DEFAULT_LENGTH = timedelta(days=90)
SCOPE_LABELS = {
    Scope.QUESTIONNAIRES: "Questionnaires (GAD-7, PHQ and others)",
    Scope.DIARY: "Diary values (anxiety, gut, sleep and the rest)",
    Scope.MEALS: "Meals",
    Scope.EXPERIMENTS: "Self-experiments",
    Scope.TOOLS: "How the coping tools helped (ratings)",
    Scope.REPORTS: "Reports",
    Scope.WRITING: "Journal and thought-record text",
}


class ShareQuerySet(OwnedQuerySet["Share"]):
    def active(self) -> ShareQuerySet:
        """Accepted, by a clinician who still has an account, not revoked, not ended."""
        return self.filter(
            clinician__isnull=False,
            accepted_at__isnull=False,
            revoked_at__isnull=True,
            ends__gt=timezone.now(),
        )

    def invitation(self, code: str) -> ShareQuerySet:
        """The open invitation with this code, if there is one (unused, unexpired)."""
        return self.filter(
            code_hash=Share.hash(code),
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            code_expires__gt=timezone.now(),
        )


class Share(models.Model):
    PREFIX = "vgs-share-"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares"
    )
    # Empty until accepted; emptied when the clinician's account is deleted, which ends it.
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shares_received",
    )
    clinician_name = models.CharField(max_length=150, blank=True)  # kept for the person's list
    scopes = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
    ends = models.DateTimeField()
    code_hash = models.CharField(max_length=64, unique=True)
    code_expires = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # When the clinician last opened this person's pages: newer safety events come first.
    last_visit = models.DateTimeField(null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"share {self.uuid}"

    @staticmethod
    def hash(raw: str) -> str:
        # A random 96-bit code that expires in a week needs no slow hash.
        return hashlib.sha256(raw.strip().encode()).hexdigest()

    @staticmethod
    def new_code() -> str:
        return Share.PREFIX + secrets.token_urlsafe(12)

    @property
    def scope_list(self) -> list[Scope]:
        return [s for s in Scope if s.value in self.scopes]

    @property
    def scope_labels(self) -> list[str]:
        return [SCOPE_LABELS[s] for s in self.scope_list]

    @property
    def is_open(self) -> bool:
        return self.status in ("active", "invited")

    @property
    def status(self) -> str:
        now = timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.accepted_at is None:
            return "invited" if self.code_expires > now else "invitation expired"
        if self.clinician is None:
            return "ended (the clinician's account was closed)"
        if self.ends <= now:
            return "ended"
        return "active"
