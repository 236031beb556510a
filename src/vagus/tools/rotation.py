"""Key rotation: every sealed row moved to a new key in one transaction."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from django.db import transaction

from vagus.audit import record
from vagus.tools import crypto
from vagus.tools.models import SEALED_MODELS


@dataclass(frozen=True)
class Rotated:
    rows: int
    key_id: str  # the key every row is now sealed with
    from_environment: bool


def _text(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode()


def reseal_all(ring: crypto.KeyRing) -> int:
    """Seal every row again with ``ring.primary``; all or nothing (one transaction).

    A row no key in ``ring`` can open raises EncryptionKeyError and nothing is changed.
    """
    count = 0
    with transaction.atomic():
        for model in SEALED_MODELS:
            columns = [f"{name}_sealed" for name in model.SEALED_FIELDS]
            manager = model._default_manager  # each sealed model's one manager, ``objects``
            rows = list(manager.select_for_update().order_by("pk"))
            for row in rows:
                row.reseal(ring)
            manager.bulk_update(rows, columns, batch_size=500)
            count += len(rows)
        record("keys.rotate", None, detail={"rows": count, "key_id": crypto.key_id(ring.primary)})
    return count


def rotate() -> Rotated:
    """Move every row to a new key.

    With a key file: a new key is written first *beside* the old (so every row stays readable
    if anything stops half-way), the rows are re-encrypted, then the old key is removed.
    With VAGUS_ENCRYPTION_KEY: the operator puts the new key first in the variable; this moves
    every row to it, and the operator then removes the old key from the variable.
    """
    if os.environ.get(crypto.ENV):
        ring = crypto.keyring()
        if len(ring.keys) < 2:
            raise crypto.EncryptionKeyError(
                f"{crypto.ENV} holds one key. Put a new key in front of it "
                f"({crypto.ENV}=<new>,<old>; make one with `vagus rotate-key --print-new-key`), "
                "restart Vagus, then run `vagus rotate-key` again."
            )
        rows = reseal_all(ring)
        return Rotated(rows, crypto.key_id(ring.primary), True)
    old = crypto.keyring()
    old_texts = [_text(k) for k in old.keys]
    fresh = crypto.new_key()
    crypto.write_key_file([fresh, *old_texts])
    try:
        rows = reseal_all(crypto.keyring())
    except Exception:
        crypto.write_key_file(old_texts)  # nothing was re-encrypted: put the file back
        raise
    crypto.write_key_file([fresh])
    return Rotated(rows, crypto.key_id(crypto.keyring().primary), False)
