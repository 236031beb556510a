"""What the cohort analysis accepts, what it refuses (in words naming the problem), and the
shape of its result."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from vagus.science import cohort
from vagus.science.cohort._frame import to_wide
from vagus.science.cohort._simulate import simulate_cohort


@pytest.fixture(scope="module")
def frame():
    return simulate_cohort(np.random.default_rng(11), 12, 30)


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as a CSV reader gives it: every column text."""
    out = frame.astype(str)
    out["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    return out


def test_the_json_has_exactly_the_issue_shape(frame):
    data = json.loads(cohort.analyse(frame, "anxiety").to_json())
    assert list(data) == ["participants", "observations", "outcome", "factors"]
    assert (data["participants"], data["observations"], data["outcome"]) == (12, 360, "anxiety")
    assert [f["factor"] for f in data["factors"]] == ["fermented", "sleep_hours"]
    for f in data["factors"]:
        assert list(f) == ["factor", "participants", "within", "between", "slope_sd"]
        assert list(f["within"]) == ["estimate", "ci_low", "ci_high", "p", "q"]
        assert list(f["between"]) == ["estimate", "ci_low", "ci_high"]
        assert f["within"]["ci_low"] < f["within"]["estimate"] < f["within"]["ci_high"]
        assert 0 <= f["within"]["p"] <= f["within"]["q"] <= 1
        assert isinstance(f["slope_sd"], float) and f["participants"] == 12


def test_text_columns_give_the_same_answer_as_typed_ones(frame):
    typed = cohort.analyse(frame, "anxiety")
    text = cohort.analyse(as_text(frame), "anxiety")
    for a, b in zip(typed.factors, text.factors, strict=True):
        assert a.within.estimate == pytest.approx(b.within.estimate, abs=1e-9)
        assert a.between.estimate == pytest.approx(b.between.estimate, abs=1e-9)


def test_two_values_on_one_day_are_averaged(frame):
    first = frame.iloc[[0]].copy()
    doubled = pd.concat([frame, first.assign(value=first["value"] + 2.0)], ignore_index=True)
    wide = to_wide(doubled, "anxiety", None)
    column = 1 + list(wide.factors).index(str(first["measure"].iloc[0]))
    assert wide.values[0, column] == pytest.approx(float(first["value"].iloc[0]) + 1.0)
    assert len(wide.codes) == 12 * 30


def test_weekday_follows_the_calendar():
    rows = [
        {"participant": p, "date": d, "measure": "anxiety", "value": 1.0}
        for p in ("a", "b", "c")
        for d in ("2026-03-02", "2026-03-08")  # a Monday and a Sunday
    ]
    frame = pd.DataFrame(rows + [{**r, "measure": "x"} for r in rows])
    wide = to_wide(frame, "anxiety", None)
    assert list(wide.weekday) == [0, 6] * 3
    assert list(wide.codes) == [0, 0, 1, 1, 2, 2]


def test_factors_can_be_chosen_and_q_runs_over_them_only(frame):
    one = cohort.analyse(frame, "anxiety", ["sleep_hours"])
    assert [f.factor for f in one.factors] == ["sleep_hours"]
    assert one.factors[0].within.q == one.factors[0].within.p


def test_a_factor_too_few_people_vary_on_is_left_out_with_the_reason(frame):
    constant = frame[frame["measure"] == "anxiety"].assign(measure="probiotic", value=1.0)
    result = cohort.analyse(pd.concat([frame, constant]), "anxiety")
    assert "probiotic" in result.left_out and "varies" in result.left_out["probiotic"]
    assert [f.factor for f in result.factors] == ["fermented", "sleep_hours"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda f: f.drop(columns=["measure"]), "no “measure” column"),
        (lambda f: f.drop(columns=["value", "date"]), "“date”, “value”"),
        (lambda f: f.iloc[:0], "no rows"),
        (
            lambda f: as_text(f).assign(value=lambda t: t["value"].where(t.index != 4, "lots")),
            "“lots” on row 5",
        ),
        (
            lambda f: as_text(f).assign(date=lambda t: t["date"].where(t.index != 2, "soon")),
            "“soon” on row 3",
        ),
        (lambda f: f[f["participant"] == "p00000"], "1 participant with “anxiety” logged"),
        (lambda f: f.assign(value=lambda t: t["value"].where(t.index != 0, np.inf)), "infinite"),
    ],
)
def test_bad_input_is_refused_naming_the_problem(frame, change, words):
    with pytest.raises(ValueError, match=words):
        cohort.analyse(change(frame), "anxiety")


def test_unknown_outcome_factor_or_engine_is_refused(frame):
    with pytest.raises(ValueError, match="no measure “calm” to analyse"):
        cohort.analyse(frame, "calm")
    with pytest.raises(ValueError, match="no measure “coffee”"):
        cohort.analyse(frame, "anxiety", ["coffee"])
    with pytest.raises(ValueError, match="the outcome"):
        cohort.analyse(frame, "anxiety", ["anxiety"])
    with pytest.raises(ValueError, match="engine"):
        cohort.analyse(frame, "anxiety", engine="spark")
