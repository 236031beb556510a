"""Account-wide changes, each in one transaction."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction

if TYPE_CHECKING:
    from vagus.accounts.models import User

log = logging.getLogger(__name__)


def delete_account(user: User) -> None:
    """Erase the person and everything they stored (every owned row cascades from the user).

    The login-attempt records that django-axes keeps under their username go too. What is
    logged names only the account's random id, never the person.
    """
    account_id, username = user.uuid, user.username
    with transaction.atomic():
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            model.objects.filter(username=username).delete()
        user.delete()
    log.warning("account %s deleted at its owner's request", account_id)
