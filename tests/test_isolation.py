"""One person can never read or change another's data, through any page or API route.

The routes are enumerated from Django's URL resolver, so a route added later is covered
without editing this file; a path parameter this test does not know how to fill fails it.
"""

from __future__ import annotations

import json
import re

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.helpers import PASSWORD
from tests.helpers.world import build_world, public_params, public_routes
from vagus.accounts.models import AccessToken, User
from vagus.backup.export import export_user_data

pytestmark = pytest.mark.django_db

SECRET = "ALICE-SECRET"
# Pages anyone may see; everything else needs a login. World modules add their own public
# routes as PUBLIC_ROUTES ("app:name", or "app:*" for a whole app of public pages).
PUBLIC = {
    "accounts:signup",
    "accounts:login",
    "accounts:logout",
    "diary:home",
    "api:openapi-json",
    "api:openapi-view",
    "api:api-root",
} | public_routes()
SESSION_ENDERS = {"accounts:delete", "accounts:logout"}
METHODS = ("get", "post", "put", "patch", "delete")


def routes():
    """(route, "namespace:name") for every URL pattern and API route."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), f"{namespace}:{pattern.name}"

    seen = set()
    for route, name in walk(get_resolver().url_patterns):
        if route not in seen:
            seen.add(route)
            yield route, name


def is_public(name: str) -> bool:
    return name in PUBLIC or f"{name.split(':')[0]}:*" in PUBLIC


def alice_world() -> tuple[User, dict[str, list[str]]]:
    """Alice with a row in every owned table, and the values that can fill a path parameter.

    Values are keyed "day", and "id:<model name>" for the UUIDs of Alice's rows of each model.
    """
    alice = User(username="alice", time_zone="Pacific/Auckland")
    alice.set_password(PASSWORD)
    alice.save()
    build_world(alice, SECRET)
    values: dict[str, list[str]] = {}
    for model in apps.get_models():
        fields = {f.name for f in model._meta.get_fields()}
        if {"owner", "uuid"} <= fields:
            uuids = model.objects.filter(owner=alice).values_list("uuid", flat=True)
            values[f"id:{model._meta.model_name}"] = [str(u) for u in uuids]
    values["day"] = sorted(
        {d.isoformat() for d in alice.observations.values_list("day", flat=True)}
        | {alice.today().isoformat()}
    )
    return alice, values


def ids_for(name: str, values: dict[str, list[str]]) -> list[str]:
    """Alice's UUIDs of the model a parameter names (meal_id → Meal, response_id →
    QuestionnaireResponse); every UUID of hers when no model matches the name."""
    stem = name.removesuffix("_id").replace("_", "")
    keys = [k for k in values if k.startswith("id:") and k[3:].endswith(stem)]
    chosen = [u for k in keys for u in values[k]]
    return chosen or [u for k, v in values.items() if k.startswith("id:") for u in v]


# Path parameters that name something public (an instrument, an article), not anyone's rows;
# each tests/world module may add its own as PUBLIC_PARAMS.
PUBLIC_PARAMS = public_params()


def fill(route: str, values: dict[str, list[str]]) -> list[str]:
    """Every concrete URL for a route, with each parameter set to each of Alice's values."""
    urls = ["/" + route]
    for match in re.finditer(r"<(?:(\w+):)?(\w+)>", route):
        name = match.group(2)
        if name in {"day", "date"}:
            options = values["day"]
        elif name in PUBLIC_PARAMS:
            options = PUBLIC_PARAMS[name]
        elif name.endswith("_id"):
            options = ids_for(name, values)
        else:
            raise AssertionError(
                f"isolation test: teach it how to fill the path parameter “{name}” in {route}"
            )
        urls = [u.replace(match.group(0), v, 1) for u in urls for v in options]
    return urls


