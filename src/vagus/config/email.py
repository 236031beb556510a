"""VAGUS_EMAIL_URL read into Django's SMTP settings.

``smtp://user:pass@host:25`` (no encryption: a relay on the same machine), ``smtp+tls://…``
(STARTTLS, port 587 by default) and ``smtp+ssl://…`` (TLS from the start, port 465 by
default). User and password may be percent-encoded.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

# scheme → (default port, STARTTLS, TLS from the start)
SCHEMES = {
    "smtp": (25, False, False),
    "smtp+tls": (587, True, False),
    "smtp+ssl": (465, False, True),
}


def email_settings(url: str) -> dict[str, Any]:
    """Django's EMAIL_* settings for ``url``; empty when ``url`` is empty (no email)."""
    url = url.strip()
    if not url:
        return {}
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ValueError(
            f"the scheme must be one of {', '.join(s + '://' for s in SCHEMES)}, "
            f"not “{parts.scheme}://”"
        )
    if not parts.hostname:
        raise ValueError("it names no host")
    default_port, tls, ssl = SCHEMES[parts.scheme]
    try:
        port = parts.port or default_port
    except ValueError:
        raise ValueError("its port is not a number") from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
        "EMAIL_TIMEOUT": 20,
    }
