"""A self-harm answer reaches the crisis page even when the rest of the form is refused.

PHQ-9 item 9 above 0 is read from the raw answers before anything else is checked: a blank
question, a missing or null item, or a wrong answer elsewhere never loses the signal. The
answers are not stored (they cannot be scored), but the alert is.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from tests.helpers.db import make_person

from vagus.backup.export import export_user_data
from vagus.backup.restore import restore
from vagus.questionnaires import actions
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert

pytestmark = pytest.mark.django_db

CRISIS = reverse("questionnaires:crisis")
ANSWER = reverse("questionnaires:answer", args=["phq9"])
API = "/api/questionnaires/phq9/responses"


def _unsaved_alert(user) -> SafetyAlert:
    alert = SafetyAlert.objects.get(owner=user)
    assert (alert.source, alert.response, alert.acknowledged_at) == (
        SafetyAlert.UNSAVED_ANSWERS,
        None,
        None,
    )
    return alert


def test_item_9_with_a_blank_question_goes_to_the_crisis_page(person, person_client):
    data = {f"item_{n}": "0" for n in (1, 2, 4, 5, 6, 7, 8)} | {"item_9": "3"}
    response = person_client.post(ANSWER, data)
    assert (response.status_code, response["Location"]) == (302, CRISIS)
    _unsaved_alert(person)
    assert not QuestionnaireResponse.objects.filter(owner=person).exists()
    page = person_client.get(CRISIS).content.decode()
    assert "You told us you have had thoughts" in page
    assert "your answers are not saved" in page
    assert "I have read this" in page
    # Every other page waits behind the crisis page until it is read, as for a saved answer.
    assert person_client.get(reverse("diary:today"))["Location"] == CRISIS
    response = person_client.post(reverse("questionnaires:crisis_read"))
    assert response["Location"] == reverse("questionnaires:index")
    assert person_client.get(reverse("diary:today")).status_code == 200


def test_item_9_with_only_that_question_answered_goes_to_the_crisis_page(person, person_client):
    response = person_client.post(ANSWER, {"item_9": "1"})
    assert response["Location"] == CRISIS
    _unsaved_alert(person)


def test_a_blank_question_with_item_9_at_zero_shows_the_error(person, person_client):
    data = {f"item_{n}": "0" for n in (1, 2, 4, 5, 6, 7, 8, 9)}
    response = person_client.post(ANSWER, data)
    assert response.status_code == 200
    assert "Question 3: please choose an answer." in response.content.decode()
    assert not SafetyAlert.objects.exists()


@pytest.mark.parametrize("item9", ["x", "", "²", "1e999", "nan", "9" * 5000, "4", "-1"])
def test_an_item_9_that_is_not_an_answer_does_not_crash_or_alert(person, person_client, item9):
    data = {f"item_{n}": "0" for n in (1, 2, 4, 5, 6, 7, 8)} | {"item_9": item9}
    response = person_client.post(ANSWER, data)
    assert response.status_code == 200
    assert "Question 3: please choose an answer." in response.content.decode()
    assert not SafetyAlert.objects.exists()


@pytest.mark.parametrize(
    "answers",
    [
        [0, 0, 0, 0, 0, 0, 0, 0],  # item 9 missing: nothing to read
        [0, 0, None, 0, 0, 0, 0, 0, 0],
    ],
)
def test_the_api_without_a_self_harm_answer_has_no_safety(api, person, answers):
    response = api("post", API, {"answers": answers})
    assert response.status_code == 400
    assert response.json()["safety"] is None
    assert not SafetyAlert.objects.exists()


@pytest.mark.parametrize(
    "answers",
    [
        [0, 0, None, 0, 0, 0, 0, 0, 3],  # a null item
        [None] * 8 + [2],  # only item 9
        [0, 0, 0, 0, 7, 0, 0, 0, 1],  # another item out of range
        [0, 0, "often", 0, 0, 0, 0, 0, "3"],  # item 9 as text, another not a number
    ],
)
def test_the_api_400_carries_the_safety_object(api, person, answers):
    response = api("post", API, {"answers": answers})
    assert response.status_code == 400
    body = response.json()
    assert body["errors"]  # the item that was wrong is still named
    assert body["safety"]["crisis_page"] == CRISIS
    saved = api("post", API, {"answers": [0] * 8 + [3]}).json()
    assert body["safety"] == saved["safety"]  # the same object as a 201
    assert SafetyAlert.objects.filter(owner=person, source=SafetyAlert.UNSAVED_ANSWERS).count() == 1


def test_an_api_item_9_that_is_not_a_number_does_not_crash(api, person):
    response = api("post", API, {"answers": [0] * 8 + ["a lot"]})
    assert response.status_code == 400
    assert "item_9" in response.json()["errors"]
    assert response.json()["safety"] is None
    assert not SafetyAlert.objects.exists()


def test_a_refused_time_still_records_the_signal(person):
    from datetime import timedelta

    from django.utils import timezone

    with pytest.raises(actions.QuestionnaireInputError) as caught:
        actions.record_response(person, "phq9", [0] * 8 + [2], timezone.now() + timedelta(days=3))
    assert "authored" in caught.value.errors
    assert caught.value.needs_crisis_page
    _unsaved_alert(person)


def test_an_unsaved_answers_alert_survives_a_backup(person):
    actions.alert_for_unsaved_answers(person, "phq9", [None] * 8 + [3])
    document = json.loads(json.dumps(export_user_data(person)))
    target = make_person("restored", "UTC")
    restore(target, document)
    _unsaved_alert(target)


def test_only_instruments_with_a_self_harm_item_raise_it(person):
    # PHQ-8 and GAD-7 have no such item: a 3 in position nine is just a wrong count.
    assert actions.alert_for_unsaved_answers(person, "phq8", [None] * 8 + [3]) is None
    assert actions.alert_for_unsaved_answers(person, "gad7", [None] * 6 + [3]) is None
    assert actions.alert_for_unsaved_answers(person, "no-such", [3] * 9) is None
    assert not SafetyAlert.objects.exists()