def answers_for_bob(route: str) -> bool:
    """Routes that may answer Bob with 200: about a day (his own) or something public."""
    names = {m.group(2) for m in re.finditer(r"<(?:(\w+):)?(\w+)>", route)}
    return bool(names & ({"day", "date"} | set(PUBLIC_PARAMS)))


def snapshot(user: User) -> str:
    user.refresh_from_db()
    document = export_user_data(user)
    document.pop("exported_at")
    return json.dumps(document, sort_keys=True) + user.password


HOSTILE_FORM = {
    "anxiety": "0",
    "text": "changed by bob",
    "eaten_at": "2026-01-01T08:00",
    "label": "changed by bob",
    "kind": "scale",
    "name": "bob token",
    "time_zone": "UTC",
    "old_password": PASSWORD,
    "new_password1": "bob-new-passphrase-99",
    "new_password2": "bob-new-passphrase-99",
}
HOSTILE_JSON = {
    "values": {"anxiety": 0},
    "text": "changed by bob",
    "eaten_at": "2026-01-01T08:00:00Z",
}


def requests_as(client_factory, urls, methods=METHODS):
    for url in urls:
        for method in methods:
            client = client_factory()
            if url.startswith("/api/"):
                body = json.dumps(HOSTILE_JSON) if method in {"post", "put", "patch"} else None
                response = getattr(client, method)(url, data=body, content_type="application/json")
            elif method == "post":
                response = client.post(url, HOSTILE_FORM)
            else:
                response = getattr(client, method)(url)
            yield url, method, response


def test_routes_are_enumerated():
    names = {name for _, name in routes()}
    expected = {"diary:day", "diary:meal_edit", "api:get_meal", "accounts:export"}
    assert expected | {"accounts:token_revoke"} <= names


def test_another_person_never_sees_or_changes_alice_data():
    alice, values = alice_world()
    before = snapshot(alice)
    bob = User(username="bob", time_zone="UTC")
    bob.set_password(PASSWORD)
    bob.save()
    _, bob_token = AccessToken.issue(bob, "bob script")

    def as_bob_session():
        bob.refresh_from_db()  # a password change by an earlier request changes the session hash
        client = Client()
        client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
        return client

    def as_bob_token():
        return Client(HTTP_AUTHORIZATION=f"Bearer {bob_token}")

    checked = 0
    # Deleting an account and logging out end Bob's session, so they go last.
    ordered = sorted(routes(), key=lambda r: r[1] in SESSION_ENDERS)
    for route, name in ordered:
        urls = fill(route, values)
        factories = [as_bob_session] + ([as_bob_token] if route.startswith("api/") else [])
        for factory in factories:
            for url, method, response in requests_as(factory, urls):
                checked += 1
                body = response.content.decode(errors="replace")
                assert response.status_code < 500, (method, url, response.status_code)
                assert SECRET not in body, f"{method.upper()} {url} showed Alice's data to Bob"
                if not is_public(name) and name not in SESSION_ENDERS:
                    # Bob really is signed in: a bounce to the login page would prove nothing.
                    assert "/accounts/login/" not in response.get("Location", ""), (method, url)
                    assert response.status_code != 401, (method, url)
                if "<" in route and response.status_code not in (404, 405):
                    # Only a day or public route may answer (Bob's own day); object routes 404.
                    assert answers_for_bob(route), (method, url, response.status_code)
        assert snapshot(alice) == before, f"Bob changed Alice's data through {route}"
    assert checked > 100


def test_anonymous_visitors_get_nothing_personal():
    alice, values = alice_world()
    before = snapshot(alice)
    for route, name in routes():
        for url, method, response in requests_as(Client, fill(route, values)):
            assert response.status_code < 500, (method, url)
            assert SECRET not in response.content.decode(errors="replace"), (method, url)
            if not is_public(name) and method == "get":
                assert response.status_code in (302, 401, 405), (url, response.status_code)
                if response.status_code == 302:
                    assert "/accounts/login/" in response["Location"]
    assert snapshot(alice) == before
