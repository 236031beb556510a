"""Researchers through every page and API route: a study's researcher sees only their own
studies' participants, by pseudonym, only protocol data from enrolment on, and never changes
a participant's data; a researcher of another study sees nothing of them at all.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from tests.helpers.two_factor import sign_in_with_second_factor
from tests.test_isolation import (
    METHODS,
    SECRET,
    SESSION_ENDERS,
    alice_world,
    fill,
    requests_as,
    routes,
)
from vagus.accounts.models import User
from vagus.accounts.roles import Role
from vagus.backup.export import export_user_data
from vagus.studies import queries
from vagus.studies.models import Enrolment, Study

pytestmark = pytest.mark.django_db


def snapshot(user: User) -> str:
    """Alice's data as her export shows it, less the audit rows a permitted read adds."""
    user.refresh_from_db()
    document = export_user_data(user)
    document.pop("exported_at")
    document["audit_events"] = [e for e in document["audit_events"] if e["action"] != "study.read"]
    return json.dumps(document, sort_keys=True) + user.password


def world():
    alice, values = alice_world()
    enrolment = Enrolment.objects.owned_by(alice).select_related("study").get()
    # Study routes are filled with the study Alice takes part in and the one she runs.
    values["id:study"] = [*values.get("id:study", []), str(enrolment.study.uuid)]
    # One value per parameter (the study ones kept whole): the walk as a stranger with every
    # value is tests/test_isolation.py's.
    values = {k: v if k == "id:study" else v[:1] for k, v in values.items() if v}
    values["day"] = values["day"][-1:]
    return alice, values, enrolment


def walk(researcher: User, values):
    def signed_in():
        client = Client()
        sign_in_with_second_factor(client, researcher)
        return client

    ordered = sorted(routes(), key=lambda r: r[1] in SESSION_ENDERS)
    for route, name in ordered:
        methods = METHODS if route.startswith("api/") else ("get", "post")  # as the clinicians'
        for url, method, response in requests_as(signed_in, fill(route, values), methods):
            assert response.status_code < 500, (method, url, response.status_code)
            yield route, name, url, method, response


def test_the_studys_researcher_sees_only_protocol_data_from_enrolment_on_and_writes_nothing():
    alice, values, enrolment = world()
    study = enrolment.study
    researcher = study.owner
    before, protocol_before = snapshot(alice), dict(study.protocol)
    saw_pseudonym = False
    alice_ids = {v for k, vs in values.items() if k.startswith("id:") for v in vs} - {
        str(study.uuid)
    }
    for _, _, url, method, response in walk(researcher, values):
        body = response.content.decode(errors="replace")
        assert SECRET not in body, f"{method.upper()} {url} showed Alice's free text"
        assert alice.username not in body.replace(f"world-researcher-{alice.pk}", ""), url
        saw_pseudonym |= enrolment.pseudonym in body
        if any(i in url for i in alice_ids):
            # Alice's own rows (and the study she runs): never the researcher's to see.
            assert response.status_code in (302, 404, 405), (method, url, response.status_code)
        if method != "get":  # a write names its route; a GET that wrote fails the check below
            assert snapshot(alice) == before, f"{method.upper()} {url} changed Alice's data"
    assert snapshot(alice) == before, "a GET changed Alice's data"
    assert saw_pseudonym  # the monitor really showed her, so the walk proves something
    study.refresh_from_db()
    assert study.protocol == protocol_before

    client = Client()
    sign_in_with_second_factor(client, researcher)
    text = client.get(f"/studies/research/{study.uuid}/data.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows, "the world's diary gives the study something to export"
    codes = set(queries.measure_codes(queries.protocol_of(study)))
    assert {r["participant"] for r in rows} == {enrolment.pseudonym}
    assert {r["measure"] for r in rows} <= codes
    assert min(r["date"] for r in rows) >= enrolment.enrolled_on.isoformat()
    earlier = alice.observations.filter(day__lt=enrolment.enrolled_on, measure__code__in=codes)
    assert earlier.exists(), "the world has earlier diary that must stay unshared"


def test_a_researcher_of_another_study_sees_nothing_of_its_participants():
    alice, values, enrolment = world()
    stranger = User.objects.create_user("dr-elsewhere", password="x", role=Role.RESEARCHER)
    Study.objects.create(
        owner=stranger,
        title="Elsewhere",
        starts=enrolment.study.starts,
        contact="e@example.org",
        protocol=enrolment.study.protocol,
    )
    before = snapshot(alice)
    for route, _, url, method, response in walk(stranger, values):
        body = response.content.decode(errors="replace")
        assert SECRET not in body and enrolment.pseudonym not in body, (method, url)
        if route.startswith("studies/research/<"):
            assert response.status_code in (404, 405), (method, url, response.status_code)
    assert snapshot(alice) == before
    assert not alice.audit_events.filter(action="study.read").exists()
