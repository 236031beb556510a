"""Password checks on the password-change and delete-account forms share the login's limit:
after five wrong passwords every check is refused for a while, the right password too."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from tests.helpers import PASSWORD

from vagus.accounts.models import User

pytestmark = pytest.mark.django_db
NEW = "another-calm-passphrase-7"
LIMIT = 5


def change(client, old: str):
    data = {"old_password": old, "new_password1": NEW, "new_password2": NEW}
    return client.post(reverse("accounts:password"), data)


def delete(client, password: str):
    return client.post(reverse("accounts:delete"), {"password": password, "confirm": "on"})


def test_password_change_locks_after_repeated_wrong_passwords(person, person_client):
    for attempt in range(1, LIMIT + 1):
        response = change(person_client, f"guess-{attempt}")
        if attempt < LIMIT:
            assert response.status_code == 200
            assert "That password is not right" in response.content.decode()
    assert response.status_code == 429
    right = change(person_client, PASSWORD)
    assert right.status_code == 429
    page = right.content.decode()
    assert "Too many attempts" in page and "paused for 15 minutes" in page
    person.refresh_from_db()
    assert person.check_password(PASSWORD) and not person.check_password(NEW)


def test_delete_account_locks_after_repeated_wrong_passwords(person, person_client, visitor):
    for attempt in range(LIMIT):
        delete(person_client, f"guess-{attempt}")
    right = delete(person_client, PASSWORD)
    assert right.status_code == 429
    assert User.objects.filter(pk=person.pk).exists()
    # The same limit as logging in: guessing here cannot dodge the login lockout, or back.
    login = visitor.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert login.status_code == 429


def test_a_few_slips_are_fine_and_reset_by_the_right_password(person, person_client):
    for attempt in range(LIMIT - 1):
        assert "not right" in delete(person_client, f"slip-{attempt}").content.decode()
    assert change(person_client, PASSWORD).status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW)
    for attempt in range(LIMIT - 1):  # the count started again
        assert delete(person_client, f"again-{attempt}").status_code == 200


def test_failed_attempts_never_record_a_password(person, person_client):
    change(person_client, "wrong-old-password-1")
    delete(person_client, "wrong-delete-password-2")
    recorded = " ".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert recorded  # the attempts were counted...
    for secret in ("wrong-old-password-1", "wrong-delete-password-2", NEW):
        assert secret not in recorded  # ...without their passwords
