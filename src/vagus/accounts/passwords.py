"""Checking a signed-in person's password again (to change it, or to delete the account).

Each check goes through ``authenticate()``, as a login does, so django-axes counts the wrong
ones against the same username-and-address limit and, once it is reached, refuses every
check for the cool-off time, the right password included; its middleware then answers with
the calm "too many attempts" page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from axes.helpers import get_client_ip_address
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest

if TYPE_CHECKING:
    from vagus.accounts.models import User


def password_is_right(request: HttpRequest | None, user: User, password: str) -> bool:
    if request is None:
        raise ValueError("a password check needs the request, so repeated failures are counted")
    checked = authenticate(request, username=user.get_username(), password=password)
    right = checked is not None and checked.pk == user.pk
    if right and settings.AXES_RESET_ON_SUCCESS:
        # As after a good login: earlier slips from here no longer count.
        reset(ip=get_client_ip_address(request), username=user.get_username())
    return right
