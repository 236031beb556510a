"""The server's Web Push identity (VAPID): a P-256 key generated on first run, kept private.

Push services accept a message only when it is signed with the key the browser subscribed
with, so the key must survive restarts: it lives in the data directory beside the secret key.
"""

from __future__ import annotations

import base64
import os
from email.utils import parseaddr
from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid  # type: ignore[import-untyped]

from vagus.config.paths import private_file

KEY_FILE = "vapid_private_key.pem"
# Push services may write to this address about misuse; an operator should set a real one.
DEFAULT_CONTACT = "mailto:operator@vagus.invalid"


def _new_key_pem() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return pem.decode()


@cache
def _vapid_for(pem: str) -> Vapid:
    return Vapid.from_pem(pem.encode())


def signing_key() -> Vapid:
    """The kept key (generated now if this is the first run)."""
    return _vapid_for(private_file(KEY_FILE, _new_key_pem))


def public_key() -> str:
    """The key a browser subscribes with (applicationServerKey): base64url, no padding."""
    point = signing_key().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode()


def contact() -> str:
    """The ``sub`` claim: VAGUS_PUSH_CONTACT, else the mail sender, as a mailto: address."""
    configured = os.environ.get("VAGUS_PUSH_CONTACT") or os.environ.get("VAGUS_EMAIL_FROM", "")
    configured = configured.strip()
    if not configured:
        return DEFAULT_CONTACT
    if configured.startswith(("mailto:", "https://")):
        return configured
    address = parseaddr(configured)[1]  # "Vagus <vagus@example.org>" → the address
    return f"mailto:{address}" if "@" in address else DEFAULT_CONTACT
