"""A check-in or meal a phone kept offline: stored once by its key, the later edit winning."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.helpers import zone_far_from_midnight
from tests.helpers.db import make_person

from vagus.diary import actions, day_version
from vagus.diary.models import Meal, Observation
from vagus.offline.models import SyncedKey

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return make_person("alice", zone_far_from_midnight())


@pytest.fixture
def bob():
    return make_person("bob", zone_far_from_midnight())


def client_for(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def queued(user, values, *, key=None, day=None, version="", saved_at=None) -> dict:
    return {
        "key": str(key or uuid.uuid4()),
        "person": str(user.uuid),
        "day": (day or user.today()).isoformat(),
        "values": values,
        "base_version": version,
        "saved_at": (saved_at or timezone.now()).isoformat(),
    }


def post(client: Client, route: str, body: dict):
    return client.post(reverse(f"api:{route}"), json.dumps(body), content_type="application/json")


def checkin_rows(user) -> dict[str, float]:
    rows = Observation.objects.filter(owner=user, source="checkin")
    return dict(rows.values_list("measure__code", "value"))


def test_the_same_key_sent_twice_stores_one_set_of_rows(alice):
    client = client_for(alice)
    body = queued(alice, {"anxiety": "4", "gut_pain": "2", "note": "kept on the bus"})
    first = post(client, "offline_checkin", body)
    assert first.status_code == 200, first.content
    assert first.json()["already_synced"] is False
    assert first.json()["message"] == "Synced."
    second = post(client, "offline_checkin", body)
    assert second.status_code == 200
    assert second.json()["already_synced"] is True
    assert checkin_rows(alice) == {"anxiety": 4.0, "gut_pain": 2.0}
    assert Observation.objects.filter(owner=alice, source="checkin").count() == 2
    assert SyncedKey.objects.filter(owner=alice).count() == 1


def test_a_key_already_used_by_another_person_is_theirs_alone(alice, bob):
    key = uuid.uuid4()
    assert (
        post(client_for(alice), "offline_checkin", queued(alice, {"anxiety": "3"}, key=key)).json()[
            "already_synced"
        ]
        is False
    )
    answer = post(client_for(bob), "offline_checkin", queued(bob, {"anxiety": "8"}, key=key))
    assert answer.json()["already_synced"] is False
    assert checkin_rows(alice) == {"anxiety": 3.0}
    assert checkin_rows(bob) == {"anxiety": 8.0}


def test_what_one_person_kept_is_never_stored_for_another(alice, bob):
    answer = post(client_for(bob), "offline_checkin", queued(alice, {"anxiety": "3"}))
    assert answer.status_code == 409
    assert "someone else" in answer.json()["detail"]
    assert not Observation.objects.filter(source="checkin").exists()
    assert not SyncedKey.objects.exists()


def test_the_later_edit_wins_per_measure_and_the_answer_lists_it(alice):
    today = alice.today()
    actions.save_checkin(alice, today, {"anxiety": 3, "gut_pain": 2})
    shown = day_version.day_state(alice, today).version()  # the phone's page, before going offline
    phone_saved_at = timezone.now() - timedelta(minutes=30)
    # Meanwhile, on another device: all three answers change.
    actions.save_checkin(alice, today, {"anxiety": 7, "gut_pain": 6, "sleep_hours": 8})
    mine = Observation.objects.filter(owner=alice, source="checkin")
    mine.filter(measure__code="anxiety").update(updated=phone_saved_at + timedelta(minutes=20))
    mine.filter(measure__code="gut_pain").update(updated=phone_saved_at - timedelta(minutes=20))

    body = queued(
        alice,
        # Sleep is left as the page showed it (empty): the phone did not edit it.
        {"anxiety": "5", "gut_pain": "1", "sleep_hours": ""},
        version=shown,
        saved_at=phone_saved_at,
    )
    answer = post(client_for(alice), "offline_checkin", body)
    assert answer.status_code == 200, answer.content
    assert checkin_rows(alice) == {"anxiety": 7.0, "gut_pain": 1.0, "sleep_hours": 8.0}
    replaced = {item["label"]: item for item in answer.json()["replaced"]}
    assert set(replaced) == {"Anxiety", "Gut pain"}
    assert replaced["Gut pain"] == {
        "label": "Gut pain",
        "phone": "1 out of 10",
        "elsewhere": "6 out of 10",
        "phone_won": True,
    }
    assert replaced["Anxiety"]["phone_won"] is False
    message = answer.json()["message"]
    assert "Gut pain: 1 out of 10 from this phone replaced 6 out of 10." in message
    assert "Anxiety: 7 out of 10 from the other device stays" in message


def test_no_conflict_when_the_day_did_not_change_elsewhere(alice):
    today = alice.today()
    actions.save_checkin(alice, today, {"anxiety": 3})
    shown = day_version.day_state(alice, today).version()
    answer = post(
        client_for(alice), "offline_checkin", queued(alice, {"anxiety": "6"}, version=shown)
    )
    assert answer.json()["replaced"] == []
    assert checkin_rows(alice) == {"anxiety": 6.0}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"day": "2026-02-30"}, "day", "is not a date"),
        ({"day": "2999-01-01"}, "day", "in the future where you are"),
        ({"values": {"anxiety": "4", "made_up": "1"}}, "made_up", "no question called"),
        ({"values": {"anxiety": "14"}}, "anxiety", "Anxiety"),
    ],
)
def test_bad_input_is_refused_in_plain_words_and_writes_nothing(alice, change, field, words):
    body = queued(alice, {"anxiety": "4"}) | change
    answer = post(client_for(alice), "offline_checkin", body)
    assert answer.status_code == 400, answer.content
    assert words in answer.json()["errors"][field]
    assert "_" not in answer.json()["errors"][field].replace("made_up", "")  # no field names
    assert not Observation.objects.filter(owner=alice).exists()
    assert not SyncedKey.objects.filter(owner=alice).exists()


def test_a_queued_meal_is_stored_once(alice):
    when = alice.local_now().replace(second=0, microsecond=0) - timedelta(hours=1)
    body = {
        "key": str(uuid.uuid4()),
        "person": str(alice.uuid),
        "text": "porridge with kefir",
        "eaten_at": when.strftime("%Y-%m-%dT%H:%M"),
        "saved_at": timezone.now().isoformat(),
    }
    client = client_for(alice)
    assert post(client, "offline_meal", body).json()["message"] == "Synced: “porridge with kefir”."
    assert post(client, "offline_meal", body).json()["already_synced"] is True
    meals = list(Meal.objects.filter(owner=alice))
    assert len(meals) == 1
    assert timezone.localtime(meals[0].eaten_at, alice.zone()).strftime("%H:%M") == when.strftime(
        "%H:%M"
    )


def test_a_browser_session_needs_the_csrf_token(alice):
    client = client_for(alice, enforce_csrf_checks=True)
    answer = post(client, "offline_checkin", queued(alice, {"anxiety": "4"}))
    assert answer.status_code == 403
    assert not Observation.objects.filter(owner=alice).exists()
