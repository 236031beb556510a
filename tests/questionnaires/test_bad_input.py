"""Bad answers are refused with a message naming the item, and nothing at all is written."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from vagus.diary.models import Observation
from vagus.questionnaires import actions
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert

pytestmark = pytest.mark.django_db


def nothing_written(user) -> bool:
    return not (
        QuestionnaireResponse.objects.filter(owner=user).exists()
        or Observation.objects.filter(owner=user).exists()
        or SafetyAlert.objects.filter(owner=user).exists()
    )


def test_a_missing_answer_on_the_page_names_the_question(person, person_client):
    data = {f"item_{n}": "1" for n in (1, 2, 4, 5, 6, 7)}
    response = person_client.post(reverse("questionnaires:answer", args=["gad7"]), data)
    assert response.status_code == 200
    assert "Question 3: please choose an answer." in response.content.decode()
    assert nothing_written(person)


def test_an_answer_out_of_range_on_the_page_names_the_question(person, person_client):
    data = {f"item_{n}": "1" for n in range(1, 10)} | {"item_9": "4"}
    response = person_client.post(reverse("questionnaires:answer", args=["phq9"]), data)
    assert "Question 9: choose one of the answers." in response.content.decode()
    assert nothing_written(person)


@pytest.mark.parametrize(
    ("answers", "field", "words"),
    [
        ([1, 1, 1, 1, 1, 1], "item_7", "item 7 missing"),
        ([1, 1, 5, 1, 1, 1, 1], "item_3", "item 3"),
        ([1, 1, 1, 1, 1.5, 1, 1], "item_5", "item 5"),
        ([1, 1, 1, 1, 1, 1, True], "item_7", "item 7"),
        ([1, 1, 1, 1, 1, 1, "2"], "item_7", "item 7"),
        ([1, 1, 1, 1, 1, 1, 1, 1], "item_8", "item 8 is not part of GAD-7"),
    ],
)
def test_record_response_refuses_bad_answers(person, answers, field, words):
    with pytest.raises(actions.QuestionnaireInputError) as caught:
        actions.record_response(person, "gad7", answers)
    assert field in caught.value.errors
    assert words in caught.value.errors[field]
    assert nothing_written(person)


def test_the_api_answers_400_naming_the_item_and_writes_nothing(person, person_client):
    response = person_client.post(
        "/api/questionnaires/phq9/responses",
        json.dumps({"answers": [0, 0, 0, 0, 7, 0, 0, 0, 0]}),
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert "item 5" in body["detail"]
    assert "item_5" in body["errors"]
    assert nothing_written(person)


def test_an_unknown_questionnaire_is_not_found(person, person_client):
    assert person_client.get(reverse("questionnaires:answer", args=["bdi"])).status_code == 404
    response = person_client.post(
        "/api/questionnaires/bdi/responses", json.dumps({"answers": [1]}), "application/json"
    )
    assert response.status_code == 404
    assert nothing_written(person)


def test_ibs_sss_needs_all_five_parts_or_a_total(person, person_client):
    response = person_client.post(
        reverse("questionnaires:answer", args=["ibs_sss"]), {"item_1": "40", "item_2": "30"}
    )
    assert "all five part scores" in response.content.decode()
    assert nothing_written(person)


def test_a_time_in_the_future_is_refused(person):
    from datetime import timedelta

    from django.utils import timezone

    with pytest.raises(actions.QuestionnaireInputError) as caught:
        actions.record_response(person, "gad2", [1, 1], timezone.now() + timedelta(days=2))
    assert "authored" in caught.value.errors
    assert nothing_written(person)
