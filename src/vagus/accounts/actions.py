"""Account-wide changes, each in one transaction."""

from __future__ import annotations

import logging
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.db import transaction

from vagus.accounts.models import Invite, User
from vagus.audit import record

log = logging.getLogger(__name__)


class InviteRefused(Exception):
    """The invite code was taken (or withdrawn) between the form check and the sign-up."""


def sign_up(form: Any, invite_code: str | None = None) -> User:
    """Create the account from a valid sign-up form, taking the invite code if one is needed.

    The code is consumed and the account created in one transaction: if the account cannot
    be made the code stays usable, and if the code was used meanwhile nothing is made.
    """
    with transaction.atomic():
        invite = None
        if invite_code is not None:
            invite = Invite.consume(invite_code)
            if invite is None:
                raise InviteRefused(invite_code)
        user = form.save()
        if invite is not None:
            Invite.objects.filter(pk=invite.pk).update(used_by=user)
    return user


def sessions_of(user: User) -> list[str]:
    """The keys of every stored session signed in as this person.

    A session stores its user only inside its encoded data, so every row is decoded: fine
    for the few thousand sessions a self-hosted server holds (expired ones included, since
    nothing else may have cleared them yet). A server with far more would keep a user →
    session-key table instead.
    """
    user_id = str(user.pk)
    return [
        session.session_key
        for session in Session.objects.iterator(chunk_size=500)
        if str(session.get_decoded().get("_auth_user_id")) == user_id
    ]


def delete_account(user: User) -> None:
    """Erase the person and everything they stored (every owned row cascades from the user).

    The login-attempt records that django-axes keeps under their username go too, and so do
    all their sessions, on every device: a session can hold an unread message quoting what
    they wrote (a meal, a food). What is logged names only the account's random id, never
    the person.
    """
    account_id, username = user.uuid, user.username
    with transaction.atomic():
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            model.objects.filter(username=username).delete()
        Session.objects.filter(session_key__in=sessions_of(user)).delete()
        user.delete()
        # Kept after the account: names no one, so nothing personal outlives the deletion.
        record("account.delete", None)
    log.warning("account %s deleted at its owner's request", account_id)
