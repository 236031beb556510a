"""Web Push delivery against a real HTTP push endpoint on loopback (the protocol is HTTP)."""

from __future__ import annotations

import base64
import json
import os
import stat
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from tests.helpers.db import make_person

from vagus.push import delivery, vapid
from vagus.push.delivery import PushRetry
from vagus.push.models import PushSubscription

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "title": "Time for your check-in",
    "body": "How was today?",
    "url": "/today/",
    "snooze_url": "/reminders/snooze/abc/",
    "tag": "checkin",
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class FakePushService(BaseHTTPRequestHandler):
    """Answers each path with the status it names (/201/…, /410/…), keeping what it got."""

    received: list[dict] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(
            {
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body,
            }
        )
        self.send_response(int(self.path.split("/")[1]))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def push_service() -> Iterator[str]:
    FakePushService.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePushService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))
    return tmp_path


class Browser:
    """A browser's side of a subscription: its key pair and auth secret (RFC 8291)."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)

    def subscribe(self, user, endpoint: str) -> PushSubscription:
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        # Straight to the table: the API refuses plain-HTTP addresses, and this one is local.
        return PushSubscription.objects.create(
            owner=user, endpoint=endpoint, p256dh=b64url(point), auth=b64url(self.auth)
        )

    def decrypt(self, body: bytes) -> dict:
        plain = http_ece.decrypt(
            body, private_key=self.key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


def check_vapid(authorization: str, endpoint_origin: str) -> None:
    """The header is ``vapid t=<ES256 JWT>, k=<server public key>``, signed by our key."""
    scheme, _, params = authorization.partition(" ")
    assert scheme == "vapid"
    fields = dict(part.strip().split("=", 1) for part in params.split(","))
    assert fields["k"] == vapid.public_key()
    header, claims, signature = fields["t"].split(".")
    assert json.loads(unb64url(header))["alg"] == "ES256"
    assert json.loads(unb64url(claims))["aud"] == endpoint_origin
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(fields["k"]))
    public.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))  # raises if bad


def test_a_delivered_message_is_encrypted_to_the_browser_and_signed(push_service):
    alice = make_person("alice")
    browser = Browser()
    browser.subscribe(alice, f"{push_service}/201/alice-phone")
    assert delivery.send(alice, PAYLOAD) == 1
    [got] = FakePushService.received
    assert got["headers"]["content-encoding"] == "aes128gcm"
    assert PAYLOAD["title"].encode() not in got["body"]  # not readable on the way
    assert browser.decrypt(got["body"]) == PAYLOAD
    check_vapid(got["headers"]["authorization"], push_service)
    assert int(got["headers"]["ttl"]) > 0


def test_every_device_of_the_person_and_no_one_else(push_service):
    alice, bob = make_person("alice"), make_person("bob")
    Browser().subscribe(alice, f"{push_service}/201/alice-phone")
    Browser().subscribe(alice, f"{push_service}/201/alice-laptop")
    Browser().subscribe(bob, f"{push_service}/201/bob-phone")
    assert delivery.send(alice, PAYLOAD) == 2
    assert sorted(r["path"] for r in FakePushService.received) == [
        "/201/alice-laptop",
        "/201/alice-phone",
    ]


@pytest.mark.parametrize("status", [404, 410])
def test_a_subscription_the_push_service_calls_gone_is_removed(push_service, status):
    alice = make_person("alice")
    Browser().subscribe(alice, f"{push_service}/{status}/old-phone")
    kept = Browser().subscribe(alice, f"{push_service}/201/new-phone")
    assert delivery.send(alice, PAYLOAD) == 1
    assert list(PushSubscription.objects.filter(owner=alice)) == [kept]


def test_a_push_service_in_trouble_asks_for_a_retry(push_service):
    alice = make_person("alice")
    Browser().subscribe(alice, f"{push_service}/503/alice-phone")
    Browser().subscribe(alice, f"{push_service}/201/alice-laptop")
    with pytest.raises(PushRetry) as raised:
        delivery.send(alice, PAYLOAD)
    assert raised.value.delivered == 1
    assert PushSubscription.objects.filter(owner=alice).count() == 2  # kept for the retry


def test_no_connection_asks_for_a_retry(push_service):
    alice = make_person("alice")
    # A port nothing listens on any more: bound, then closed at once.
    probe = ThreadingHTTPServer(("127.0.0.1", 0), FakePushService)
    port = probe.server_address[1]
    probe.server_close()
    Browser().subscribe(alice, f"http://127.0.0.1:{port}/201/nowhere")
    with pytest.raises(PushRetry):
        delivery.send(alice, PAYLOAD)


def test_the_signing_key_is_made_once_and_kept_private(own_data_dir):
    first = vapid.public_key()
    key_file = own_data_dir / vapid.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert vapid.public_key() == first  # read back, not made again
    assert len(unb64url(first)) == 65  # an uncompressed P-256 point


def test_an_unknown_payload_key_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown notification keys: colour"):
        delivery.send(make_person("alice"), {"title": "Hi", "colour": "red"})
