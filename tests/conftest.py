"""The named characters every test uses: a person, a second person, an anonymous visitor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.db import make_person

if TYPE_CHECKING:
    from django.test import Client

    from vagus.accounts.models import User


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.hasplugin("django"):
        return  # the pure science tests, run with -p no:django
    from django.conf import settings

    # Argon2 is the production hasher (tested on its own); MD5 keeps the many test log-ins fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A suggestion linking to an evidence entry that does not exist fails the test that renders it.
    settings.VAGUS_STRICT_EVIDENCE = True


@pytest.fixture
def person(db) -> User:
    return make_person("alice")


@pytest.fixture
def other_person(db) -> User:
    return make_person("bob", "America/New_York")


@pytest.fixture
def client_of():
    """A logged-in browser session for a given person."""

    def login(user: User) -> Client:
        from django.test import Client

        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture
def person_client(person, client_of) -> Client:
    return client_of(person)


@pytest.fixture
def api(person):
    """A script calling the API as ``person`` with an access token: api(method, path, body)."""
    import json

    from django.test import Client

    from vagus.accounts.models import AccessToken

    _, raw = AccessToken.issue(person, "tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    def call(method: str, path: str, body: object | None = None):
        data = json.dumps(body) if body is not None else None
        return getattr(client, method)(path, data=data, content_type="application/json")

    return call


@pytest.fixture
def visitor() -> Client:
    from django.test import Client

    return Client()
