"""Send a notification to every device a person subscribed (Web Push, RFC 8030/8291/8292).

The reminders worker calls ``send``; it retries on ``PushRetry``. A subscription the push
service says is gone (404/410: the person unsubscribed or cleared the browser) is removed
here, so no one is pushed to forever.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

import requests
from pywebpush import WebPushException, webpush  # type: ignore[import-untyped]

from vagus.push import vapid
from vagus.push.models import PushSubscription

if TYPE_CHECKING:
    from vagus.accounts.models import User

log = logging.getLogger(__name__)

PAYLOAD_KEYS = ("title", "body", "url", "snooze_url", "tag")
# A reminder older than a day is no use: the push service may drop it after that.
TIME_TO_LIVE = 24 * 3600
TIMEOUT_SECONDS = 10
GONE = {404, 410}


class PushRetry(Exception):
    """The push service (or the way to it) failed for now: try again later.

    ``delivered`` counts the devices that did take the message before the failure.
    """

    def __init__(self, message: str, delivered: int = 0) -> None:
        super().__init__(message)
        self.delivered = delivered


def _payload_json(payload: dict) -> str:
    unknown = set(payload) - set(PAYLOAD_KEYS)
    if unknown:
        raise ValueError(f"unknown notification keys: {', '.join(sorted(unknown))}")
    if not payload.get("title"):
        raise ValueError("a notification needs a title")
    return json.dumps({key: payload[key] for key in PAYLOAD_KEYS if payload.get(key)})


def send(user: User, payload: dict) -> int:
    """Push ``payload`` (title, body, url, snooze_url, tag) to each of the person's devices.

    Returns how many devices' push services accepted it. Raises ``PushRetry`` after trying
    every device if any failed for a reason that may pass (5xx, 429, timeout, no connection).
    """
    data = _payload_json(payload)
    key = vapid.signing_key()
    delivered = 0
    failures: list[str] = []
    for subscription in PushSubscription.objects.owned_by(user).order_by("created"):
        try:
            webpush(
                subscription.as_subscription_info(),
                data=data,
                vapid_private_key=key,
                vapid_claims={"sub": vapid.contact()},
                content_encoding="aes128gcm",
                timeout=TIMEOUT_SECONDS,
                ttl=TIME_TO_LIVE,
                headers={"Urgency": "normal"},
            )
        except WebPushException as exc:
            status = exc.response.status_code if exc.response is not None else None
            if status in GONE:
                subscription.delete()
            elif status is None or status >= 500 or status == 429:
                failures.append(f"{status or 'no answer'}")
            else:
                # 400/401/403/413: this message or key is refused and resending will not help.
                log.warning("push refused (%s) for subscription %s", status, subscription.uuid)
        except requests.RequestException as exc:
            failures.append(type(exc).__name__)
        else:
            delivered += 1
    if failures:
        reasons = ", ".join(failures)
        raise PushRetry(f"push failed for {len(failures)} device(s): {reasons}", delivered)
    return delivered
