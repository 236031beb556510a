"""Rules for free text that hold everywhere Vagus stores it."""

from __future__ import annotations

# PostgreSQL text cannot hold a NUL character (SQLite can): refusing it at the door keeps both
# databases storing the same things, and a stray NUL is never something a person meant to write.
NUL = "\x00"


def has_nul(*texts: str | None) -> bool:
    return any(NUL in text for text in texts if text)
