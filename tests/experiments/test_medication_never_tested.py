"""A medicine is never offered or accepted as a self-experiment, however it is named."""

from __future__ import annotations

import pytest
from django.urls import reverse

from vagus.diary import actions as diary_actions
from vagus.diary.models import Measure
from vagus.experiments import actions
from vagus.safety.medication import can_be_tested

pytestmark = pytest.mark.django_db


def test_insights_never_offers_a_medicine_or_an_imported_taken_measure(person):
    xanax = diary_actions.create_measure(person, "Xanax taken", "yesno", "")
    vitamin = Measure.objects.create(
        owner=person, code="my_vitamin_d_taken", label="Vitamin D taken", kind="yesno"
    )
    walk = diary_actions.create_measure(person, "Walk outside", "yesno", "better")
    assert not can_be_tested(xanax)
    assert not can_be_tested(vitamin)
    assert can_be_tested(walk)


def test_set_up_page_does_not_prefill_a_medicine(person, person_client):
    diary_actions.create_measure(person, "Zoloft", "yesno", "")
    page = person_client.get(
        reverse("experiments:setup"), {"factor": "my_zoloft", "outcome": "anxiety"}
    ).content.decode()
    assert "Testing zoloft" not in page


def test_creating_one_by_brand_name_is_refused(person):
    with pytest.raises(actions.ExperimentInputError) as refused:
        actions.create_experiment(
            person,
            title="Trying without it",
            b_label="no Xanax",
            b_todo="Skip Xanax on B days",
            outcome="anxiety",
        )
    assert "medication" in str(refused.value).lower() or "medicine" in str(refused.value).lower()
