"""VAGUS_TRUSTED_PROXY: behind a reverse proxy the lockout keys on the real client's address;
without it X-Forwarded-For, which anyone can send, is ignored."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from tests.helpers import PASSWORD

from vagus.accounts.client_address import check_trusted_proxy, client_address

PROXY = "10.0.0.2"
ATTACKER = "203.0.113.9"
ALICE = "198.51.100.7"


def login(client: Client, password: str, forwarded_for: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    data = {"username": "alice", "password": password}
    return client.post(reverse("accounts:login"), data, **extra)


@pytest.mark.django_db
def test_behind_a_trusted_proxy_a_stranger_cannot_lock_alice_out(person, settings):
    settings.TRUSTED_PROXY = "1"
    via_proxy = Client(REMOTE_ADDR=PROXY)
    for _ in range(5):
        login(via_proxy, "guess", forwarded_for=ATTACKER)
    assert login(via_proxy, PASSWORD, forwarded_for=ATTACKER).status_code == 429
    alice = Client(REMOTE_ADDR=PROXY)
    assert login(alice, PASSWORD, forwarded_for=ALICE).status_code == 302


@pytest.mark.django_db
def test_without_a_trusted_proxy_a_forged_header_does_not_dodge_the_lockout(person, settings):
    settings.TRUSTED_PROXY = ""
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for n in range(5):
        login(attacker, "guess", forwarded_for=f"192.0.2.{n}")  # a new "address" each time
    assert login(attacker, PASSWORD, forwarded_for="192.0.2.99").status_code == 429


def address(remote: str, forwarded_for: str | None, trusted: str, settings) -> str | None:
    settings.TRUSTED_PROXY = trusted
    extra = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **extra))


@pytest.mark.parametrize(
    ("remote", "forwarded_for", "trusted", "expected"),
    [
        (PROXY, ATTACKER, "", PROXY),  # unset: the header is not believed
        (PROXY, ATTACKER, "1", ATTACKER),
        # A client can start the header with anything; a count of proxies skips its lies.
        (PROXY, f"6.6.6.6, {ATTACKER}", "1", ATTACKER),
        ("10.0.0.3", f"6.6.6.6, {ATTACKER}, {PROXY}", "2", ATTACKER),
        (PROXY, None, "1", PROXY),  # nothing forwarded: the connection's own address
        (PROXY, "not-an-address", "1", PROXY),
        # Addresses or networks: believed only when the connection comes from one of them.
        (PROXY, f"6.6.6.6, {ATTACKER}", "10.0.0.0/24", ATTACKER),
        (PROXY, f"6.6.6.6, {ATTACKER}, 10.0.0.9", "10.0.0.0/24, 192.0.2.1", ATTACKER),
        (ATTACKER, "6.6.6.6", "10.0.0.0/24", ATTACKER),  # a direct caller cannot forge one
        ("::1", "2001:db8::5", "::1", "2001:db8::5"),
    ],
)
def test_the_client_address_follows_the_setting(remote, forwarded_for, trusted, expected, settings):
    assert address(remote, forwarded_for, trusted, settings) == expected


def test_a_bad_setting_names_the_part():
    check_trusted_proxy("")
    check_trusted_proxy("2")
    check_trusted_proxy("10.0.0.2, 192.168.0.0/16, ::1")
    with pytest.raises(ValueError, match=r"“proxy\.lan”"):
        check_trusted_proxy("10.0.0.2, proxy.lan")
