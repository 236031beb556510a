"""With too few days, the page, API and report say how many more logged days are needed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from vagus.diary import actions
from vagus.insights import queries

pytestmark = pytest.mark.django_db


def _log(person, days: int) -> None:
    start = person.today() - timedelta(days=days)
    for i in range(days):
        actions.save_checkin(
            person,
            start + timedelta(days=i),
            {"anxiety": (3 * i) % 7, "sleep_hours": 6 + i % 3, "probiotic": i % 2},
        )


def test_ten_days_in_a_row_need_five_more(person, person_client):
    # Ten consecutive days give nine usable days (each needs the day before); 14 are needed.
    _log(person, 10)

    report = queries.insights_for(person, "anxiety")

    assert report.found == [] and report.not_clear == []
    assert report.more_days_needed == 5
    assert report.logged_days == 10
    page = person_client.get("/insights/").content.decode()
    assert "5 more logged days" in page
    assert person_client.get("/api/insights").json()["more_days_needed"] == 5


def test_one_more_day_makes_an_estimate_possible(person):
    _log(person, 14)  # 13 usable days: one short of 14
    assert queries.insights_for(person, "anxiety").more_days_needed == 1
    actions.save_checkin(person, person.today(), {"anxiety": 4, "sleep_hours": 8, "probiotic": 1})
    report = queries.insights_for(person, "anxiety")
    assert report.more_days_needed is None
    assert {f.association.factor for f in report.estimated} >= {"sleep_hours", "probiotic"}


def test_an_empty_diary(person, person_client):
    report = queries.insights_for(person, "anxiety")
    assert report.more_days_needed == 15  # 14 usable days need 15 in a row
    assert report.logged_days == 0
    response = person_client.get("/insights/")
    assert response.status_code == 200
    assert "15 more logged days" in response.content.decode()


def test_a_factor_with_too_few_days_is_listed_with_its_shortfall(person):
    _log(person, 30)
    for i in range(5):  # walks logged on five days only
        actions.save_checkin(
            person,
            person.today() - timedelta(days=2 * i + 1),
            {"anxiety": 4, "sleep_hours": 7, "probiotic": 0, "activity_minutes": 20},
        )

    report = queries.insights_for(person, "anxiety")

    waiting = {w.measure.code: w.days_needed for w in report.waiting}
    assert waiting == {"activity_minutes": 14 - 5}
