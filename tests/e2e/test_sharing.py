"""Sharing in a real browser: a clinician sets up two-factor sign-in with a real code from
the secret on the page, a person invites them from Settings, the clinician accepts the link
and sees the shared page read-only. axe finds nothing serious on any of these pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

from vagus.accounts.models import User
from vagus.accounts.roles import Role
from vagus.diary import actions as diary_actions

pytestmark = pytest.mark.e2e


def _code(secret: str) -> str:
    import base64

    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{TOTP(key).token():06d}"


def _sign_in(page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def test_invite_accept_and_read_only_view_with_two_factor(page, live_server):
    url = live_server.url
    page.set_default_timeout(60_000)  # the machine is shared: allow a slow first page
    ana = make_person("ana")
    diary_actions.add_meal(ana, "porridge with blueberries", timezone.now() - timedelta(hours=1))
    lee = User(username="drlee", time_zone="UTC", role=Role.CLINICIAN)
    lee.set_password(PASSWORD)
    lee.save()

    # The person invites a clinician from Settings.
    _sign_in(page, url, "ana")
    page.wait_for_url(f"{url}/today/")
    page.goto(f"{url}/accounts/settings/")
    page.get_by_role("link", name="Invite a clinician, see your shares, or stop sharing").click()
    assert serious(page) == []
    page.get_by_label("Meals").check()
    page.get_by_role("button", name="Make an invitation").click()
    link = page.locator("code.token").nth(1).inner_text()
    assert "/sharing/accept/?code=" in link
    assert serious(page) == []
    page.get_by_role("button", name="Log out ana").click()

    # The clinician signs in and must set up the authenticator first.
    _sign_in(page, url, "drlee")
    page.wait_for_url(f"{url}/accounts/two-factor/**")
    assert page.get_by_role("heading", name="Set up two-factor sign-in").is_visible()
    assert page.get_by_role("img", name="QR code").is_visible()
    assert serious(page) == []
    secret = page.locator("[data-secret]").inner_text()
    page.get_by_label("Code", exact=True).fill(_code(secret))
    page.get_by_role("button", name="Confirm").click()
    assert page.get_by_role("heading", name="Two-factor sign-in is on").is_visible()
    assert page.locator(".recovery-codes li").count() == 10
    assert serious(page) == []

    # The link from the person opens the acceptance form with the code filled in.
    page.goto(link)
    page.get_by_role("button", name="Accept").click()
    page.wait_for_url(f"{url}/sharing/people/{ana.uuid}/")
    assert serious(page) == []
    page.locator("main").get_by_role("link", name="Meals").click()
    assert page.get_by_text("porridge with blueberries").is_visible()
    # Read-only: nothing on the page to submit but the log-out button.
    assert page.locator("main form").count() == 0
    assert serious(page) == []

    page.goto(f"{url}/sharing/people/")
    assert page.locator("main").get_by_role("link", name="ana").is_visible()
    assert serious(page) == []
