"""On a phone: set up an experiment, see today's condition on Today, answer the adherence
question; axe finds no serious or critical problems on the set-up, experiment and result pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person
from tests.helpers.experiments import started_experiment

pytestmark = pytest.mark.e2e


def test_set_up_see_today_and_answer(page, live_server, login):
    from vagus.experiments.models import AdherenceAnswer, Experiment

    person = make_person("ines")
    login(page, "ines", PASSWORD)
    page.goto(f"{live_server.url}/experiments/")
    page.locator("a[href$='?library=fermented']").click()
    assert "cannot reach p" not in page.content()
    assert serious(page) == []
    page.fill("#id_start", person.today().isoformat())
    page.fill("#id_pairs", "4")
    page.get_by_role("button", name="Update the estimate").click()
    assert page.get_by_text("With 4 pairs the exact test cannot reach p").is_visible()
    page.get_by_role("button", name="Start the experiment").click()
    page.get_by_role("heading", name="A fermented food every day").wait_for()
    assert page.get_by_role("table").is_visible()
    assert serious(page) == []

    experiment = Experiment.objects.get(owner=person)
    condition = "fermented food" if experiment.schedule["order"][0][0] == "B" else "as usual"
    page.goto(f"{live_server.url}/today/")
    assert page.get_by_text(f"“{condition}” day").is_visible()
    page.get_by_role("button", name="Yes", exact=True).click()
    page.wait_for_url(f"{live_server.url}/today/")
    assert page.get_by_text("Saved: you followed today").is_visible()
    assert AdherenceAnswer.objects.get(experiment=experiment).followed is True


def test_result_page_is_accessible(page, live_server, login):
    from vagus.diary import actions as diary

    person = make_person("jon")
    experiment = started_experiment(
        person,
        library_key="breathing",
        hypothesis="Calmer.",
        days_ago=20,
        pairs=2,
        period_days=3,
        washout_days=1,
    )
    start = experiment.started
    for i in range(12):
        diary.save_checkin(person, start + timedelta(days=i), {"anxiety": 3 + i % 3})
    login(page, "jon", PASSWORD)
    page.goto(f"{live_server.url}/experiments/{experiment.uuid}/result/")
    page.get_by_role("heading", name="In plain words").wait_for()
    assert page.locator("svg.period-chart").is_visible()
    assert serious(page) == []
