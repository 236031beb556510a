"""Shared constants for tests (importable because tests/ is on the path via conftest)."""

from __future__ import annotations

PASSWORD = "a-long-calm-passphrase-42"
