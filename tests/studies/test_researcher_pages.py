"""A researcher sets up and edits their own studies; no one else sees those pages."""

from __future__ import annotations

import pytest
from tests.helpers.two_factor import sign_in_with_second_factor

from vagus.accounts.models import User
from vagus.accounts.roles import Role
from vagus.studies.models import Study

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Kefir and calm",
    "description": "Does a daily kefir go with calmer days?",
    "measures": ["anxiety", "fermented_servings"],
    "questionnaires": ["gad7"],
    "every_days": "1",
    "duration_days": "21",
    "target_size": "50",
    "starts": "2026-04-01",
    "contact": "team@example.org",
    "min_age": "18",
    "questions": "Do you have gut trouble most weeks?\nNo: Are you taking antibiotics?",
    "gad7_max": "14",
    "consent": "You agree to share the measures listed.",
}


@pytest.fixture
def rs_client(client, researcher):
    sign_in_with_second_factor(client, researcher)
    return client


def test_a_researcher_creates_a_study(rs_client, researcher):
    response = rs_client.post("/studies/research/new/", FORM)
    study = Study.objects.owned_by(researcher).get()
    assert response["Location"] == f"/studies/research/{study.uuid}/"
    assert study.protocol["measures"] == ["anxiety", "fermented_servings"]
    assert study.protocol["duration_days"] == 21
    assert study.protocol["eligibility"]["questions"] == [
        {"text": "Do you have gut trouble most weeks?", "required_answer": True},
        {"text": "Are you taking antibiotics?", "required_answer": False},
    ]
    page = rs_client.get(response["Location"]).content.decode()
    assert f"/studies/join/{study.invite_code}/" in page


def test_nothing_to_collect_is_refused_in_plain_words(rs_client):
    response = rs_client.post(
        "/studies/research/new/", {**FORM, "measures": [], "questionnaires": []}
    )
    assert "Choose at least one measure or questionnaire to collect." in response.content.decode()
    assert not Study.objects.exists()


def test_editing_the_consent_text_makes_a_new_version(rs_client, researcher):
    rs_client.post("/studies/research/new/", FORM)
    study = Study.objects.get()
    edit = f"/studies/research/{study.uuid}/edit/"
    assert "Kefir and calm" in rs_client.get(edit).content.decode()
    response = rs_client.post(edit, {**FORM, "consent": "A new paragraph."}, follow=True)
    assert "it is a new version" in response.content.decode()
    assert study.current_consent().number == 2


def test_a_researcher_sees_only_their_own_studies(rs_client, study):
    other = User.objects.create_user("dr-other", password="x", role=Role.RESEARCHER)
    theirs = Study.objects.create(
        owner=other,
        title="Not yours",
        starts=study.starts,
        contact="x@example.org",
        protocol=study.protocol,
    )
    assert "Not yours" not in rs_client.get("/studies/research/").content.decode()
    for suffix in ("", "edit/", "data.csv", "data.parquet", "dictionary.json", "protocol.json"):
        assert rs_client.get(f"/studies/research/{theirs.uuid}/{suffix}").status_code == 404


def test_people_and_clinicians_get_not_found(client_of, person, study):
    clinician = User.objects.create_user("dr", password="x", role=Role.CLINICIAN)
    for user in (person, clinician):
        client = client_of(user)
        if user.role == Role.CLINICIAN:
            sign_in_with_second_factor(client, user)
        assert client.get("/studies/research/").status_code == 404
        assert client.get(f"/studies/research/{study.uuid}/").status_code == 404


def test_a_researcher_without_a_second_factor_is_sent_to_prove_one(client_of, researcher):
    response = client_of(researcher).get("/studies/research/")
    assert response.status_code == 302 and response["Location"] == "/accounts/two-factor/"
