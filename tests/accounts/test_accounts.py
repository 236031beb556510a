"""Sign-up, log-in, lockout, time zone, password, tokens."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.helpers import PASSWORD

from vagus.accounts.models import AccessToken, User

pytestmark = pytest.mark.django_db


def test_sign_up_logs_in_and_lands_on_today(visitor):
    response = visitor.post(
        reverse("accounts:signup"),
        {
            "username": "carol",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Pacific/Auckland",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("diary:today")
    user = User.objects.get(username="carol")
    assert user.time_zone == "Pacific/Auckland"
    assert visitor.get(reverse("diary:today")).status_code == 200


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"password2": "different-pass-123"}, "didn"),
        ({"password1": "12345678", "password2": "12345678"}, "too common"),
        ({"time_zone": "Mars/Olympus"}, "is not a time zone"),
        ({"username": ""}, "Username: please fill this in"),
    ],
)
def test_sign_up_errors_are_clear_and_nothing_is_created(visitor, changes, message):
    data = {"username": "dan", "password1": PASSWORD, "password2": PASSWORD, "time_zone": "UTC"}
    data.update(changes)
    response = visitor.post(reverse("accounts:signup"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="dan").exists()


def test_login_and_logout(person, visitor):
    response = visitor.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert visitor.get(reverse("diary:today")).status_code == 200
    visitor.post(reverse("accounts:logout"))
    assert visitor.get(reverse("diary:today")).status_code == 302


def test_repeated_failed_logins_lock_the_account_from_that_address(person, visitor):
    for _ in range(5):
        visitor.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    locked = visitor.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert visitor.get(reverse("diary:today")).status_code == 302  # still not logged in


def test_passwords_are_hashed_with_argon2_in_production():
    from vagus.config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    from django.contrib.auth.hashers import Argon2PasswordHasher

    encoded = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    assert encoded.startswith("argon2$argon2id$")


def test_time_zone_can_be_changed_and_bad_zones_refused(person, person_client):
    response = person_client.post(reverse("accounts:settings"), {"time_zone": "Asia/Tokyo"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.time_zone == "Asia/Tokyo"
    response = person_client.post(reverse("accounts:settings"), {"time_zone": "Nowhere/Land"})
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.time_zone == "Asia/Tokyo"


def test_password_change(person, person_client):
    response = person_client.post(
        reverse("accounts:password"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-calm-passphrase-7",
            "new_password2": "another-calm-passphrase-7",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("another-calm-passphrase-7")


def test_token_is_shown_once_and_only_its_hash_stored(person, person_client):
    response = person_client.post(reverse("accounts:token_create"), {"name": "my script"})
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    page = response.content.decode()
    assert not any("vgs_" in str(v) for v in person_client.session.values())
    token = AccessToken.objects.get(owner=person)
    raw = page.split('<code class="token">')[1].split("</code>")[0]
    assert raw.startswith("vgs_")
    assert token.token_hash == AccessToken.hash(raw)
    assert raw not in token.token_hash
    again = person_client.get(reverse("accounts:settings")).content.decode()
    assert raw not in again
    person_client.post(reverse("accounts:token_revoke", kwargs={"token_id": token.uuid}))
    assert not AccessToken.objects.exists()
