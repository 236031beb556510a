"""Two-factor sign-in for professionals: set-up with a real TOTP code, recovery codes shown
once and working once, the code step at sign-in, the throttle on wrong codes, and tokens."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.helpers import PASSWORD

from vagus.accounts.models import AccessToken, User
from vagus.accounts.roles import Role
from vagus.cli import main

pytestmark = pytest.mark.django_db


def _clinician(name: str = "dr") -> User:
    user = User(username=name, time_zone="UTC", role=Role.CLINICIAN)
    user.set_password(PASSWORD)
    user.save()
    return user


def _code_now(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows now (or ``steps_ahead`` time steps later: a code once used
    is refused, and the device accepts one step of drift)."""
    t0 = device.t0 - steps_ahead * device.step
    return f"{totp(device.bin_key, step=device.step, t0=t0, digits=device.digits):06d}"


def _set_up(client: Client, user: User) -> tuple[TOTPDevice, list[str]]:
    """Go through the set-up page as the clinician would; the device and recovery codes."""
    page = client.get("/accounts/two-factor/")
    assert page.status_code == 200
    body = page.content.decode()
    secret = re.search(r"data-secret>([A-Z2-7 ]+)<", body).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert secret.rstrip("=") in __import__("base64").b32encode(device.bin_key).decode()
    done = client.post("/accounts/two-factor/", {"code": _code_now(device)})
    assert done.status_code == 200, done.content
    codes = re.findall(r'<code class="token">([a-z0-9]+)</code>', done.content.decode())
    device.refresh_from_db()
    return device, codes


def test_set_up_shows_a_qr_code_without_inline_style_and_a_working_uri(client):
    clinician = _clinician()
    client.force_login(clinician)
    body = client.get("/accounts/two-factor/").content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert "style" not in svg and "<path" in svg
    assert "otpauth://totp/Vagus:dr?secret=" in body.replace("%3A", ":")
    assert 'autocomplete="one-time-code"' in body


def test_set_up_with_a_real_code_then_ten_recovery_codes_shown_once(client):
    clinician = _clinician()
    client.force_login(clinician)
    device, codes = _set_up(client, clinician)
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    # The session has now proven the second factor: the clinician's pages open.
    assert client.get("/sharing/people/").status_code == 200
    # The codes are never shown again.
    again = client.get("/accounts/two-factor/").content.decode()
    assert not any(code in again for code in codes)
    assert "10 unused recovery codes" in again


def test_a_wrong_set_up_code_confirms_nothing(client):
    clinician = _clinician()
    client.force_login(clinician)
    client.get("/accounts/two-factor/")
    response = client.post("/accounts/two-factor/", {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=clinician, confirmed=True).exists()
    assert client.get("/sharing/people/")["Location"] == "/accounts/two-factor/"


def test_sign_in_asks_for_the_code_and_a_recovery_code_works_once():
    clinician = _clinician()
    setup = Client()
    setup.force_login(clinician)
    _, codes = _set_up(setup, clinician)

    client = Client()
    signed = client.post("/accounts/login/", {"username": "dr", "password": PASSWORD})
    assert signed["Location"].startswith("/accounts/two-factor/?next=")
    assert client.get("/sharing/people/")["Location"] == "/accounts/two-factor/"
    step = client.get("/accounts/two-factor/").content.decode()
    assert "Enter your code" in step
    passed = client.post("/accounts/two-factor/", {"code": codes[0]})
    assert passed["Location"] == "/sharing/people/"
    assert client.get("/sharing/people/").status_code == 200

    other = Client()
    other.post("/accounts/login/", {"username": "dr", "password": PASSWORD})
    reused = other.post("/accounts/two-factor/", {"code": codes[0]})
    assert reused.status_code == 200 and "not right" in reused.content.decode()


def test_wrong_codes_are_slowed_down_even_before_a_right_one(client):
    clinician = _clinician()
    setup = Client()
    setup.force_login(clinician)
    device, _ = _set_up(setup, clinician)
    client.post("/accounts/login/", {"username": "dr", "password": PASSWORD})
    right = _code_now(device, steps_ahead=1)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for _ in range(3):
        answer = client.post("/accounts/two-factor/", {"code": wrong})
    assert "wait" in answer.content.decode()
    # The right code, too soon after wrong ones, is refused: no guessing at full speed.
    refused = client.post("/accounts/two-factor/", {"code": right})
    assert refused.status_code == 200 and "wait" in refused.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1  # tries while locked out are not even checked


def test_a_professional_token_works_only_after_two_factor_set_up(client):
    clinician = _clinician()
    _, raw = AccessToken.issue(clinician, "script")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/me").status_code == 401
    TOTPDevice.objects.create(user=clinician, name="app", confirmed=True)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/me").status_code == 200


def test_token_page_refuses_a_professional_without_a_device(client):
    clinician = _clinician()
    client.force_login(clinician)
    response = client.post("/accounts/tokens/", {"name": "script"})
    assert response["Location"] == "/accounts/two-factor/"
    assert not AccessToken.objects.filter(owner=clinician).exists()


def test_token_command_refuses_a_clinician_without_two_factor_and_names_the_step(capsys):
    _clinician()
    assert main(["token", "create", "--user", "dr"]) == 1
    err = capsys.readouterr().err
    assert "two-factor sign-in" in err and "authenticator app" in err
    assert not AccessToken.objects.exists()
    person = User.objects.create_user("ana", password=PASSWORD)
    assert main(["token", "create", "--user", "ana"]) == 0
    assert AccessToken.objects.filter(owner=person).exists()


def test_sign_up_as_a_clinician_goes_straight_to_two_factor_set_up(client, settings):
    settings.SIGNUP_MODE = "open"
    response = client.post(
        "/accounts/signup/",
        {
            "username": "newdoc",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "UTC",
            "role": "clinician",
        },
    )
    assert response["Location"] == "/accounts/two-factor/"
    assert User.objects.get(username="newdoc").role == Role.CLINICIAN
    assert "Set up two-factor sign-in" in client.get("/accounts/two-factor/").content.decode()


def test_sign_up_cannot_choose_researcher(client, settings):
    settings.SIGNUP_MODE = "open"
    response = client.post(
        "/accounts/signup/",
        {
            "username": "rs",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "UTC",
            "role": "researcher",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="rs").exists()


def test_throttle_lifts_after_the_wait(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0.5
    clinician = _clinician()
    setup = Client()
    setup.force_login(clinician)
    device, _ = _set_up(setup, clinician)
    client.post("/accounts/login/", {"username": "dr", "password": PASSWORD})
    right = _code_now(device, steps_ahead=1)
    client.post("/accounts/two-factor/", {"code": "999999" if right != "999999" else "111111"})
    time.sleep(1.1)
    assert client.post("/accounts/two-factor/", {"code": right}).status_code == 302
