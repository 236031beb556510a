"""The keys of edits a device queued offline and has sent, so each is stored exactly once."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet


class SyncedKey(models.Model):
    """One queued edit that has been stored, by the key its device gave it.

    Written in the same transaction as the edit's values: if the key is here, the values are
    too. Bookkeeping, not health data: left out of backups, deleted with the account.
    """

    KINDS = [("checkin", "check-in"), ("meal", "meal")]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="synced_keys"
    )
    key = models.UUIDField()
    kind = models.CharField(max_length=10, choices=KINDS)
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="offline_key_once_per_owner")
        ]

    def __str__(self) -> str:
        return f"synced {self.kind} {self.key}"
