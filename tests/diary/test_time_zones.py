"""Days are calendar days where the person is, not where the server is (UTC)."""

from __future__ import annotations

from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from tests.helpers.db import make_person

from vagus.diary.models import Meal, Observation

pytestmark = pytest.mark.django_db

CASES = [
    # zone, local wall-clock time of saving, the local calendar day expected
    ("Pacific/Auckland", datetime(2026, 3, 10, 23, 30), date(2026, 3, 10)),
    ("America/Los_Angeles", datetime(2026, 7, 1, 0, 30), date(2026, 7, 1)),
    # Here the UTC date differs from the local one, so a server-clock bug would show.
    ("Pacific/Auckland", datetime(2026, 3, 10, 8, 0), date(2026, 3, 10)),  # 19:00 UTC on the 9th
    ("America/Los_Angeles", datetime(2026, 7, 1, 23, 30), date(2026, 7, 1)),  # 06:30 UTC on the 2nd
    # The night the clocks go back in Auckland (NZDT → NZST at 03:00 on 5 April 2026).
    ("Pacific/Auckland", datetime(2026, 4, 5, 2, 30), date(2026, 4, 5)),
]


@pytest.mark.parametrize(("zone", "local", "expected"), CASES)
def test_check_in_lands_on_the_local_day(client_of, zone, local, expected):
    person = make_person(f"tz{abs(hash((zone, local))) % 10_000}", zone)
    moment = local.replace(tzinfo=ZoneInfo(zone))
    with mock.patch("django.utils.timezone.now", return_value=moment.astimezone(ZoneInfo("UTC"))):
        response = client_of(person).post(reverse("diary:today"), {"anxiety": "5"})
    assert response.status_code == 302
    assert list(Observation.objects.filter(owner=person).values_list("day", flat=True)) == [
        expected
    ]


def test_a_day_that_is_tomorrow_in_utc_is_today_in_auckland(client_of):
    person = make_person("kiri", "Pacific/Auckland")
    utc_now = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("UTC"))  # 01:00 on the 11th in Auckland
    with mock.patch("django.utils.timezone.now", return_value=utc_now):
        url = reverse("diary:day", kwargs={"day": date(2026, 3, 11)})
        response = client_of(person).post(url, {"anxiety": "4"})
    assert response.status_code == 302
    assert Observation.objects.get(owner=person).day == date(2026, 3, 11)


def test_meal_day_follows_the_persons_zone(client_of):
    person = make_person("lou", "America/Los_Angeles")
    utc_now = datetime(2026, 7, 2, 12, 0, tzinfo=ZoneInfo("UTC"))
    with mock.patch("django.utils.timezone.now", return_value=utc_now):
        client_of(person).post(
            reverse("diary:meals"), {"text": "late toast", "eaten_at": "2026-07-01T23:45"}
        )
    meal = Meal.objects.get(owner=person)
    assert meal.day == date(2026, 7, 1)
    assert meal.eaten_at == datetime(2026, 7, 2, 6, 45, tzinfo=ZoneInfo("UTC"))
