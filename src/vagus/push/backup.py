"""Push subscriptions are not part of a backup (see vagus.backup.registry.not_backed_up)."""

from __future__ import annotations

from vagus.backup.registry import not_backed_up

not_backed_up(
    "push.PushSubscription",
    "a device registration, not health data: its keys belong to one browser and are useless "
    "on another server; the device subscribes again after a restore",
)
