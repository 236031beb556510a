"""Answering a questionnaire stores the response and its total as a diary Observation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from vagus.diary import queries as diary_queries
from vagus.diary.catalog import QUESTIONNAIRE_SCORES
from vagus.diary.models import Measure, Observation
from vagus.questionnaires import actions
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert
from vagus.science import instruments

pytestmark = pytest.mark.django_db

GAD7_TWELVE = [2, 2, 2, 2, 2, 1, 1]


def form_data(answers: list[int]) -> dict[str, str]:
    return {f"item_{n}": str(a) for n, a in enumerate(answers, start=1)}


def test_answering_on_the_page_stores_response_and_observation(person, person_client):
    response = person_client.post(
        reverse("questionnaires:answer", args=["gad7"]), form_data(GAD7_TWELVE)
    )
    stored = QuestionnaireResponse.objects.get(owner=person)
    assert response.status_code == 302
    assert response["Location"] == reverse("questionnaires:result", args=[stored.uuid])
    assert stored.instrument == "gad7"
    assert stored.answers == GAD7_TWELVE
    assert (stored.total, stored.band, stored.flags) == (12, "moderate", [])
    assert stored.day == person.today()
    observation = Observation.objects.get(owner=person)
    assert observation.measure.code == "gad7_total"
    assert observation.measure.kind == "score"
    assert (observation.value, observation.source, observation.day) == (
        12,
        "questionnaire",
        stored.day,
    )
    assert stored.observation == observation


def test_every_instrument_has_a_score_measure_kept_off_the_checkin(person, person_client):
    codes = {
        m.code
        for m in Measure.objects.filter(owner__isnull=True, on_checkin=False)
        if m.code.endswith("_total")  # the meal-derived measures are off the check-in too
    }
    assert codes == {f"{code}_total" for code in instruments.CODES}
    assert {b.code for b in QUESTIONNAIRE_SCORES} == codes
    on_form = {m.code for m in diary_queries.measures_for(person)}
    assert not on_form & codes
    page = person_client.get(reverse("diary:today")).content.decode()
    assert "GAD-7 total" not in page


def test_the_day_is_the_persons_own_day(person):
    person.time_zone = "Pacific/Auckland"
    person.save()
    # 11:30 UTC on 1 June is 23:30 on 1 June in Auckland; 12:30 UTC is already 2 June there.
    late = actions.record_response(person, "gad2", [1, 1], datetime(2025, 6, 1, 11, 30, tzinfo=UTC))
    after = actions.record_response(
        person, "gad2", [1, 1], datetime(2025, 6, 1, 12, 30, tzinfo=UTC)
    )
    assert str(late.response.day) == "2025-06-01"
    assert str(after.response.day) == "2025-06-02"
    assert str(after.response.observation.day) == "2025-06-02"


def test_ibs_sss_takes_part_scores_or_a_total_never_shows_questions(person, person_client):
    page = person_client.get(reverse("questionnaires:answer", args=["ibs_sss"])).content.decode()
    assert "as recorded on your licensed form" in page
    assert "Rome Foundation" in page
    parts = {"item_1": "40", "item_2": "50", "item_3": "30.5", "item_4": "60", "item_5": "20"}
    person_client.post(reverse("questionnaires:answer", args=["ibs_sss"]), parts)
    person_client.post(reverse("questionnaires:answer", args=["ibs_sss"]), {"total": "320"})
    totals = sorted(r.total for r in QuestionnaireResponse.objects.owned_by(person))
    assert totals == [200.5, 320]
    assert {r.band for r in QuestionnaireResponse.objects.owned_by(person)} == {
        "moderate",
        "severe",
    }


def test_difficulty_is_kept_but_not_scored(person, person_client):
    data = form_data(GAD7_TWELVE) | {"difficulty": "2"}
    person_client.post(reverse("questionnaires:answer", args=["gad7"]), data)
    stored = QuestionnaireResponse.objects.get(owner=person)
    assert (stored.total, stored.difficulty) == (12, 2)


def test_self_harm_signal_is_stored_with_an_alert_in_the_same_write(person):
    recorded = actions.record_response(person, "phq9", [0] * 8 + [2])
    assert recorded.response.flags == ["self_harm_risk"]
    assert SafetyAlert.objects.get(owner=person).response == recorded.response
