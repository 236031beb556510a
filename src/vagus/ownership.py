"""The one path to personal data: every query names its owner.

Views never load a row and then check who owns it; they ask for the row *of this person*,
so a wrong id is simply "not found" (404), never someone else's data.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
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


# The access path for anyone but the owner ------------------------------------------------
#
# A viewer reads another person's rows only under a grant: today a clinician's share. The
# grant is found once, from the viewer and the person's id, before anything is loaded; every
# read then asks for the rows *of the grant's owner* through ``readable_by``. A grant never
# writes: there is no write path for anyone but the owner.


class Scope(StrEnum):
    """What a share may show: each value names the pages and API data it opens."""

    QUESTIONNAIRES = "questionnaires"
    DIARY = "diary"
    MEALS = "meals"
    EXPERIMENTS = "experiments"
    TOOLS = "tools"
    REPORTS = "reports"
    # Journal and thought-record text: only if the person ticks it separately.
    WRITING = "writing"


@dataclass(frozen=True)
class Grant:
    """May ``viewer`` read ``owner``'s rows of ``scopes``, and which share says so.

    The owner's own grant has every scope, may write and names no share.
    """

    viewer: User
    owner: User
    scopes: frozenset[Scope]
    share_uuid: uuid.UUID | None = None

    @property
    def is_owner(self) -> bool:
        return self.share_uuid is None

    @property
    def may_write(self) -> bool:
        return self.is_owner

    def allows(self, scope: Scope) -> bool:
        return scope in self.scopes


def own_grant(user: User) -> Grant:
    return Grant(viewer=user, owner=user, scopes=frozenset(Scope))


def grant_for(
    viewer: User | AnonymousUser | None, owner_uuid: object, scope: Scope | None = None
) -> Grant:
    """The grant under which ``viewer`` reads the person ``owner_uuid`` (``scope`` if given),
    or 404: no share, a share not yet accepted, ended, revoked, or without that scope.

    Asked afresh on every request, so a revocation counts from the next request on.
    """
    if viewer is None or not viewer.is_authenticated:
        raise Http404("Not found")
    user = viewer
    own = str(owner_uuid) == str(user.uuid)
    grant = own_grant(user) if own else _share_grant(user, owner_uuid)
    if scope is not None and not grant.allows(scope):
        raise Http404("Not found")
    return grant


def _share_grant(viewer: User, owner_uuid: object) -> Grant:
    # Looked up by name: the sharing app's models import this module.
    from django.apps import apps

    share_model = apps.get_model("sharing", "Share")
    try:
        share = share_model.objects.active().select_related("owner").get(
            clinician=viewer, owner__uuid=owner_uuid
        )
    except (ObjectDoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Not found") from exc
    scopes = frozenset(Scope(s) for s in share.scopes if s in Scope.__members__.values())
    return Grant(viewer=viewer, owner=share.owner, scopes=scopes, share_uuid=share.uuid)


def readable_by(grant: Grant, model: type[M], scope: Scope) -> models.QuerySet[M]:
    """``model``'s rows of the grant's owner, if the grant covers ``scope``; else none."""
    rows: models.QuerySet[M] = model._default_manager.all()
    if not isinstance(rows, OwnedQuerySet):
        raise TypeError(f"{model.__name__} rows are not owned by a person")
    if not grant.allows(scope):
        return rows.none()
    return rows.owned_by(grant.owner)
