"""VAGUS_SIGNUP: open to anyone, by one-time invite code, or closed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.helpers import PASSWORD

from vagus.accounts import actions
from vagus.accounts.forms import InviteSignUpForm
from vagus.accounts.models import Invite, User

pytestmark = pytest.mark.django_db


def sign_up(client, username: str, **extra: str):
    data = {"username": username, "password1": PASSWORD, "password2": PASSWORD, "time_zone": "UTC"}
    return client.post(reverse("accounts:signup"), {**data, **extra})


def test_open_is_the_default_and_needs_no_code(visitor):
    from vagus.config import settings as production

    assert production.SIGNUP_MODE == "open"
    assert "Invite code" not in visitor.get(reverse("accounts:signup")).content.decode()
    assert sign_up(visitor, "olga").status_code == 302
    assert User.objects.filter(username="olga").exists()


def test_closed_says_so_plainly_and_creates_nothing(visitor, settings):
    settings.SIGNUP_MODE = "closed"
    page = visitor.get(reverse("accounts:signup"))
    assert page.status_code == 200
    assert "Sign-up is closed" in page.content.decode()
    assert "<form" not in page.content.decode().split("<main")[1].split("</main>")[0]
    refused = sign_up(visitor, "mallory")
    assert refused.status_code == 403
    assert not User.objects.filter(username="mallory").exists()
    login_page = visitor.get(reverse("accounts:login")).content.decode()
    assert "not taking new accounts" in login_page
    assert reverse("accounts:signup") not in login_page


def test_invite_code_signs_up_once(visitor, client_of, settings):
    settings.SIGNUP_MODE = "invite"
    invite, code = Invite.issue(note="for pia")
    assert code not in invite.code_hash and invite.code_hash == Invite.hash(code)
    assert "Invite code" in visitor.get(reverse("accounts:signup")).content.decode()

    without = sign_up(visitor, "pia")
    assert "Invite code: please fill this in" in without.content.decode()
    wrong = sign_up(visitor, "pia", invite_code="vgi-not-a-real-code")
    assert "know that invite code" in wrong.content.decode()
    assert not User.objects.filter(username="pia").exists()

    assert sign_up(visitor, "pia", invite_code=code).status_code == 302
    pia = User.objects.get(username="pia")
    invite.refresh_from_db()
    assert invite.status == "used" and invite.used_by == pia

    from django.test import Client

    reused = sign_up(Client(), "quinn", invite_code=code)
    assert reused.status_code == 200
    assert "used already" in reused.content.decode()
    assert not User.objects.filter(username="quinn").exists()


def test_a_failed_sign_up_leaves_the_code_usable(visitor, settings):
    settings.SIGNUP_MODE = "invite"
    _, code = Invite.issue()
    weak = sign_up(visitor, "rae", invite_code=code, password1="12345678", password2="12345678")
    assert weak.status_code == 200
    assert Invite.is_usable(code)
    assert sign_up(visitor, "rae", invite_code=code).status_code == 302


@pytest.mark.parametrize("how", ["expired", "revoked"])
def test_expired_and_revoked_codes_are_refused(visitor, settings, how):
    settings.SIGNUP_MODE = "invite"
    invite, code = Invite.issue(valid_for=timedelta(days=1))
    if how == "expired":
        Invite.objects.filter(pk=invite.pk).update(expires=timezone.now() - timedelta(seconds=1))
    else:
        Invite.objects.filter(pk=invite.pk).update(revoked_at=timezone.now())
    response = sign_up(visitor, "sam", invite_code=code)
    assert how in response.content.decode() or "withdrawn" in response.content.decode()
    assert not User.objects.filter(username="sam").exists()


def test_two_sign_ups_racing_with_one_code_make_one_account(settings):
    # Both forms pass their check before either saves: the classic check-then-use race. The
    # code is taken by one conditional UPDATE, so the second sign-up is refused whole.
    settings.SIGNUP_MODE = "invite"
    _, code = Invite.issue()
    forms = [
        InviteSignUpForm(
            {
                "invite_code": code,
                "username": name,
                "password1": PASSWORD,
                "password2": PASSWORD,
                "time_zone": "UTC",
            }
        )
        for name in ("tess", "uma")
    ]
    assert all(form.is_valid() for form in forms)
    actions.sign_up(forms[0], invite_code=code)
    with pytest.raises(actions.InviteRefused):
        actions.sign_up(forms[1], invite_code=code)
    made = User.objects.filter(username__in=["tess", "uma"]).values_list("username", flat=True)
    assert list(made) == ["tess"]
    assert Invite.objects.get().used_by.username == "tess"


def test_an_unknown_mode_stops_start_up(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "VAGUS_DATA_DIR": str(tmp_path), "VAGUS_SIGNUP": "sometimes"}
    result = subprocess.run(
        [sys.executable, "-m", "vagus", "invite", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "VAGUS_SIGNUP must be one of open, invite, closed" in result.stderr
