"""Deleting an account ends every session of that person, on every device."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.helpers import PASSWORD

from vagus.accounts.models import User

pytestmark = pytest.mark.django_db
MEAL = "pickled herring with rye, eaten in secret"


def logged_in(username: str) -> Client:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def decoded_sessions() -> list[dict]:
    return [s.get_decoded() for s in Session.objects.all()]


def test_deleting_the_account_deletes_all_its_sessions_and_no_others(person, other_person):
    phone, laptop, bob = logged_in("alice"), logged_in("alice"), logged_in("bob")
    # The phone saves a meal and does not follow the redirect: the "Saved: …" message quoting
    # the meal waits, unread, in that session.
    when = (person.local_now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    saved = phone.post(reverse("diary:meals"), {"text": MEAL, "eaten_at": when})
    assert saved.status_code == 302
    assert any(MEAL in str(s.get("_messages", "")) for s in decoded_sessions())
    # A session that expired but was never cleared still holds the person's id.
    stale = Client()
    stale.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    Session.objects.filter(session_key=stale.session.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    bob_key = bob.session.session_key
    assert Session.objects.count() == 4

    response = laptop.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})
    assert "Your account is deleted" in response.content.decode()

    assert not User.objects.filter(username="alice").exists()
    left = decoded_sessions()
    assert not any(str(s.get("_auth_user_id")) == str(person.pk) for s in left)
    assert not any(MEAL in str(s) for s in left)
    assert Session.objects.filter(session_key=bob_key).exists()  # other people stay signed in
    assert bob.get(reverse("diary:today")).status_code == 200
    assert phone.get(reverse("diary:today")).status_code == 302  # the other device is out too
