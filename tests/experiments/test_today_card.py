"""The Today card: today's condition in the person's own time zone, washout days as such."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest

from vagus.experiments.models import Experiment

pytestmark = pytest.mark.django_db


def _letters(experiment: Experiment) -> str:
    return "".join(experiment.schedule["order"])


def test_card_names_todays_condition(person, person_client, make_experiment):
    experiment = make_experiment(person, pairs=2, period_days=3, washout_days=1)
    body = person_client.get("/today/").content.decode()
    first = _letters(experiment)[0]
    expected = "“fermented food” day" if first == "B" else "“as usual” day"
    assert expected in body
    assert "Did you follow today's plan?" in body
    assert "a settling-in day" in body  # day 1 of a period with one washout day


def test_no_card_before_the_start_or_after_stopping(person, person_client, make_experiment):
    from vagus.experiments import actions

    experiment = make_experiment(person, start=person.today() + timedelta(days=1))
    assert "Your experiment" not in person_client.get("/today/").content.decode()
    actions.stop(person, experiment)
    assert "Your experiment" not in person_client.get("/today/").content.decode()


def test_day_follows_the_persons_time_zone(client_of, make_experiment):
    from tests.helpers.db import make_person

    # 23:30 UTC on 1 March is already 2 March in Auckland and still 1 March in London.
    with mock.patch(
        "django.utils.timezone.now", return_value=datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    ):
        kiri = make_person("kiri", "Pacific/Auckland")
        experiment = make_experiment(kiri, pairs=2, period_days=3, washout_days=0)
        assert experiment.started.isoformat() == "2026-03-02"
        order = _letters(experiment)
        body = client_of(kiri).get("/today/").content.decode()
        label = "fermented food" if order[0] == "B" else "as usual"
        assert f"“{label}” day" in body
        assert "Period 1 of 4" in body
    # 12:30 UTC on 4 March is still 4 March in London (period 1) but 5 March in Auckland:
    # day 4 of the experiment, period 2.
    with mock.patch(
        "django.utils.timezone.now", return_value=datetime(2026, 3, 4, 12, 30, tzinfo=UTC)
    ):
        body = client_of(kiri).get("/today/").content.decode()
        label = "fermented food" if order[1] == "B" else "as usual"
        assert "Period 2 of 4" in body and f"“{label}” day" in body
