"""A person's data is theirs: exportable in full, deletable in full."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from tests.helpers import PASSWORD
from tests.helpers.world import build_world

from vagus.accounts.models import AccessToken, User
from vagus.diary import actions

pytestmark = pytest.mark.django_db


def owned_models():
    for model in apps.get_models():
        field = next((f for f in model._meta.get_fields() if f.name == "owner"), None)
        if field is not None and field.is_relation and field.related_model is User:
            yield model


def fill_diary(user: User) -> None:
    today = user.today()
    actions.create_measure(user, "Cold shower", "yesno", "better")
    for offset in range(3):
        actions.save_checkin(
            user,
            today - timedelta(days=offset),
            {"anxiety": 4 + offset, "my_cold_shower": 1},
            note=f"note {offset} of {user.username}",
        )
    actions.add_meal(
        user, f"kefir for {user.username}", datetime.now(user.zone()) - timedelta(hours=1)
    )
    AccessToken.issue(user, "script")


def test_every_owned_model_is_in_the_export(person):
    from vagus.backup.export import export_user_data
    from vagus.backup.registry import NOT_BACKED_UP, sections_by_model

    build_world(person, "secret")
    document = export_user_data(person)
    sections = sections_by_model()
    for model in owned_models():
        label = model._meta.label
        if label in NOT_BACKED_UP:  # device registrations and bookkeeping, declared with why
            assert label not in sections, label
            continue
        assert label in sections, f"{label} holds personal data but has no export section"
        rows = model.objects.filter(owner=person).count()
        assert rows > 0, f"tests/world builds no {label} row: add one to its app's module"
        assert len(document[sections[label]]) == rows, label


def test_export_download_is_complete_json_of_only_my_data(person, other_person, person_client):
    fill_diary(person)
    fill_diary(other_person)
    response = person_client.get(reverse("accounts:export"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["account"]["username"] == "alice"
    checkin = [o for o in document["observations"] if o["source"] == "checkin"]
    assert len(checkin) == 6  # 3 days × (anxiety + cold shower)
    # The meal's day also has one derived value per meal measure (vagus.diary.nutrition).
    assert len([o for o in document["observations"] if o["source"] == "meal"]) == 12
    assert {n["note"] for n in document["day_notes"]} == {f"note {i} of alice" for i in range(3)}
    assert "bob" not in response.content.decode()
    assert "token_hash" not in response.content.decode()


def test_delete_needs_password_and_confirmation(person, person_client):
    response = person_client.post(
        reverse("accounts:delete"), {"password": "wrong", "confirm": "on"}
    )
    assert response.status_code == 200
    assert User.objects.filter(pk=person.pk).exists()
    response = person_client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert User.objects.filter(pk=person.pk).exists()


def test_delete_erases_everything_of_mine_and_nothing_of_others(
    person, other_person, person_client, visitor
):
    build_world(person, "alice's")
    build_world(other_person, "bob's")
    visitor.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    before_other = {m: m.objects.filter(owner=other_person).count() for m in owned_models()}
    response = person_client.post(
        reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert "Your account is deleted" in response.content.decode()
    assert not User.objects.filter(username="alice").exists()
    for model in owned_models():
        assert not model.objects.filter(owner_id=person.pk).exists(), model
        assert model.objects.filter(owner=other_person).count() == before_other[model]
    from axes.models import AccessAttempt

    assert not AccessAttempt.objects.filter(username="alice").exists()
    assert person_client.get(reverse("diary:today")).status_code == 302  # logged out
