"""The daily table: minutes and counts add up across sources, scales average, yes/no is "any",
not logged stays missing, meal measures are complete on meal days only, one query."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vagus.diary import actions
from vagus.diary.models import Measure, Observation
from vagus.insights.queries import daily_frame

pytestmark = pytest.mark.django_db


def _obs(user, code, day, value, source):
    measure = Measure.objects.get(owner__isnull=True, code=code)
    return Observation.objects.create(
        owner=user, measure=measure, day=day, value=value, source=source
    )


def test_aggregation_rules_per_kind(person, other_person):
    day = person.today() - timedelta(days=3)
    actions.save_checkin(
        person, day, {"anxiety": 6, "mindfulness_minutes": 10, "probiotic": 0, "sleep_hours": 7}
    )
    _obs(person, "mindfulness_minutes", day, 15, "tool")  # a breathing session that day
    _obs(person, "anxiety", day, 3, "import")  # a second rating from an app
    _obs(person, "probiotic", day, 1, "import")
    _obs(other_person, "anxiety", day, 10, "checkin")

    frame = daily_frame(person)

    row = frame.loc[str(day)]
    assert row["mindfulness_minutes"] == 25  # summed across sources
    assert row["anxiety"] == 4.5  # averaged
    assert row["probiotic"] == 1  # any "yes" is yes: stays 0/1
    assert row["sleep_hours"] == 7


def test_gap_free_calendar_with_missing_days_as_nan(person):
    first = person.today() - timedelta(days=10)
    actions.save_checkin(person, first, {"anxiety": 2})
    actions.save_checkin(person, first + timedelta(days=4), {"anxiety": 5, "gut_pain": 1})

    frame = daily_frame(person)

    assert list(frame.index.date) == [first + timedelta(days=i) for i in range(5)]
    assert frame["anxiety"].isna().sum() == 3
    assert np.isnan(frame.loc[str(first), "gut_pain"])  # not logged is never read as 0
    assert frame.dtypes.eq(float).all()


def test_start_and_end_bound_the_calendar(person):
    first = person.today() - timedelta(days=20)
    for i in range(0, 20, 2):
        actions.save_checkin(person, first + timedelta(days=i), {"anxiety": i % 10})
    start, end = first + timedelta(days=3), first + timedelta(days=9)

    frame = daily_frame(person, start, end)

    assert frame.index[0].date() == start and frame.index[-1].date() == end
    assert frame["anxiety"].notna().sum() == 3  # days 4, 6, 8


def test_meal_measures_are_zero_on_meal_days_and_missing_otherwise(person):
    meal_day = person.today() - timedelta(days=2)
    no_meal_day = meal_day - timedelta(days=1)
    actions.save_checkin(person, no_meal_day, {"anxiety": 4})
    actions.save_checkin(person, meal_day, {"anxiety": 5})
    eaten = datetime.combine(meal_day, time(12, 30), tzinfo=person.zone())
    actions.add_meal(person, "chicken salad sandwich", eaten)

    frame = daily_frame(person)

    assert frame.loc[str(meal_day), "fermented_servings"] == 0  # meals, none fermented
    assert np.isnan(frame.loc[str(no_meal_day), "fermented_servings"])  # no meals logged
    assert frame.loc[str(meal_day), "plant_count"] >= 1


def test_custom_measures_and_questionnaire_totals_are_columns(person):
    day = person.today() - timedelta(days=1)
    mine = actions.create_measure(person, "Walk by the sea", "yesno", "better")
    actions.save_checkin(person, day, {"anxiety": 3, mine.code: 1})
    _obs(person, "gad7_total", day, 9, "questionnaire")

    frame = daily_frame(person)

    assert frame.loc[str(day), mine.code] == 1
    assert frame.loc[str(day), "gad7_total"] == 9


def test_one_query_and_an_empty_diary(person):
    for i in range(30):
        actions.save_checkin(person, person.today() - timedelta(days=i), {"anxiety": i % 10})
    with CaptureQueriesContext(connection) as queries:
        daily_frame(person)
    assert len(queries) == 1
    assert daily_frame(person.__class__.objects.create(username="empty")).empty
