"""Every change to shares, each one function in one transaction with its audit row."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from vagus.accounts.client_address import client_address
from vagus.accounts.roles import Role
from vagus.audit import record
from vagus.ownership import Grant, Scope
from vagus.sharing.models import DEFAULT_LENGTH, INVITATION_VALID_FOR, Share

if TYPE_CHECKING:
    from vagus.accounts.models import User

MAX_LENGTH = timedelta(days=366)


class ShareRefused(Exception):
    """Input a share cannot be made from; the message is for the person, ``field`` names
    what it is about."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def ends_at(owner: User, ends_on: date | None) -> datetime:
    """The end of the person's day ``ends_on`` (90 days from today when not given)."""
    today = owner.today()
    day = ends_on or today + DEFAULT_LENGTH
    if day <= today:
        raise ShareRefused("ends", "Choose an end date after today.")
    if day > today + MAX_LENGTH:
        raise ShareRefused("ends", "A share can last up to a year. Choose an earlier end date.")
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=owner.zone())


def create_invitation(
    owner: User, scopes: Iterable[str], ends_on: date | None = None
) -> tuple[Share, str]:
    """A share waiting for a clinician, and its code (returned once, only its hash kept)."""
    chosen = sorted({Scope(s).value for s in scopes})
    if not chosen:
        raise ShareRefused("scopes", "Choose at least one thing to share.")
    if owner.role != Role.PERSON:
        raise ShareRefused("scopes", "Only a person keeping a diary can share it.")
    ends = ends_at(owner, ends_on)
    code = Share.new_code()
    with transaction.atomic():
        share = Share.objects.create(
            owner=owner,
            scopes=chosen,
            ends=ends,
            code_hash=Share.hash(code),
            code_expires=timezone.now() + INVITATION_VALID_FOR,
        )
        record("share.create", owner, detail={"share": str(share.uuid), "scopes": chosen})
    return share, code


def accept(clinician: User, code: str) -> Share | None:
    """Take the invitation for ``clinician``; None if the code is unknown, used or expired.

    One conditional UPDATE decides, so a code works once even when two accept it at once.
    """
    if clinician.role != Role.CLINICIAN:
        return None
    with transaction.atomic():
        matched = Share.objects.invitation(code).exclude(owner=clinician)
        share = matched.first()
        if share is None:
            return None
        taken = (
            Share.objects.invitation(code)
            .filter(pk=share.pk)
            .update(
                clinician=clinician, clinician_name=clinician.username, accepted_at=timezone.now()
            )
        )
        if taken != 1:
            return None
        share.refresh_from_db()
        record(
            "share.accept",
            share.owner,
            actor=clinician,
            detail={"share": str(share.uuid), "clinician": clinician.username},
        )
    return share


def revoke(owner: User, share: Share) -> None:
    """End the share now; the clinician's next request finds nothing."""
    with transaction.atomic():
        updated = Share.objects.owned_by(owner).filter(pk=share.pk, revoked_at__isnull=True)
        if updated.update(revoked_at=timezone.now()):
            record("share.revoke", owner, detail={"share": str(share.uuid)})


def record_read(request: HttpRequest, grant: Grant, what: str) -> None:
    """Write who read whose what, when and from where; call inside the read's transaction.

    The owner reading their own data is not recorded.
    """
    if grant.is_owner:
        return
    record(
        "share.read",
        grant.owner,
        actor=grant.viewer,
        detail={
            "what": what,
            "clinician": grant.viewer.username,
            "share": str(grant.share_uuid),
            "address": client_address(request) or "",
        },
    )


def mark_visit(grant: Grant) -> None:
    if not grant.is_owner and grant.share_uuid is not None:
        Share.objects.filter(uuid=grant.share_uuid).update(last_visit=timezone.now())
