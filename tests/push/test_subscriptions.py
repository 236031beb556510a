"""Subscribing and unsubscribing a device through the API, each person's own."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from vagus.push.models import PushSubscription

pytestmark = pytest.mark.django_db

SUBSCRIPTION = {
    "endpoint": "https://push.example.org/send/abc123",
    "keys": {"p256dh": "BPublicKeyOfTheBrowser", "auth": "sharedSecret"},
}


def post(client, name, body):
    return client.post(reverse(f"api:{name}"), json.dumps(body), content_type="application/json")


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))


@pytest.fixture(autouse=True)
def example_push_service(settings):
    settings.VAGUS_PUSH_SERVICES = [*settings.VAGUS_PUSH_SERVICES, "push.example.org"]


def test_the_browser_gets_the_servers_public_key(person_client):
    answer = person_client.get(reverse("api:push_public_key"))
    assert answer.status_code == 200
    assert answer.json()["public_key"].startswith("B")  # 0x04: an uncompressed point


def test_subscribing_twice_keeps_one_row_and_unsubscribing_is_per_person(
    person, other_person, person_client, client_of
):
    assert post(person_client, "push_subscribe", SUBSCRIPTION).status_code == 201
    assert post(person_client, "push_subscribe", SUBSCRIPTION).status_code == 201
    bob = client_of(other_person)
    assert post(bob, "push_subscribe", SUBSCRIPTION).status_code == 201
    assert PushSubscription.objects.filter(owner=person).count() == 1
    assert post(bob, "push_unsubscribe", {"endpoint": SUBSCRIPTION["endpoint"]}).json() == {
        "removed": 1
    }
    assert PushSubscription.objects.filter(owner=person).count() == 1
    assert not PushSubscription.objects.filter(owner=other_person).exists()


@pytest.mark.parametrize(
    "endpoint", ["http://push.example.org/x", "file:///etc/passwd", "https://", "not a url"]
)
def test_an_address_that_is_not_a_push_service_is_refused(person, person_client, endpoint):
    answer = post(person_client, "push_subscribe", SUBSCRIPTION | {"endpoint": endpoint})
    assert answer.status_code == 400
    assert answer.json()["detail"] == "This browser gave a push address that cannot be used."
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://127.0.0.1/x",
        "https://internal.example.org/x",
        "https://push.example.org.evil.example/x",
        "https://evilpush.services.mozilla.com.example/x",
    ],
)
def test_a_host_that_is_no_push_service_is_refused(person, person_client, endpoint):
    # The server posts to the address it is given: an internal host must not be reachable so.
    answer = post(person_client, "push_subscribe", SUBSCRIPTION | {"endpoint": endpoint})
    assert answer.status_code == 400
    assert "VAGUS_PUSH_SERVICES" in answer.json()["detail"]
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/x",
        "https://updates.push.services.mozilla.com/wpush/v2/x",
    ],
)
def test_the_browsers_push_services_are_accepted(person, person_client, endpoint):
    answer = post(person_client, "push_subscribe", SUBSCRIPTION | {"endpoint": endpoint})
    assert answer.status_code == 201


def test_the_settings_page_offers_the_button(person_client):
    page = person_client.get(reverse("accounts:settings")).content.decode()
    assert "Turn on notifications on this device" in page
    assert "push/push.js" in page
