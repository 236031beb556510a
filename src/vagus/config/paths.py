"""Where Vagus keeps its files: one data directory, chosen by VAGUS_DATA_DIR."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def data_dir() -> Path:
    """The data directory, created on first use (SQLite database, secret key)."""
    configured = os.environ.get("VAGUS_DATA_DIR")
    path = Path(configured) if configured else Path.home() / ".local" / "share" / "vagus"
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    """VAGUS_SECRET_KEY, or a key generated on first run and kept in the data directory.

    Generated rather than defaulted so that no two installations share a key, and kept so
    that sessions survive a restart.
    """
    configured = os.environ.get("VAGUS_SECRET_KEY")
    if configured:
        return configured
    key_file = data_dir() / "secret_key"
    if not key_file.exists():
        # O_EXCL: if two processes start at once, only one writes; the other reads its key.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()
