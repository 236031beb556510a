from __future__ import annotations

from typing import Any

# The evidence library is public reading matter, not anyone's rows.
PUBLIC_PARAMS = {"entry_code": ["probiotics-anxiety"]}
# Learn pages are open to anyone, signed in or not.
PUBLIC_ROUTES = {"learn:*"}


def build(user: Any, secret: str) -> None:
    """Learn stores nothing about a person."""
