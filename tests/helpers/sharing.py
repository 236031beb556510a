"""Named characters for sharing tests: Ana shares, Dr Lee is her clinician."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from tests.helpers import PASSWORD, zone_far_from_midnight
from tests.helpers.two_factor import sign_in_with_second_factor
from vagus.accounts.models import AccessToken, User
from vagus.accounts.roles import Role
from vagus.ownership import Scope
from vagus.sharing import actions
from vagus.sharing.models import Share


def person(name: str = "ana") -> User:
    user = User(username=name, time_zone=zone_far_from_midnight())
    user.set_password(PASSWORD)
    user.save()
    return user


def clinician(name: str = "drlee") -> User:
    user = User(username=name, time_zone="UTC", role=Role.CLINICIAN)
    user.set_password(PASSWORD)
    user.save()
    return user


def shared(owner: User, to: User, scopes=tuple(Scope), *, state: str = "active") -> Share:
    """A share from ``owner`` to ``to``, accepted; "expired" or "revoked" if asked."""
    share, code = actions.create_invitation(owner, list(scopes))
    assert actions.accept(to, code) is not None
    if state == "expired":
        Share.objects.filter(pk=share.pk).update(ends=timezone.now() - timedelta(seconds=1))
    elif state == "revoked":
        actions.revoke(owner, share)
    share.refresh_from_db()
    return share


def signed_in(user: User) -> Client:
    client = Client()
    if user.role == Role.PERSON:
        client.force_login(user)
    else:
        sign_in_with_second_factor(client, user)
    return client


def token_client(user: User) -> Client:
    if user.role != Role.PERSON:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.get_or_create(user=user, name="authenticator app", confirmed=True)
    _, raw = AccessToken.issue(user, "script")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
