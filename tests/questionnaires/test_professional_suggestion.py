"""A GAD-7 of 10 or more gently suggests a professional and offers the one-page report."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from vagus.diary import actions as diary_actions
from vagus.questionnaires import actions

pytestmark = pytest.mark.django_db

SUGGESTION = "talk with a licensed therapist or your doctor"


def result_page(client, response) -> str:
    return client.get(reverse("questionnaires:result", args=[response.uuid])).content.decode()


def test_ten_or_more_suggests_talking_to_a_professional(person, person_client):
    response = actions.record_response(person, "gad7", [2, 2, 2, 1, 1, 1, 1]).response  # 10
    html = result_page(person_client, response)
    assert SUGGESTION in html
    # The one-page report (vagus.reports) supersedes the summary as the thing to bring.
    assert reverse("reports:index") in html
    assert reverse("learn:professional_help") in html


def test_nine_does_not(person, person_client):
    response = actions.record_response(person, "gad7", [2, 2, 1, 1, 1, 1, 1]).response  # 9
    assert SUGGESTION not in result_page(person_client, response)


def test_summary_brings_scores_sleep_and_gut_from_the_last_four_weeks(person, person_client):
    today = person.today()
    for offset in range(4):
        diary_actions.save_checkin(
            person,
            today - timedelta(days=offset),
            {"sleep_hours": 6 + offset, "gut_pain": 4, "bloating": 2, "stool_form": 6},
        )
    diary_actions.save_checkin(person, today - timedelta(days=40), {"sleep_hours": 1})  # too old
    actions.record_response(person, "gad7", [2] * 7)
    html = person_client.get(reverse("questionnaires:summary")).content.decode()
    assert "Summary for my appointment" in html
    assert "Your answers add up to 14 of 21, in the range usually called moderate anxiety" in html
    assert "7.5 hours" in html  # average of 6, 7, 8, 9; the day 40 days ago left out
    assert "4.0 of 10" in html  # gut pain
    assert "Type 6: 4 days" in html
    assert "does not give advice about medication" in html
    # Printable as it stands: no script but the offline helper every page loads, nothing inline.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert [re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _ in scripts] == [
        "/static/offline/offline.js"
    ]
    assert all(not body.strip() for _, body in scripts)
