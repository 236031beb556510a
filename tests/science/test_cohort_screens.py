"""Per-participant N-of-1 screens: each is the person's own insights screen, the counts find a
planted within-person effect, and Dask gives the local engine's results."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import psutil
import pytest

from vagus.science import cohort, insights
from vagus.science.cohort import _screens
from vagus.science.cohort._simulate import Truth, simulate_cohort


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return simulate_cohort(np.random.default_rng(5), 12, 90, missing=0.1)


def own_diary(frame: pd.DataFrame, participant: str) -> pd.DataFrame:
    """The participant's wide daily diary, built here with pandas alone."""
    rows = frame[frame["participant"] == participant]
    wide = rows.pivot_table(index="date", columns="measure", values="value", observed=True)
    wide.index = pd.DatetimeIndex(wide.index)
    return wide[["anxiety", "fermented", "sleep_hours"]]


def test_each_participant_gets_exactly_their_own_insights_screen(frame):
    summary = cohort.screens(frame, "anxiety")
    assert [p.participant for p in summary.people] == [f"p{i:05d}" for i in range(12)]
    for person in summary.people:
        days = own_diary(frame, person.participant)
        factors = ["fermented", "sleep_hours"]
        direct = insights.associations(days, "anxiety", min_days=14, fdr=0.05, factors=factors)
        assert direct, person.participant  # 90 days: every factor is estimated
        assert len(person.associations) == len(direct)
        for mine, theirs in zip(person.associations, direct, strict=True):
            assert (mine.factor, mine.lag, mine.n_days) == (
                theirs.factor,
                theirs.lag,
                theirs.n_days,
            )
            assert mine.estimate == pytest.approx(theirs.estimate, abs=1e-12)
            assert mine.q_value == pytest.approx(theirs.q_value, abs=1e-12)
        lasting = insights.lasting(days, "anxiety", min_days=14, fdr=0.05, factors=factors)
        assert person.shown == lasting

    # The counts are those of the per-participant results.
    row = next(f for f in summary.factors if (f.factor, f.lag) == ("sleep_hours", 0))
    estimates = [
        a.estimate
        for p in summary.people
        for a in p.associations
        if (a.factor, a.lag) == ("sleep_hours", 0)
    ]
    lower = sum(
        1
        for p in summary.people
        for a in p.associations
        if (a.factor, a.lag) == ("sleep_hours", 0)
        and ("sleep_hours", 0) in p.shown
        and a.estimate < 0
    )
    assert row.participants == len(estimates) == 12
    assert row.median_estimate == pytest.approx(float(np.median(estimates)))
    assert row.lower == lower and row.higher == 0
    assert summary.participants == summary.screened == 12


def test_a_planted_within_person_effect_is_found_in_those_who_have_it():
    rng = np.random.default_rng(11)
    planted = simulate_cohort(rng, 6, 90, {"walk": Truth(within=-0.6, between=0.0)}, missing=0.1)
    others = simulate_cohort(rng, 6, 90, {"walk": Truth(within=0.0, between=0.0)}, missing=0.1)
    planted["participant"] = "with-" + planted["participant"].astype(str)
    others["participant"] = "without-" + others["participant"].astype(str)
    frame = pd.concat([planted, others], ignore_index=True)
    summary = cohort.screens(frame, "anxiety", lags=(0,))

    def found(prefix: str) -> int:
        return sum(
            1 for p in summary.people if p.participant.startswith(prefix) and ("walk", 0) in p.shown
        )

    assert found("with-") >= 5
    assert found("without-") <= 1
    (walk,) = summary.factors
    assert walk.lower >= 5 and walk.higher <= 1 and walk.participants == 12


def test_participants_without_the_outcome_are_not_screened(frame):
    extra = pd.DataFrame(
        {
            "participant": ["nobody"] * 30,
            "date": pd.date_range("2026-01-05", periods=30),
            "measure": ["sleep_hours"] * 30,
            "value": np.arange(30.0),
        }
    )
    summary = cohort.screens(pd.concat([frame, extra], ignore_index=True), "anxiety")
    assert "nobody" not in {p.participant for p in summary.people}
    assert summary.participants == 12


def test_bad_input_and_engine_are_named(frame):
    with pytest.raises(ValueError, match="engine"):
        cohort.screens(frame, "anxiety", engine="spark")
    with pytest.raises(ValueError, match="no measure “mood”"):
        cohort.screens(frame, "mood")


def test_dask_on_two_worker_processes_agrees_with_the_local_engine_and_is_closed(
    frame, monkeypatch
):
    monkeypatch.setattr(_screens, "PARTICIPANTS_PER_CHUNK", 5)  # several chunks, a ragged end
    local = cohort.screens(frame, "anxiety")
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    on_dask = cohort.screens(frame, "anxiety", engine="dask", workers=2, processes=True)
    # Equal to 1e-9, not bit for bit: workers run linear algebra on one thread, which may
    # change the last bits of a sum.
    assert len(on_dask.factors) == len(local.factors)
    for mine, theirs in zip(on_dask.factors, local.factors, strict=True):
        assert mine.to_dict() == {
            **theirs.to_dict(),
            "median_estimate": pytest.approx(theirs.median_estimate, abs=1e-9),
        }
    assert (on_dask.participants, on_dask.screened) == (local.participants, local.screened)
    assert [p.participant for p in on_dask.people] == [p.participant for p in local.people]
    for mine, theirs in zip(on_dask.people, local.people, strict=True):
        assert mine.shown == theirs.shown
        for a, b in zip(mine.associations, theirs.associations, strict=True):
            for name, value in dataclasses.asdict(a).items():
                other = dataclasses.asdict(b)[name]
                if isinstance(value, float):
                    assert value == pytest.approx(other, abs=1e-9)
                else:
                    assert value == other
    left = [
        p
        for p in psutil.Process().children(recursive=True)
        if p.pid not in before
        and p.is_running()
        and p.status() != psutil.STATUS_ZOMBIE
        and "multiprocessing.resource_tracker" not in " ".join(p.cmdline())
    ]
    assert not left, [p.cmdline() for p in left]
