"""The one path to personal data: every query names its owner.

Views never load a row and then check who owns it; they ask for the row *of this person*,
so a wrong id is simply "not found" (404), never someone else's data.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.http import Http404

M = TypeVar("M", bound=models.Model)


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user: Any) -> OwnedQuerySet:
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


def owned_or_404(model: type[M], user: Any, **lookup: Any) -> M:
    """The row matching ``lookup`` that belongs to ``user``, or 404."""
    try:
        return model.objects.owned_by(user).get(**lookup)  # type: ignore[attr-defined]
    except (model.DoesNotExist, ValueError) as exc:  # ValueError: malformed id
        raise Http404("Not found") from exc
