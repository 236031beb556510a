"""Who an account is for: a person keeping their own diary, or a professional reading what
people chose to share with them (a clinician) or what a study collects (a researcher).

A professional sees other people's data, so their account must prove a second factor
(TOTP) in the current session before any such page or API route answers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from vagus.accounts.models import User


class Role(models.TextChoices):
    PERSON = "person", "Person keeping a diary"
    CLINICIAN = "clinician", "Clinician"
    RESEARCHER = "researcher", "Researcher"


PROFESSIONAL_ROLES = frozenset({Role.CLINICIAN, Role.RESEARCHER})


def is_professional(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and getattr(user, "role", Role.PERSON) in PROFESSIONAL_ROLES)


def second_factor_proven(user: User | AnonymousUser) -> bool:
    """True once this session has passed a TOTP or recovery-code check (django-otp)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and is_verified is not None and is_verified())


View = Callable[..., HttpResponse]


def professional_required(*roles: Role) -> Callable[[View], View]:
    """A view only a signed-in account of one of ``roles`` with a proven second factor sees.

    Anyone else gets "not found" (no hint the page exists); a professional who has not yet
    proven a second factor in this session is sent to set it up or enter a code.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            # Imported here: the account model imports this module while apps still load.
            from django.contrib.auth.views import redirect_to_login
            from django.shortcuts import redirect

            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if getattr(user, "role", Role.PERSON) not in roles:
                raise Http404("Not found")
            if not second_factor_proven(user):
                return redirect("accounts:two_factor")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
