"""Joining by a study link: a new account or an existing one; only protocol data from the
day of joining is shared (unless chosen); a random pseudonym that names no one."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from tests.helpers import PASSWORD
from tests.helpers.db import make_person
from tests.studies.people import JOIN_AT, enrol, log

from vagus.accounts.models import User
from vagus.accounts.roles import Role
from vagus.studies import queries
from vagus.studies.models import Enrolment
from vagus.studies.pseudonyms import new_pseudonym

pytestmark = pytest.mark.django_db
CHOICES = {"agree": "on", "keep_data": "keep", "tell_contact": "yes"}


def test_a_new_participant_makes_an_account_from_the_study_link(study):
    client = Client()
    url = f"/studies/join/{study.invite_code}/"
    page = client.get(url).content.decode()
    assert "Gut and calm" in page and "Consent v1" in page
    response = client.post(
        url,
        {
            "account-username": "newbie",
            "account-time_zone": "Europe/London",
            "account-password1": PASSWORD,
            "account-password2": PASSWORD,
            **CHOICES,
        },
    )
    assert response.status_code == 302 and response["Location"] == "/studies/mine/"
    newbie = User.objects.get(username="newbie")
    enrolment = Enrolment.objects.get(owner=newbie, study=study)
    assert enrolment.latest_consent().keep_data_on_withdrawal is True
    assert enrolment.pseudonym in client.get("/studies/mine/").content.decode()  # signed in


def test_a_refused_form_makes_no_account(study):
    response = Client().post(
        f"/studies/join/{study.invite_code}/",
        {"account-username": "newbie", "account-password1": PASSWORD, **CHOICES},
    )
    assert response.status_code == 400
    assert not User.objects.filter(username="newbie").exists()


def test_an_existing_user_joins_and_earlier_diary_is_not_shared(study):
    person = make_person("ana")
    log(person, date(2026, 3, 1), anxiety=7, gut_pain=6)  # before joining
    enrol(person, study)
    log(person, date(2026, 3, 10), anxiety=3, gut_pain=2, sleep_hours=7)
    log(person, date(2026, 3, 11), anxiety=4)
    rows = queries.shared_rows(study)
    assert {(r.date, r.measure, r.value) for r in rows} == {
        (date(2026, 3, 10), "anxiety", 3),
        (date(2026, 3, 10), "gut_pain", 2),
        (date(2026, 3, 11), "anxiety", 4),
    }  # nothing from 1 March, and sleep is not in the protocol


def test_earlier_diary_is_shared_only_when_chosen(study):
    person = make_person("ana")
    log(person, date(2026, 3, 1), anxiety=7)
    enrol(person, study, shares_earlier=True)
    assert date(2026, 3, 1) in {r.date for r in queries.shared_rows(study)}


def test_an_existing_user_joins_through_the_link_page(study, client_of):
    person = make_person("ana")
    client = client_of(person)
    url = f"/studies/join/{study.invite_code}/"
    assert "Also share my diary from before today" in client.get(url).content.decode()
    assert client.post(url, CHOICES).status_code == 302
    enrolment = Enrolment.objects.get(owner=person)
    assert enrolment.shares_earlier is False
    assert client.post(url, CHOICES).status_code == 302  # already in: no second enrolment
    assert Enrolment.objects.filter(owner=person).count() == 1


def test_a_professional_cannot_take_part(study, researcher, client_of):
    clinician = User.objects.create_user("dr", password="x", role=Role.CLINICIAN)
    client = client_of(clinician)
    response = client.post(f"/studies/join/{study.invite_code}/", CHOICES)
    assert "cannot take part" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_an_unknown_link_is_not_found(client_of):
    assert Client().get("/studies/join/not-a-study/").status_code == 404


def test_pseudonyms_never_equal_any_identifier(study):
    identifiers = set()
    pseudonyms = []
    for number in range(40):
        person = User.objects.create_user(
            f"person{number}", email=f"person{number}@example.org", password="x"
        )
        enrolment = enrol(person, study, at=JOIN_AT)
        identifiers |= {
            person.username,
            person.email,
            str(person.pk),
            str(person.uuid),
            person.uuid.hex,
            str(enrolment.pk),
            str(enrolment.uuid),
        }
        pseudonyms.append(enrolment.pseudonym)
    assert len(set(pseudonyms)) == len(pseudonyms)
    for pseudonym in pseudonyms:
        assert re.fullmatch(r"P-[2-9A-HJKMNP-Z]{8}", pseudonym)
        assert pseudonym not in identifiers
        # Nor does it carry one inside (the short numeric ids could match by chance).
        assert not any(i.casefold() in pseudonym.casefold() for i in identifiers if len(i) > 5)
        code = pseudonym.removeprefix("P-")
        assert not any(code.casefold() in i.casefold() for i in identifiers)


def test_a_pseudonym_is_never_one_already_taken_in_the_study():
    taken = {new_pseudonym() for _ in range(200)}
    assert all(new_pseudonym(taken) not in taken for _ in range(200))
