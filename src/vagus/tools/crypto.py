"""Encryption at rest for the free text people write in the tools (thoughts, journal, worries).

AES-256-GCM (``cryptography``'s AEAD): authenticated, so a wrong key or a changed byte raises
instead of returning garbage. Each value is bound to its row through the associated data
(model, field, row uuid, owner), so a ciphertext copied into another row or another person's
row fails to open rather than showing up in the wrong place.

Keys. ``VAGUS_ENCRYPTION_KEY`` (one or more keys separated by commas, newest first), else the
file ``encryption_key`` in the data directory, generated on first use (0600, written once
like the secret key; one key a line, newest first). New text is sealed with the first
key; any listed key opens old text, which is what lets ``vagus rotate-key`` move every row to
a new key without a window in which some rows cannot be read.

Stored form: ``v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>``; the key id is the first
8 hex digits of SHA-256 of the key, so the right key is found without trying them all and a
missing key is named as missing, not as corruption.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vagus.config.paths import data_dir, write_once

ENV = "VAGUS_ENCRYPTION_KEY"
KEY_FILE = "encryption_key"
VERSION = "v1"
_NONCE = 12


class EncryptionKeyError(RuntimeError):
    """The text cannot be opened with the keys Vagus has: never shown as garbage."""


@dataclass(frozen=True)
class KeyRing:
    keys: tuple[bytes, ...]  # newest (the one new text is sealed with) first

    @property
    def primary(self) -> bytes:
        return self.keys[0]

    def by_id(self) -> dict[str, bytes]:
        return {key_id(k): k for k in self.keys}


def key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


def new_key() -> str:
    """A fresh key as text (base64url of 32 random bytes), for the key file or the variable."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def parse_keys(text: str, where: str) -> tuple[bytes, ...]:
    """Keys from the variable (comma-separated) or the file (one a line, ``#`` comments)."""
    keys = []
    lines = [line for line in text.splitlines() if not line.strip().startswith("#")]
    for raw in ",".join(lines).split(","):
        raw = raw.strip()
        if not raw:
            continue
        try:
            key = base64.urlsafe_b64decode(raw.encode())
        except ValueError:
            key = b""
        if len(key) != 32:
            raise EncryptionKeyError(
                f"{where}: each key must be 32 random bytes in base64url "
                "(make one with `vagus rotate-key --print-new-key`)."
            )
        keys.append(key)
    if not keys:
        raise EncryptionKeyError(f"{where}: no encryption key found.")
    return tuple(keys)


def key_file() -> Path:
    return data_dir() / KEY_FILE


def _create_key_file(path: Path) -> None:
    # When two processes start at once, both end up reading the one key that won.
    write_once(path, lambda: _file_text([new_key()]))


def _file_text(keys: list[str]) -> str:
    return (
        "# Vagus encryption key(s) for thought records, journal entries and worries.\n"
        "# Back this file up somewhere safe: without it that text cannot be read.\n"
        "# Newest key first; older keys only open text not yet re-encrypted.\n"
        + "".join(k + "\n" for k in keys)
    )


def write_key_file(keys: list[str]) -> None:
    """Replace the key file in one step (write aside, then rename), keeping it 0600."""
    path = key_file()
    temporary = path.with_name(f".{KEY_FILE}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(_file_text(keys))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _cache.clear()


_cache: dict[tuple[str | None, str, int], KeyRing] = {}


def keyring() -> KeyRing:
    """The keys in use: the variable if set, else the key file (made on first use)."""
    configured = os.environ.get(ENV)
    if configured:
        cache_key: tuple[str | None, str, int] = (configured, "", 0)
        if cache_key not in _cache:
            _cache[cache_key] = KeyRing(parse_keys(configured, ENV))
        return _cache[cache_key]
    path = key_file()
    if not path.exists():
        _create_key_file(path)
    # Cached by modification time, so a rotation by another process is picked up.
    cache_key = (None, str(path), path.stat().st_mtime_ns)
    if cache_key not in _cache:
        _cache.clear()
        _cache[cache_key] = KeyRing(parse_keys(path.read_text(), str(path)))
    return _cache[cache_key]


def encrypt(plaintext: str, context: str, ring: KeyRing | None = None) -> str:
    """Seal ``plaintext``; ``context`` (which row and field) must be given again to open it."""
    ring = ring or keyring()
    nonce = secrets.token_bytes(_NONCE)
    sealed = AESGCM(ring.primary).encrypt(nonce, plaintext.encode("utf-8"), context.encode())
    body = base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")
    return f"{VERSION}.{key_id(ring.primary)}.{body}"


def decrypt(token: str, context: str, ring: KeyRing | None = None) -> str:
    """The plaintext, or EncryptionKeyError saying why it cannot be opened."""
    ring = ring or keyring()
    try:
        version, kid, body = token.split(".", 2)
    except ValueError:
        raise EncryptionKeyError("stored text is not in the encrypted format") from None
    if version != VERSION:
        raise EncryptionKeyError(f"stored text uses an unknown format “{version}”")
    key = ring.by_id().get(kid)
    if key is None:
        raise EncryptionKeyError(
            f"this text was encrypted with a key Vagus does not have (key id {kid}). Restore "
            f"the key file from your backup, or set {ENV} to that key (see docs/tools.md)."
        )
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        plain = AESGCM(key).decrypt(raw[:_NONCE], raw[_NONCE:], context.encode())
    except (InvalidTag, ValueError):
        raise EncryptionKeyError(
            "stored text failed its integrity check: it was changed, or belongs to another row"
        ) from None
    return plain.decode("utf-8")
