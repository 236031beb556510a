from __future__ import annotations

from typing import Any

from vagus.accounts.models import AccessToken


def build(user: Any, secret: str) -> None:
    AccessToken.issue(user, f"{secret} token")
