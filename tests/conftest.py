"""The named characters every test uses: a person, a second person, an anonymous visitor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.db import make_person

if TYPE_CHECKING:
    from django.test import Client

    from vagus.accounts.models import User


def pytest_configure(config: pytest.Config) -> None:
    _own_database_for_subprocesses()
    if not config.pluginmanager.hasplugin("django"):
        return  # the pure science tests, run with -p no:django
    from django.conf import settings

    # Argon2 is the production hasher (tested on its own); MD5 keeps the many test log-ins fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A suggestion linking to an evidence entry that does not exist fails the test that renders it.
    settings.VAGUS_STRICT_EVIDENCE = True


def _own_database_for_subprocesses() -> None:
    """Under xdist on PostgreSQL, each worker's `vagus` subprocesses get a database of their own.

    The subprocess tests use the configured database itself (the test database belongs to the
    pytest process), and every command migrates first: two workers must not migrate, or count
    reminders sent, in one database at once. Each worker's test database is already its own
    (pytest-django names it after the worker).
    """
    import os

    worker, url = os.environ.get("PYTEST_XDIST_WORKER"), os.environ.get("VAGUS_DATABASE_URL")
    if not worker or not url or not url.startswith("postgres"):
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_{worker}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    os.environ["VAGUS_DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))


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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # On the PostgreSQL run only the tests that reach a database have anything new to show: those
    # using the test database, and those starting `vagus` in a subprocess (it inherits the URL).
    # The rest ran already on SQLite (`make test` runs both); VAGUS_PG_ALL_TESTS=1 runs them all.
    import os

    if not os.environ.get("VAGUS_DATABASE_URL") or os.environ.get("VAGUS_PG_ALL_TESTS"):
        return
    uses_db = {"db", "transactional_db", "django_db_setup", "live_server"}
    starts_vagus: dict[object, bool] = {}

    def reaches_a_database(item: pytest.Item) -> bool:
        if item.get_closest_marker("django_db") or uses_db & set(getattr(item, "fixturenames", ())):
            return True
        if item.path not in starts_vagus:
            starts_vagus[item.path] = "subprocess" in item.path.read_text(encoding="utf-8")
        return starts_vagus[item.path]

    kept = [item for item in items if reaches_a_database(item)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
