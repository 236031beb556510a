"""The set-up page's power estimate: the person's own variability, and the p-value floor."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from vagus.experiments import queries
from vagus.science import experiments as core

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("pairs, floor", [(3, "0.25"), (4, "0.125"), (5, "0.0625")])
def test_few_pairs_say_p_below_005_is_impossible(person_client, pairs, floor):
    body = person_client.get("/experiments/new/?library=fermented").content.decode()
    assert "cannot reach p" not in body  # the default, 6 pairs, can
    response = person_client.post(
        "/experiments/new/",
        {
            "library": "fermented",
            "outcome": "anxiety",
            "smallest_change": "1",
            "period_days": "7",
            "washout_days": "2",
            "pairs": str(pairs),
            "start": "2030-01-01",
            "hypothesis": "x",
            "action": "estimate",
        },
    )
    body = response.content.decode()
    assert f"With {pairs} pairs the exact test cannot reach p&nbsp;&lt;&nbsp;0.05 at all" in body
    assert f"smallest possible p-value is {floor}" in body
    assert "at least 6 pairs are needed" in body


def test_estimate_uses_the_persons_own_variability(person, log):
    today = person.today()
    rng = np.random.default_rng(1)
    diary = {
        today - timedelta(days=i): float(np.clip(round(5 + 2.5 * rng.normal()), 0, 10))
        for i in range(40)
    }
    log(person, diary)
    estimate = queries.power_estimate(person, "anxiety", 1.0, 7, 2, 6)
    sd, ar = core.estimate_variability(
        queries.outcome_series(person, "anxiety", today - timedelta(days=59), today)
    )
    assert estimate.own_data and estimate.logged_days == 40
    assert (estimate.sd, estimate.autocorrelation) == (sd, ar)
    assert sd != 1.5  # not the default
    direct = core.power(1.0, sd, ar, 7, 2, 6, n_sim=queries.POWER_SIMULATIONS)
    assert estimate.power == direct.power


def test_short_diary_uses_defaults_and_says_so(person, person_client):
    estimate = queries.power_estimate(person, "anxiety", 1.0, 7, 2, 6)
    assert not estimate.own_data and (estimate.sd, estimate.autocorrelation) == (1.5, 0.4)
    body = person_client.get("/experiments/new/?library=fermented").content.decode()
    assert "fewer than 14, so typical figures are used" in body
    assert "For an 80% chance" in body or "Even 12 pairs" in body
