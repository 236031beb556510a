"""A browser or phone that agreed to receive this person's notifications (Web Push)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet


class PushSubscription(models.Model):
    """One device's push address and the keys its messages are encrypted to.

    A device registration, not health data: it is left out of backups (the keys belong to
    that browser and mean nothing on another server) and goes with the account.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=2000)
    p256dh = models.CharField(max_length=200)  # the browser's public key (base64url)
    auth = models.CharField(max_length=100)  # the shared authentication secret (base64url)
    user_agent = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "endpoint"], name="push_one_per_endpoint")
        ]

    def __str__(self) -> str:
        return f"push subscription {self.uuid}"

    def as_subscription_info(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
