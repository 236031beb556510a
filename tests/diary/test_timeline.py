"""The timeline: logged days, an SVG chart, a fixed number of queries however long the diary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vagus.diary import actions
from vagus.diary.charts import Line, line_chart

pytestmark = pytest.mark.django_db


def log_days(person, count):
    today = person.today()
    for offset in range(count):
        actions.save_checkin(
            person, today - timedelta(days=offset), {"anxiety": offset % 11, "gut_pain": 2}
        )


def test_timeline_lists_days_and_draws_the_chart(person, person_client):
    log_days(person, 3)
    page = person_client.get(reverse("diary:timeline")).content.decode()
    assert page.count('<tr>\n    <th scope="row">') == 3
    assert "<polyline" in page
    assert "Anxiety: 3 days logged, average 1.0" in page  # the chart's text description


@pytest.mark.parametrize("days", [30, 90, 365])
def test_timeline_query_count_does_not_grow_with_the_diary(person, person_client, days):
    log_days(person, 5)
    with CaptureQueriesContext(connection) as few:
        person_client.get(reverse("diary:timeline"), {"days": days})
    log_days(person, 60)
    with CaptureQueriesContext(connection) as many:
        person_client.get(reverse("diary:timeline"), {"days": days})
    assert len(many) == len(few) <= 8


def test_unknown_range_falls_back_to_30_days(person_client):
    page = person_client.get(reverse("diary:timeline"), {"days": "abc"}).content.decode()
    assert "last 30 days" in page


def test_gaps_break_the_line():
    from datetime import date

    start = date(2026, 1, 1)
    values = {start: 3.0, start + timedelta(days=1): 4.0, start + timedelta(days=5): 6.0}
    svg = line_chart([Line("Anxiety", values, "line-anxiety")], start, start + timedelta(days=9))
    assert svg.count("<polyline") == 1  # days 1–2 joined
    assert svg.count("<circle") == 1  # day 6 alone
