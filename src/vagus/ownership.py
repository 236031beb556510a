"""The one path to personal data: every query names its owner.

Views never load a row and then check who owns it; they ask for the row *of this person*,
so a wrong id is simply "not found" (404), never someone else's data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404, HttpRequest

if TYPE_CHECKING:
    from typing import Self

    from django.contrib.auth.models import AnonymousUser

    from vagus.accounts.models import User

M = TypeVar("M", bound=models.Model)


class AuthenticatedHttpRequest(HttpRequest):
    """A request behind ``login_required`` (or the API's auth): its user is a real person."""

    user: User


class OwnedQuerySet(models.QuerySet[M]):
    def owned_by(self, user: User | AnonymousUser | None) -> Self:
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


def owned_or_404(model: type[M], user: User | AnonymousUser | None, **lookup: Any) -> M:
    """The row matching ``lookup`` that belongs to ``user``, or 404."""
    rows: models.QuerySet[M] = model._default_manager.all()  # its one manager, ``objects``
    if not isinstance(rows, OwnedQuerySet):
        raise TypeError(f"{model.__name__} rows are not owned by a person")
    try:
        found: M = rows.owned_by(user).get(**lookup)
    except (ObjectDoesNotExist, ValueError) as exc:  # ValueError: malformed id
        raise Http404("Not found") from exc
    return found
