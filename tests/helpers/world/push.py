from __future__ import annotations

from typing import Any

from vagus.push.models import PushSubscription


def build(user: Any, secret: str) -> None:
    PushSubscription.objects.create(
        owner=user,
        endpoint=f"https://push.example.org/{user.username}/{secret.replace(' ', '-')}",
        p256dh="BPublicKeyOfTheBrowser",
        auth="sharedSecret",
        user_agent=f"{secret} browser",
    )
