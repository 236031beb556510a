"""When a questionnaire is due: calendar days in the person's zone, across DST and midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from vagus.questionnaires import actions, queries, scheduling
from vagus.questionnaires.models import Schedule


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# -- pure logic ----------------------------------------------------------------------------------


def test_due_rules():
    today = date(2025, 3, 10)
    assert scheduling.is_due(today, None, 7, True)  # never answered
    assert scheduling.is_due(today, date(2025, 3, 3), 7, True)  # exactly a week
    assert not scheduling.is_due(today, date(2025, 3, 4), 7, True)
    assert not scheduling.is_due(today, date(2025, 1, 1), 7, False)  # switched off
    assert not scheduling.is_due(today, None, None, True)  # "any time" is never due


@pytest.mark.parametrize(
    ("zone", "answered", "not_yet", "due"),
    [
        # London, clocks forward 30 Mar 2025 (01:00 UTC): answered Sun 23 Mar 12:00 GMT.
        # Due from local midnight on Sun 30 Mar, though only 167 hours pass by 12:00 BST.
        (
            "Europe/London",
            utc(2025, 3, 23, 12, 0),
            utc(2025, 3, 29, 23, 59),
            utc(2025, 3, 30, 11, 0),
        ),
        # London, clocks back 26 Oct 2025: answered Sun 19 Oct 00:30 BST (23:30 UTC on the 18th).
        # Local midnight starting 26 Oct is 23:00 UTC on the 25th.
        (
            "Europe/London",
            utc(2025, 10, 18, 23, 30),
            utc(2025, 10, 25, 22, 59),
            utc(2025, 10, 25, 23, 0),
        ),
        # New York, clocks forward 9 Mar 2025: answered Sun 2 Mar 23:30 EST.
        ("America/New_York", utc(2025, 3, 3, 4, 30), utc(2025, 3, 9, 4, 59), utc(2025, 3, 9, 5, 0)),
        # New York across the October/November change (2 Nov 2025): answered Sun 26 Oct 00:30 EDT.
        (
            "America/New_York",
            utc(2025, 10, 26, 4, 30),
            utc(2025, 11, 2, 3, 59),
            utc(2025, 11, 2, 4, 0),
        ),
        # New York, the week after clocks went back: answered Sun 2 Nov 23:30 EST.
        (
            "America/New_York",
            utc(2025, 11, 3, 4, 30),
            utc(2025, 11, 9, 4, 59),
            utc(2025, 11, 9, 5, 0),
        ),
        # Auckland near midnight (NZST, UTC+12): answered Sun 1 Jun 23:30 local = 11:30 UTC.
        (
            "Pacific/Auckland",
            utc(2025, 6, 1, 11, 30),
            utc(2025, 6, 7, 11, 59),
            utc(2025, 6, 7, 12, 0),
        ),
    ],
)
def test_weekly_schedule_counts_local_calendar_days(zone, answered, not_yet, due):
    assert not scheduling.is_due_at(not_yet, zone, answered, 7, True)
    assert scheduling.is_due_at(due, zone, answered, 7, True)


def test_counting_hours_would_get_the_dst_week_wrong():
    # The reason for calendar days: across the spring change a local week is 167 hours.
    answered, now = utc(2025, 3, 23, 12, 0), utc(2025, 3, 30, 11, 0)
    assert now - answered < timedelta(days=7)
    assert scheduling.is_due_at(now, "Europe/London", answered, 7, True)


def test_auckland_day_is_not_the_utc_day():
    moment = utc(2025, 6, 7, 12, 30)  # still 7 June in UTC, already 8 June in Auckland
    assert scheduling.local_day(moment, "Pacific/Auckland") == date(2025, 6, 8)
    with pytest.raises(ValueError):
        scheduling.local_day(datetime(2025, 6, 7, 12, 30), "Pacific/Auckland")


def test_defaults():
    plans = {code: scheduling.default_plan(code) for code in ("gad7", "phq8", "phq9", "ibs_sss")}
    assert (plans["gad7"].every_days, plans["gad7"].enabled) == (7, True)
    assert (plans["phq8"].every_days, plans["phq8"].enabled) == (14, False)
    assert plans["phq9"].enabled is False
    assert (plans["ibs_sss"].every_days, plans["ibs_sss"].enabled) == (28, False)
    assert scheduling.default_plan("gad2").every_days is None
    assert scheduling.default_plan("phq4").every_days is None


# -- with the database ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_gad7_is_due_for_a_new_person_and_shown_on_today(person, person_client):
    assert [o.plan.instrument for o in queries.due_for(person)] == ["gad7"]
    html = person_client.get(reverse("diary:today")).content.decode()
    assert "A questionnaire is due" in html
    assert reverse("questionnaires:answer", args=["gad7"]) in html


@pytest.mark.django_db
def test_answering_makes_it_not_due_until_a_week_later(person, person_client):
    actions.record_response(person, "gad7", [1] * 7)
    assert queries.due_for(person) == []
    assert (
        "A questionnaire is due" not in person_client.get(reverse("diary:today")).content.decode()
    )
    assert [
        o.plan.instrument for o in queries.due_for(person, person.today() + timedelta(days=7))
    ] == ["gad7"]


@pytest.mark.django_db
def test_not_shown_on_past_days(person, person_client):
    past = reverse("diary:day", kwargs={"day": person.today() - timedelta(days=2)})
    assert "A questionnaire is due" not in person_client.get(past).content.decode()


@pytest.mark.django_db
def test_a_person_can_switch_off_or_change_each(person, person_client):
    url = reverse("questionnaires:schedule", args=["gad7"])
    person_client.post(url, {"gad7-every": "7"})  # enabled box unticked: off
    assert queries.due_for(person) == []
    person_client.post(
        reverse("questionnaires:schedule", args=["phq8"]),
        {"phq8-every": "28", "phq8-enabled": "on"},
    )
    plan = queries.plans_for(person)["phq8"]
    assert (plan.every_days, plan.enabled, plan.is_default) == (28, True, False)
    assert [o.plan.instrument for o in queries.due_for(person)] == ["phq8"]
    assert Schedule.objects.owned_by(person).count() == 2


@pytest.mark.django_db
def test_bad_schedule_is_refused(person):
    with pytest.raises(actions.QuestionnaireInputError):
        actions.set_schedule(person, "gad7", 3, True)
    assert not Schedule.objects.exists()
