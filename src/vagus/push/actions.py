"""Subscribing and unsubscribing a device, each one short write."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from vagus.push.models import PushSubscription

if TYPE_CHECKING:
    from vagus.accounts.models import User


class SubscriptionError(ValueError):
    """A subscription the browser sent that cannot be used; the message says why."""


def check_endpoint(endpoint: str) -> str:
    """Push services speak HTTPS, from the hosts in ``VAGUS_PUSH_SERVICES``; anything else is
    not a browser's push address (and must not make the server post somewhere else)."""
    parts = urlsplit(endpoint.strip())
    if parts.scheme != "https" or not parts.hostname or len(endpoint) > 2000:
        raise SubscriptionError("This browser gave a push address that cannot be used.")
    if not is_push_service(parts.hostname):
        raise SubscriptionError(
            "This browser's push service is not one this server sends to; "
            "the server's operator can add it (VAGUS_PUSH_SERVICES)."
        )
    return endpoint.strip()


def is_push_service(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(
        host.endswith(allowed) if allowed.startswith(".") else host == allowed
        for allowed in settings.VAGUS_PUSH_SERVICES
    )


def subscribe(
    user: User, endpoint: str, p256dh: str, auth: str, user_agent: str = ""
) -> PushSubscription:
    """Remember this device; subscribing the same device again refreshes its keys."""
    endpoint = check_endpoint(endpoint)
    if not p256dh or not auth or len(p256dh) > 200 or len(auth) > 100:
        raise SubscriptionError("This browser gave push keys that cannot be used.")
    with transaction.atomic():
        subscription, _ = PushSubscription.objects.owned_by(user).update_or_create(
            owner=user,
            endpoint=endpoint,
            defaults={"p256dh": p256dh, "auth": auth, "user_agent": user_agent[:300]},
        )
    return subscription


def unsubscribe(user: User, endpoint: str) -> int:
    """Forget this device (only this person's subscription with that address)."""
    count, _ = PushSubscription.objects.owned_by(user).filter(endpoint=endpoint).delete()
    return count
