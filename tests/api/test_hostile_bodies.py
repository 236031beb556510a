"""Hostile input to every route that takes a body, and to the main page forms: never a 5xx,
and a refused request writes nothing.

The API routes come from the API object's own OpenAPI schema, so a route added later is
covered without editing this file. Each field gets either a value its schema allows or one of
the shapes that once crashed a route: "²" (str.isdigit() says yes, int() says no), integers of
5,000 digits (as text and as a JSON number), moments at the edge of the calendar, NUL, lone
UTF-16 surrogates, NaN and infinity, and nested junk. The page forms are found by reading each
page's own HTML, and get the same shapes as form fields (a lone surrogate as the raw bytes a
hostile client can send).
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers.stored_rows import stored
from tests.helpers.world import build_world
from tests.test_isolation import PUBLIC_PARAMS, ids_for, routes

from vagus.accounts.models import AccessToken
from vagus.api.api import api as ninja_api

pytestmark = pytest.mark.django_db
SECRET = "HOSTILE-SECRET"
HUGE = "9" * 5000
HUGE_NUMBER = "__HUGE_JSON_NUMBER__"  # written into the JSON text as a bare 5,000-digit number
EDGES = [
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "0001-01-01",
    "10000-01-01T00:00:00Z",
]
SHAPES = [
    "²", "٣", "①", HUGE, "-" + HUGE, HUGE_NUMBER, *EDGES,
    "\x00", "a\x00b", "\ud800", "x\udfffy", "", " ", "NaN",
    float("nan"), float("inf"), -1, 2**63, 1e308, True, None,
]  # fmt: skip

junk = st.recursive(
    st.sampled_from(SHAPES) | st.text(max_size=12) | st.integers(),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["\ud800", "\x00", "a", "pattern"]), inner, max_size=3)
    ),
    max_leaves=6,
)

SCHEMA = ninja_api.get_openapi_schema()


def _resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def allowed(schema: dict, depth: int = 0) -> st.SearchStrategy:
    """A value the field's documented schema allows (roughly): so junk in one field is not
    always stopped by another missing field, and reaches the checks behind it."""
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([allowed(s, depth) for s in schema[key]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "integer":
        return st.integers(schema.get("minimum", 0), schema.get("maximum", 10))
    if kind == "number":
        return st.floats(schema.get("minimum", 0), schema.get("maximum", 10))
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "string":
        if schema.get("format") == "date-time":
            return st.just("2026-01-10T08:00:00Z")
        if schema.get("format") == "date":
            return st.just("2026-01-10")
        return st.text("abcdefghij kefir", min_size=1, max_size=12)
    if kind == "array" and depth < 2:
        return st.lists(allowed(schema.get("items", {}), depth + 1), max_size=2)
    if kind == "object" and depth < 2:
        properties = schema.get("properties", {})
        return st.fixed_dictionaries(
            {}, optional={name: allowed(field, depth + 1) for name, field in properties.items()}
        )
    return st.none()


def valid(schema: dict, depth: int = 0) -> Any:
    """One value the field's schema allows, always the same (the sweep's starting body)."""
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return valid(schema[key][0], depth)
    if "enum" in schema:
        return schema["enum"][-1]
    kind = schema.get("type")
    if kind in ("integer", "number"):
        return max(schema.get("minimum", 0), min(schema.get("maximum", 5), 5))
    if kind == "boolean":
        return True
    if kind == "string":
        return {"date-time": "2026-01-10T08:00:00Z", "date": "2026-01-10"}.get(
            schema.get("format", ""), "kefir"
        )
    if kind == "array":
        return []
    if kind == "object" and depth < 2:
        properties = schema.get("properties", {})
        return {name: valid(field, depth + 1) for name, field in properties.items()}
    return None


def body_of(schema: dict) -> st.SearchStrategy:
    """Each field either keeps its valid value or takes junk (or is left out), so junk in one
    field is not always stopped by another field and reaches the checks behind it."""
    properties = _resolve(schema).get("properties", {})
    return st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(st.just(valid(field)), allowed(field), junk)
            for name, field in properties.items()
        },
    )


def json_text(body: Any) -> str:
    # json.dumps cannot write an integer of 5,000 digits, so it goes in as text afterwards.
    return json.dumps(body).replace(f'"{HUGE_NUMBER}"', HUGE)


def quote_str(text: str) -> str:
    # A lone surrogate goes out as the bytes ED A0 80, which a browser or script can send.
    return quote_from_bytes(text.encode("utf-8", "surrogatepass"))


def operations() -> list[tuple[str, str, dict]]:
    found = []
    for path, methods in SCHEMA["paths"].items():
        for method, operation in methods.items():
            if "requestBody" in operation:
                found.append((method, path, operation))
    return found


OPERATIONS = operations()
OPERATION_IDS = [f"{method} {path}" for method, path, _ in OPERATIONS]


def test_the_routes_are_found():
    found = {f"{method.upper()} {path}" for method, path, _ in OPERATIONS}
    assert {"POST /api/tool-sessions", "PUT /api/days/{day}", "POST /api/meals"} <= found
    assert len(found) >= 15


@pytest.fixture
def world(person):
    from django.apps import apps
    from django.utils import timezone

    from vagus.questionnaires.models import SafetyAlert

    build_world(person, SECRET)
    # The world's self-harm answer leads every page to the crisis page until it is read.
    SafetyAlert.objects.filter(owner=person).update(acknowledged_at=timezone.now())
    values: dict[str, list[str]] = {}
    for model in apps.get_models():
        if {"owner", "uuid"} <= {f.name for f in model._meta.get_fields()}:
            rows = model.objects.filter(owner=person).values_list("uuid", flat=True)
            values[f"id:{model._meta.model_name}"] = [str(u) for u in rows]
    return person, values


def fill(path: str, person: Any, values: dict[str, list[str]]) -> str:
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name == "day":
            return (person.today() - timedelta(days=1)).isoformat()
        if name in PUBLIC_PARAMS:
            return PUBLIC_PARAMS[name][0]
        return ids_for(name, values)[0]

    return re.sub(r"\{(\w+)\}", one, path)


class Caller:
    """Sends bodies to one route as its owner (a token) and checks each answer."""

    def __init__(self, world: tuple, method: str, path: str, operation: dict) -> None:
        self.person, values = world
        _, raw = AccessToken.issue(self.person, "hostile")
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
        self.method, self.url = method, fill(path, self.person, values)
        ((self.kind, media),) = operation["requestBody"]["content"].items()
        self.schema = media["schema"]
        self.before = stored(self.person)

    def check(self, body: Any) -> None:
        if self.kind == "application/json":
            send = getattr(self.client, self.method)
            response = send(self.url, json_text(body), content_type=self.kind)
        else:  # an upload form: the same junk as its fields
            fields = body if isinstance(body, dict) else {"file": body}
            form = "&".join(f"{quote_str(k)}={quote_str(str(v))}" for k, v in fields.items())
            response = self.client.post(
                self.url, form, content_type="application/x-www-form-urlencoded"
            )
        where = (self.method, self.url, str(body)[:200])
        assert response.status_code < 500, (*where, response.content[:300])
        if response.status_code >= 400:
            assert stored(self.person) == self.before, (*where, response.status_code)
        else:  # accepted: what it wrote is the new starting point
            self.before = stored(self.person)


SWEEP = [
    "²", HUGE, HUGE_NUMBER, "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
    "\x00", "\ud800", float("nan"), float("inf"), True, -1, {"\ud800": ["\x00", "²"]},
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "operation"), OPERATIONS, ids=OPERATION_IDS)
def test_every_shape_in_every_field_of_every_route(world, method, path, operation):
    """The shapes that crashed routes, one field at a time, in an otherwise valid body."""
    caller = Caller(world, method, path, operation)
    base = valid(caller.schema)
    for name in _resolve(caller.schema).get("properties", {}):
        for shape in SWEEP:
            caller.check({**base, name: shape})
    for shape in SWEEP:
        caller.check(shape)  # the whole body


SLOW = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(("method", "path", "operation"), OPERATIONS, ids=OPERATION_IDS)
@SLOW
@given(data=st.data())
def test_no_api_route_answers_5xx_or_writes_when_it_refuses(world, method, path, operation, data):
    caller = Caller(world, method, path, operation)
    caller.check(data.draw(st.one_of(body_of(caller.schema), junk), label="body"))


# The main page forms ----------------------------------------------------------------------

FORM_SHAPES = [shape for shape in SHAPES if isinstance(shape, str) and shape != HUGE_NUMBER]
FORM_SHAPES += ["9999-12-31T23:59", "0001-01-01T00:00", "-1", "1e309", "inf", "nan", "25:00"]
# Forms that end the session or the account are not for hostile input here.
SKIP = ("/accounts/logout", "/accounts/delete")


def page_url(route: str, person: Any, values: dict[str, list[str]]) -> str | None:
    def one(match: re.Match) -> str:
        name = match.group(2)
        if name in {"day", "date"}:
            return (person.today() - timedelta(days=1)).isoformat()
        if name in PUBLIC_PARAMS:
            return PUBLIC_PARAMS[name][0]
        return ids_for(name, values)[0]

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", one, route)


def page_forms(client: Client, person: Any, values: dict[str, list[str]]) -> dict[str, list]:
    """The field names of every POST form on every page the person can open, by address."""
    found: dict[str, set[str]] = {}
    for route, _ in routes():
        if route.startswith("api/"):
            continue
        url = page_url(route, person, values)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for match in re.finditer(r"<form([^>]*)>(.*?)</form>", response.content.decode(), re.S):
            attributes, inner = match.groups()
            if 'method="post"' not in attributes.lower():
                continue
            action = re.search(r'action="([^"]*)"', attributes)
            target = action.group(1) if action and action.group(1) else url
            names = set(re.findall(r'name="([^"]+)"', inner)) - {"csrfmiddlewaretoken"}
            if names and not target.startswith(SKIP):
                found.setdefault(target.split("?")[0], set()).update(names)
    return {url: sorted(names) for url, names in sorted(found.items())}


@pytest.fixture
def forms(world, client_of) -> dict[str, list]:
    person, values = world
    return page_forms(client_of(person), person, values)


def test_the_page_forms_are_found(world, forms):
    person, _ = world
    for url in ["/tools/breathing/", "/tools/worry/", "/meals/", "/tools/thoughts/new/"]:
        assert url in forms, sorted(forms)
    assert "anxiety" in forms[f"/day/{person.today() - timedelta(days=1)}/"]


@SLOW
@given(data=st.data())
def test_no_page_form_answers_5xx_or_writes_when_it_refuses(world, forms, client_of, data):
    person, _ = world
    client = client_of(person)
    for url, names in forms.items():
        fields = data.draw(
            st.fixed_dictionaries({}, optional={n: st.sampled_from(FORM_SHAPES) for n in names}),
            label=url,
        )
        body = "&".join(f"{quote_str(k)}={quote_str(v)}" for k, v in fields.items())
        before = stored(person)
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, (url, fields)
        # A form that makes a secret (an invitation code, a token) answers in place with it,
        # shown once in that response only: that answer is its success, not a refusal.
        made_a_secret = response.status_code == 200 and b'<code class="token">' in response.content
        if response.status_code != 302 and not made_a_secret:  # refused or shown again: no write
            assert stored(person) == before, (url, fields, response.status_code)
