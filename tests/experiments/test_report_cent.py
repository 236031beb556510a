"""The printable report follows the CENT 2015 items that apply, and needs nothing external."""

from __future__ import annotations

from datetime import timedelta

import pytest

pytestmark = pytest.mark.django_db

ITEMS = [
    "Title",
    "Rationale",
    "Specific objective",
    "Trial design",
    "Washout",
    "Outcome",
    "Sample size",
    "Randomisation",
    "Blinding",
    "Statistical methods",
    "Participant flow (periods)",
    "Adherence",
    "Results",
    "Harms",
    "Limitations",
    "Interpretation",
]


def test_report_of_a_finished_experiment(person, person_client, make_experiment, log):
    experiment = make_experiment(person, pairs=2, period_days=3, washout_days=1, days_ago=20)
    order = "".join(experiment.schedule["order"])
    log(
        person,
        {
            experiment.started + timedelta(days=i): 2.0 + 3 * (order[i // 3] == "A") + (i % 2)
            for i in range(12)
        },
    )
    person_client.post(f"/experiments/{experiment.uuid}/result/", {"harms": "A little bloating"})
    body = person_client.get(f"/experiments/{experiment.uuid}/report/").content.decode()
    for heading in ITEMS:
        assert f"<td>{heading}</td>" in body, heading
    assert "CENT 2015" in body and "@media print" in body
    assert "Calmer with kefir." in body  # the pre-stated hypothesis
    assert "A little bloating" in body
    assert "Mean A" in body and "95% interval" in body
    assert "fermented-foods-microbiome" in body and "nof1-trials" in body
    assert ", ".join(experiment.schedule["order"]) in body
    # Self-contained: no stylesheet, script or image fetched from anywhere.
    for external in ("<link", "<script", "src=", "@import"):
        assert external not in body


def test_report_of_a_running_experiment_has_no_results(person, person_client, make_experiment):
    experiment = make_experiment(person)
    body = person_client.get(f"/experiments/{experiment.uuid}/report/").content.decode()
    assert "None yet: the experiment has not finished." in body
    assert "Mean A" not in body


def test_report_counts_in_words_not_placeholders(person, person_client, make_experiment, log):
    plan = {"power": 0.2, "sd": 1.5, "autocorrelation": 0.3, "min_p_value": 0.5}
    experiment = make_experiment(
        person, pairs=2, period_days=3, washout_days=1, smallest_change=1, plan=plan, days_ago=20
    )
    order = "".join(experiment.schedule["order"])
    log(
        person,
        {experiment.started + timedelta(days=i): 3.0 + (order[i // 3] == "A") for i in range(12)},
    )
    body = person_client.get(f"/experiments/{experiment.uuid}/report/").content.decode()
    assert "(s)" not in body and "2^n" not in body
    assert "The first 1 day of every period" in body
    assert "a change of 1 point:" in body
    assert "over all 2² = 4 possible orders" in body
    assert "4 periods in 2 complete pairs" in body
    assert "0 days paused" in body


def test_several_days_and_points_are_plural(person, person_client, make_experiment):
    experiment = make_experiment(
        person, pairs=5, period_days=7, washout_days=2, smallest_change=1.5
    )
    body = person_client.get(f"/experiments/{experiment.uuid}/report/").content.decode()
    assert "The first 2 days of every period" in body
    assert "over all 2⁵ = 32 possible orders" in body
