"""The screener's rules, and a refusal worded kindly that keeps nothing."""

from __future__ import annotations

import pytest
from tests.helpers.db import make_person
from tests.helpers.world.studies import study_values
from tests.studies.people import JOIN_DAY

from vagus.studies import actions
from vagus.studies.eligibility import KIND_REFUSAL, Screening, is_eligible
from vagus.studies.models import Enrolment
from vagus.studies.protocol import Eligibility

RULES = Eligibility(
    min_age=18,
    max_age=65,
    questions=(("Do you have a diagnosis of IBS?", True), ("Are you pregnant?", False)),
    gad7_min=5,
    gad7_max=14,
)
MILD = (1, 1, 1, 1, 1, 1, 1)  # GAD-7 total 7


@pytest.mark.parametrize(
    ("screening", "eligible"),
    [
        (Screening(30, (True, False), MILD), True),
        (Screening(17, (True, False), MILD), False),  # too young
        (Screening(66, (True, False), MILD), False),  # too old
        (Screening(None, (True, False), MILD), False),  # age not given
        (Screening(30, (False, False), MILD), False),  # must say yes
        (Screening(30, (True, True), MILD), False),  # must say no
        (Screening(30, (True, False), (0, 0, 0, 0, 0, 1, 1)), False),  # GAD-7 2, below 5
        (Screening(30, (True, False), (3, 3, 3, 3, 3, 0, 0)), False),  # GAD-7 15, above 14
        (Screening(18, (True, False), (2, 2, 2, 2, 2, 2, 2)), True),  # edges: 18, GAD-7 14
        (Screening(65, (True, False), (1, 1, 1, 1, 1, 0, 0)), True),  # edges: 65, GAD-7 5
    ],
)
def test_rules(screening, eligible):
    assert is_eligible(RULES, screening) is eligible


def test_no_rules_lets_everyone_take_part():
    assert is_eligible(Eligibility(), Screening(None, ()))


def test_a_refusal_is_kind_and_nothing_is_stored(researcher, client_of):
    values = study_values("Gut and calm", JOIN_DAY)
    values["protocol"] = {**values["protocol"], "eligibility": {"min_age": 18, "max_age": 65}}
    study = actions.create_study(researcher, values, "I agree.")
    person = make_person("ana")
    response = client_of(person).post(
        f"/studies/join/{study.invite_code}/",
        {"age": "16", "agree": "on", "keep_data": "keep", "tell_contact": "yes"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert KIND_REFUSAL in page
    assert "not the right fit" in page and "says nothing about you" in page
    assert not Enrolment.objects.exists()
