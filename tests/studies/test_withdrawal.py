"""Leaving a study from Settings: the data is kept or no longer seen, as consented."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.helpers.db import make_person
from tests.studies.people import enrol, log

from vagus.studies import actions, monitor, queries

pytestmark = pytest.mark.django_db
LEAVE_AT = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def _diary(person):
    for day in range(10, 16):
        log(person, date(2026, 3, day), anxiety=day - 8)


def test_kept_as_consented_the_study_sees_up_to_the_day_they_left(study):
    person = make_person("ana")
    enrolment = enrol(person, study, keep_data=True)
    _diary(person)
    actions.withdraw(person, enrolment, now=LEAVE_AT)
    assert {r.date.day for r in queries.shared_rows(study)} == {10, 11, 12}
    [row] = queries.monitor_rows(study, LEAVE_AT, queries.study_participants(study))
    assert row.progress.state == monitor.DROPPED_OUT


def test_deleted_as_consented_the_study_sees_nothing(study):
    person = make_person("ana")
    enrolment = enrol(person, study, keep_data=False)
    _diary(person)
    actions.withdraw(person, enrolment, now=LEAVE_AT)
    assert queries.shared_rows(study) == []
    enrolment.refresh_from_db()
    assert enrolment.data_removed
    # Their own diary is untouched.
    assert person.observations.filter(measure__code="anxiety").count() == 6
    # The monitor still counts a drop-out, by pseudonym only.
    [row] = queries.monitor_rows(study, LEAVE_AT, queries.study_participants(study))
    assert row.progress.state == monitor.DROPPED_OUT and row.progress.logged_days == 0


def test_leaving_from_settings(study, client_of):
    person = make_person("ana")
    enrolment = enrol(person, study, keep_data=False)
    client = client_of(person)
    assert "/studies/mine/" in client.get("/accounts/settings/").content.decode()
    url = f"/studies/mine/{enrolment.uuid}/withdraw/"
    assert "no longer see any of your data" in client.get(url).content.decode()
    response = client.post(url, {"confirm": "yes"}, follow=True)
    assert "It no longer sees any of your data" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.withdrawn and enrolment.data_removed


def test_enrolments_are_the_participants_data_and_go_with_their_account(study):
    from vagus.accounts import actions as accounts
    from vagus.backup.export import export_user_data
    from vagus.studies.models import Consent, Enrolment

    person = make_person("ana")
    enrolment = enrol(person, study)
    document = export_user_data(person)
    assert [e["pseudonym"] for e in document["study_enrolments"]] == [enrolment.pseudonym]
    assert document["study_consents"][0]["version_sha256"] == study.current_consent().sha256
    accounts.delete_account(person)
    assert not Enrolment.objects.exists() and not Consent.objects.exists()
    assert study.consent_versions.exists()  # the study itself is the researcher's
