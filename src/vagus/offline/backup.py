"""The offline sync's seen keys are not part of a backup (see vagus.backup.registry)."""

from __future__ import annotations

from vagus.backup.registry import not_backed_up

not_backed_up(
    "offline.SyncedKey",
    "bookkeeping of which queued edits a device has sent; the edits themselves are in the "
    "diary sections",
)
