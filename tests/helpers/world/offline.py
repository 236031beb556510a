from __future__ import annotations

import uuid
from typing import Any

from vagus.offline.models import SyncedKey

# The manifest, the service worker and the offline page are public: they hold nothing personal.
PUBLIC_ROUTES = {"offline:*"}


def build(user: Any, secret: str) -> None:
    SyncedKey.objects.create(owner=user, key=uuid.uuid4(), kind="checkin")
