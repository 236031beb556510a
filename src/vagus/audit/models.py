"""Audit rows: who made which important write, when, with what counts.

A person's rows belong to them (exported with their data, deleted with their account). The
row recording an account's deletion has no owner and no actor and names no one, so it is
all that remains of the account.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet

ACTIONS = [
    ("account.delete", "account deleted"),
    ("backup.restore", "backup restored"),
    ("import.publish", "import written"),
    ("import.remove_source", "import source removed"),
    ("keys.rotate", "encryption key rotated"),
    ("share.create", "share invitation made"),
    ("share.accept", "share accepted by a clinician"),
    ("share.revoke", "share revoked"),
    # A clinician read the person's data under a share (detail: what, share, address).
    ("share.read", "shared data read"),
    # A researcher saw this person's study data (monitor or export); detail names the study.
    ("study.read", "study data read by its researcher"),
]


class AuditEvent(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    # Who did it: the owner today; a clinician or researcher once sharing exists.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=40, choices=ACTIONS)
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"
