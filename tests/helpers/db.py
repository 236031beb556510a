"""Test helpers that need Django (kept apart so ``tests.helpers`` imports without it)."""

from __future__ import annotations

from tests.helpers import PASSWORD


def make_person(username: str, time_zone: str = "Europe/London"):
    from vagus.accounts.models import User

    user = User(username=username, time_zone=time_zone)
    user.set_password(PASSWORD)
    user.save()
    return user
