"""A clinician sees another person's data only through an active share, only its scopes,
and only to read: every URL pattern and API route walked as each kind of clinician.

Walked as: a clinician with no share, with an ended share, with a revoked share, and with a
share whose scope leaves out a route's data — none of them sees anything of Alice's; and as a
clinician with every scope — reads answer, writes change nothing. The walk as a person with no
share (a stranger) is tests/test_isolation.py's, with every one of Alice's values.

Pages are asked with GET and POST (a page answers PUT, PATCH and DELETE as GET or 405, and the
stranger's walk asks them all); API routes with every method.
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from tests.helpers.sharing import clinician, shared, signed_in
from tests.helpers.two_factor import sign_in_with_second_factor
from tests.test_isolation import (
    METHODS,
    SECRET,
    SESSION_ENDERS,
    alice_world,
    fill,
    requests_as,
    routes,
    snapshot,
)
from vagus.accounts.models import AccessToken, User
from vagus.audit.models import AuditEvent
from vagus.backup.export import export_user_data
from vagus.ownership import Scope

pytestmark = pytest.mark.django_db

# The routes that open one person's shared data; a path parameter names the person.
PERSON_ROUTE = re.compile(r"<(?:\w+:)?person_id>")
READS = {"get"}
PAGE_METHODS = ("get", "post")


def _world():
    """Alice's world, with one value per parameter (the walk is long enough) and her id as
    the person a clinician's route names."""
    alice, values = alice_world()
    trimmed = {key: options[:1] for key, options in values.items() if options}
    trimmed["day"] = values["day"][-1:]
    trimmed["id:person"] = [str(alice.uuid)]
    return alice, trimmed


def _viewer_clients(user: User):
    """Session and token clients that prove the second factor, as a real clinician's do."""

    def session() -> Client:
        user.refresh_from_db()
        client = Client()
        if user.role == "person":
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        else:
            sign_in_with_second_factor(client, user)
        return client

    if user.role != "person":
        sign_in_with_second_factor(Client(), user)  # a confirmed device: tokens work
    _, raw = AccessToken.issue(user, "script")

    def token() -> Client:
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    return session, token


def _walk(user: User, values: dict[str, list[str]], only=None):
    session, token = _viewer_clients(user)
    ordered = sorted(routes(), key=lambda r: r[1] in SESSION_ENDERS)
    for route, name in ordered:
        urls = [u for u in fill(route, values) if only is None or only(route, u)]
        api = route.startswith("api/")
        factory = token if api else session
        methods = METHODS if api else PAGE_METHODS
        for url, method, response in requests_as(factory, urls, methods):
            yield route, name, url, method, response


def _sees_nothing(user: User, alice: User, values, only=None) -> int:
    before = snapshot(alice)
    reads_before = AuditEvent.objects.filter(action="share.read").count()
    checked = 0
    for route, _name, url, method, response in _walk(user, values, only):
        checked += 1
        body = response.content.decode(errors="replace")
        assert response.status_code < 500, (method, url)
        assert SECRET not in body, f"{method.upper()} {url} showed Alice's data"
        if PERSON_ROUTE.search(route) or str(alice.uuid) in url:
            assert response.status_code in (404, 405), (method, url, response.status_code)
    assert snapshot(alice) == before
    assert AuditEvent.objects.filter(action="share.read").count() == reads_before
    return checked


@pytest.mark.parametrize("state", ["no share", "expired", "revoked"])
def test_a_clinician_without_an_active_share_sees_nothing(state):
    alice, values = _world()
    lee = clinician()
    if state != "no share":
        shared(alice, lee, list(Scope), state=state)
    assert _sees_nothing(lee, alice, values) > 100


@pytest.mark.parametrize("left_out", list(Scope))
def test_a_scope_left_out_answers_not_found_on_its_routes(left_out):
    alice, values = _world()
    lee = clinician()
    shared(alice, lee, [s for s in Scope if s is not left_out])

    def carries_scope(route: str, url: str) -> bool:
        if "<slug:scope>" in route:
            return url.endswith(f"/{left_out.value}/")
        return left_out is Scope.REPORTS and route.startswith("api/clinician/people/<")

    _sees_nothing(lee, alice, values, only=carries_scope)
    overview = signed_in(lee).get(f"/sharing/people/{alice.uuid}/").content.decode()
    assert f"{alice.uuid}/{left_out.value}/" not in overview


def test_a_clinician_sharing_only_questionnaires_sees_no_free_text_anywhere():
    alice, values = _world()
    lee = clinician()
    shared(alice, lee, [Scope.QUESTIONNAIRES])
    for _route, _name, url, method, response in _walk(lee, values):
        assert response.status_code < 500, (method, url)
        assert SECRET not in response.content.decode(errors="replace"), (method, url)


def _without_reads(user: User) -> str:
    """Alice's export less the audit rows a clinician's reads add (what the test expects)."""
    user.refresh_from_db()
    document = export_user_data(user)
    document.pop("exported_at")
    document["audit_events"] = [e for e in document["audit_events"] if e["action"] != "share.read"]
    return json.dumps(document, sort_keys=True) + user.password


def test_a_clinician_in_scope_reads_but_never_writes():
    alice, values = _world()
    lee = clinician()
    shared(alice, lee, list(Scope))
    before = _without_reads(alice)
    read_pages = 0
    for route, _name, url, method, response in _walk(lee, values):
        assert response.status_code < 500, (method, url)
        if not (PERSON_ROUTE.search(route) or route.startswith("api/clinician")):
            continue
        if method in READS:
            assert response.status_code == 200, (url, response.status_code)
            read_pages += 1
        else:
            assert response.status_code in (404, 405), (method, url, response.status_code)
        assert _without_reads(alice) == before, f"{method.upper()} {url} changed Alice's data"
    assert read_pages >= len(Scope) + 1
    # Reads allowed means really read: her meal text and journal are on their pages.
    client = signed_in(lee)
    assert SECRET in client.get(f"/sharing/people/{alice.uuid}/meals/").content.decode()
    assert SECRET in client.get(f"/sharing/people/{alice.uuid}/writing/").content.decode()
    reads = AuditEvent.objects.owned_by(alice).filter(action="share.read", actor=lee)
    assert {e.detail["what"] for e in reads} >= {s.value for s in Scope} - {Scope.REPORTS.value}
