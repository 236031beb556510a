"""Consent is versioned: any change of the text is a new version everyone must agree to."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.helpers.db import make_person
from tests.helpers.world.studies import study_values
from tests.studies.people import JOIN_AT, JOIN_DAY, enrol, log

from vagus.studies import actions, queries
from vagus.studies.models import consent_hash

pytestmark = pytest.mark.django_db


def _edit(researcher, study, text, at):
    return actions.update_study(
        researcher, study, study_values("Gut and calm", JOIN_DAY), text, now=at
    )


def test_each_consent_records_the_version_hash_the_time_and_the_choices(study):
    person = make_person("ana")
    enrolment = enrol(person, study, keep_data=False, tell_contact=True)
    consent = enrolment.latest_consent()
    assert consent.version_number == 1
    assert consent.version_sha256 == consent_hash("Consent v1") == study.current_consent().sha256
    assert consent.given_at == JOIN_AT
    assert consent.keep_data_on_withdrawal is False
    assert consent.tell_contact_of_safety_events is True


def test_saving_the_same_text_makes_no_new_version(researcher, study):
    assert _edit(researcher, study, "Consent v1", JOIN_AT) is False
    assert study.consent_versions.count() == 1


def test_a_changed_text_is_a_new_version_with_its_own_hash(researcher, study):
    assert _edit(researcher, study, "Consent v1, with a new paragraph", JOIN_AT) is True
    current = study.current_consent()
    assert current.number == 2
    assert current.sha256 == consent_hash("Consent v1, with a new paragraph")
    assert study.consent_versions.get(number=1).text == "Consent v1"  # the old one is kept


def test_until_they_agree_again_the_study_sees_nothing_new(researcher, study):
    person = make_person("ana")
    enrolment = enrol(person, study)
    for day in range(10, 15):
        log(person, date(2026, 3, day), anxiety=day - 8)
    _edit(researcher, study, "Consent v2", datetime(2026, 3, 13, 12, 0, tzinfo=UTC))
    enrolment.refresh_from_db()
    assert queries.needs_reconsent(enrolment)
    days = {r.date.day for r in queries.shared_rows(study)}
    assert days == {10, 11, 12}  # the day the text changed and after are held back

    actions.reconsent(person, enrolment, keep_data=True, tell_contact=False)
    assert not queries.needs_reconsent(enrolment)
    assert {r.date.day for r in queries.shared_rows(study)} == {10, 11, 12, 13, 14}
    latest = enrolment.latest_consent()
    assert (latest.version_number, latest.version_sha256) == (2, consent_hash("Consent v2"))
    assert latest.tell_contact_of_safety_events is False


def test_the_participant_is_asked_to_agree_again_on_their_studies_page(
    researcher, study, client_of
):
    person = make_person("ana")
    enrolment = enrol(person, study)
    _edit(researcher, study, "Consent v2", JOIN_AT)
    client = client_of(person)
    page = client.get("/studies/mine/").content.decode()
    assert "consent text changed" in page
    url = f"/studies/mine/{enrolment.uuid}/consent/"
    assert "Consent v2" in client.get(url).content.decode()
    response = client.post(url, {"keep_data": "keep", "tell_contact": "no"})
    assert response.status_code == 200  # "agree" is never assumed
    client.post(url, {"agree": "on", "keep_data": "keep", "tell_contact": "no"})
    assert enrolment.consents.count() == 2
    assert not queries.needs_reconsent(enrolment)


def test_today_asks_to_read_a_changed_consent_until_it_is_answered(
    researcher, study, client_of
):
    person = make_person("ana")
    enrolment = enrol(person, study)
    client = client_of(person)
    assert "consent has changed" not in client.get("/today/").content.decode()
    _edit(researcher, study, "Consent v2", JOIN_AT)
    today = client.get("/today/").content.decode()
    assert "A study's consent has changed" in today
    assert f"/studies/mine/{enrolment.uuid}/consent/" in today
    actions.reconsent(person, enrolment, keep_data=True, tell_contact=False)
    assert "consent has changed" not in client.get("/today/").content.decode()
