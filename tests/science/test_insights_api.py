"""insights.associations: the contract, input checks, and agreement with statsmodels."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import patsy
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

from vagus.science import insights
from vagus.science.insights._simulate import simulate_diary


def spline_trend(n: int) -> pd.DataFrame:
    """The documented trend, built independently with patsy: a cubic B-spline with one degree
    of freedom per 20 days (at most 12, equally spaced knots), a straight line below 30 days."""
    df = min(12, max(1, round(n / 20)))
    t = np.arange(n, dtype=float)
    if df == 1:
        return pd.DataFrame({"trend": t})
    degree = min(3, df)
    inner = np.linspace(0, n - 1, df - degree + 2)[1:-1]
    basis = patsy.dmatrix(
        "bs(t, knots=inner, degree=degree, lower_bound=0, upper_bound=n - 1) - 1",
        {"t": t, "inner": list(inner), "degree": degree, "n": n},
    )
    return pd.DataFrame(np.asarray(basis), columns=[f"trend_{i}" for i in range(df)])


def weekdays_and_trend(cal: pd.DataFrame) -> pd.DataFrame:
    controls = spline_trend(len(cal)).set_axis(cal.index)
    for day in range(1, 7):
        controls[f"weekday_{day}"] = (cal.index.day_of_week == day).astype(float)
    return controls


def statsmodels_fit(days: pd.DataFrame, outcome: str, factor: str, lag: int, max_gap: int = 7):
    """The same model written out by hand and fitted by statsmodels OLS.

    A day whose day before has no outcome is used at lag 0 if the last outcome is at most
    ``max_gap`` days back, with that outcome and an indicator in place of yesterday's, unless
    yesterday's outcome predicts the factor (p < 0.10 on the ordinary days)."""
    cal = days.asfreq("D")
    y = cal[outcome]
    x = cal[factor].shift(lag)
    y_prev = y.shift(1)
    day = pd.Series(np.arange(len(cal)), index=cal.index, dtype=float)
    days_back = day - day.where(y.notna()).ffill().shift(1)
    bridged = y.notna() & y_prev.isna() & days_back.between(2, max_gap) & (lag == 0)
    bridged &= x.notna()
    ordinary = pd.concat([y, x, y_prev], axis=1).notna().all(axis=1)
    design = pd.DataFrame({"x": x, "y_prev": y_prev.where(~bridged, 0.0)}, index=cal.index)
    design["y_last"] = y.ffill().shift(1).where(bridged, 0.0)
    design["bridged"] = bridged.astype(float)
    design = sm.add_constant(design.join(weekdays_and_trend(cal)))
    if bridged.any():
        # Does yesterday's outcome predict the factor, given the other controls?
        rows = ordinary | bridged
        feedback = sm.OLS(x[rows], design[rows].drop(columns="x")).fit()
        if feedback.pvalues["y_prev"] < 0.10 or ordinary.sum() < 12:
            bridged[:] = False
    if not bridged.any():
        design = design.drop(columns=["y_last", "bridged"])
    data = pd.concat([y.rename("y"), design], axis=1)[ordinary | bridged]
    return sm.OLS(data["y"], data.drop(columns="y")).fit()


def find(found: list[insights.Association], factor: str, lag: int) -> insights.Association:
    (match,) = [a for a in found if a.factor == factor and a.lag == lag]
    return match


@pytest.fixture(scope="module")
def diary() -> pd.DataFrame:
    return simulate_diary(11, 110).days


def test_matches_a_direct_statsmodels_fit(diary: pd.DataFrame) -> None:
    found = insights.associations(diary, "anxiety")
    for factor, lag in [("fermented", 1), ("sleep_hours", 0), ("comfort_food", 0)]:
        ours = find(found, factor, lag)
        fit = statsmodels_fit(diary, "anxiety", factor, lag)
        low, high = fit.conf_int().loc["x"]
        assert ours.estimate == pytest.approx(fit.params["x"], abs=1e-8)
        assert ours.p_value == pytest.approx(fit.pvalues["x"], abs=1e-8)
        assert ours.ci_low == pytest.approx(low, abs=1e-8)
        assert ours.ci_high == pytest.approx(high, abs=1e-8)
        assert ours.n_days == fit.nobs
    ours = find(found, "fermented", 1)
    fit = statsmodels_fit(diary, "anxiety", "fermented", 1)
    half_width = (ours.ci_high - ours.ci_low) / 2
    se = half_width / stats.t.ppf(0.975, fit.df_resid)
    print(
        f"\nfermented lag 1: b={ours.estimate:.6f} (statsmodels {fit.params['x']:.6f}), "
        f"SE {se:.6f} ({fit.bse['x']:.6f}), p {ours.p_value:.6g} ({fit.pvalues['x']:.6g})"
    )
    assert se == pytest.approx(fit.bse["x"], abs=1e-8)


@pytest.mark.filterwarnings("ignore:The design matrix is rank-deficient")
def test_matches_statsmodels_when_a_weekday_is_never_logged(diary: pd.DataFrame) -> None:
    no_sundays = diary[diary.index.day_of_week != 6]
    ours = find(insights.associations(no_sundays, "anxiety"), "sleep_hours", 0)
    fit = statsmodels_fit(no_sundays, "anxiety", "sleep_hours", 0)  # pinv: rank-deficient
    assert ours.estimate == pytest.approx(fit.params["x"], abs=1e-8)
    assert ours.p_value == pytest.approx(fit.pvalues["x"], abs=1e-8)


def test_q_values_are_benjamini_hochberg_across_the_call(diary: pd.DataFrame) -> None:
    found = insights.associations(diary, "anxiety", lags=(0, 1, 2))
    p = np.array([a.p_value for a in found])
    expected = multipletests(p, method="fdr_bh")[1]
    np.testing.assert_allclose([a.q_value for a in found], expected, rtol=0, atol=1e-12)
    assert [a.significant for a in found] == [q <= 0.10 for q in expected]
    tied = np.array([0.01, 0.04, 0.04, 0.2, 0.001, 1.0, 0.5, 0.5])
    np.testing.assert_allclose(
        insights.benjamini_hochberg(tied), multipletests(tied, method="fdr_bh")[1], atol=1e-15
    )


def test_result_shape_and_order(diary: pd.DataFrame) -> None:
    found = insights.associations(diary, "anxiety", fdr=0.05)
    assert len(found) == 14  # 7 factors x 2 lags
    assert [a.p_value for a in found] == sorted(a.p_value for a in found)
    for a in found:
        assert a.ci_low < a.estimate < a.ci_high
        assert a.significant == (a.q_value <= 0.05)
        assert a.binary == (a.factor in {"fermented", "probiotic"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].estimate = 0.0  # type: ignore[misc]


def test_lags_follow_the_calendar_not_the_rows() -> None:
    # The outcome copies the factor of the calendar day before, plus noise. A diary with
    # gaps must still pair each day with its calendar neighbour, never the previous row.
    rng = np.random.default_rng(3)
    index = pd.date_range("2024-03-01", periods=120, freq="D")
    x = rng.normal(size=120)
    y = 5 + np.concatenate([[0.0], x[:-1]]) + 0.3 * rng.normal(size=120)
    days = pd.DataFrame({"anxiety": y, "x": x}, index=index)
    gappy = days.drop(index[::4])  # every fourth day not logged
    found = insights.associations(gappy, "anxiety", lags=(1,))
    a = find(found, "x", 1)
    cal = gappy.asfreq("D")
    expected_n = int(
        (cal["anxiety"].notna() & cal["anxiety"].shift(1).notna() & cal["x"].shift(1).notna()).sum()
    )
    assert a.n_days == expected_n
    assert a.estimate == pytest.approx(1.0, abs=0.1)


def test_index_order_and_time_of_day_do_not_matter(diary: pd.DataFrame) -> None:
    shuffled = diary.sample(frac=1.0, random_state=1)
    shuffled.index = shuffled.index + pd.Timedelta(hours=21)
    assert insights.associations(shuffled, "anxiety") == insights.associations(diary, "anxiety")


def test_factors_with_too_little_data_are_left_out() -> None:
    rng = np.random.default_rng(5)
    index = pd.date_range("2024-01-01", periods=60, freq="D")
    days = pd.DataFrame(
        {
            "anxiety": rng.integers(0, 11, 60).astype(float),
            "rare_yes": np.where(np.arange(60) % 30 == 0, 1.0, 0.0),  # 2 "yes" days
            "three_yes": np.where(np.arange(60) % 20 == 5, 1.0, 0.0),  # 3 "yes" days
            "constant": 2.0,
            "never": np.nan,
            "weekend": (index.day_of_week >= 5).astype(float),  # a copy of the weekday
            "short": np.where(np.arange(60) < 14, rng.normal(size=60), np.nan),
            "enough": rng.normal(size=60),
        },
        index=index,
    )
    found = insights.associations(days, "anxiety", lags=(0,))
    assert {a.factor for a in found} == {"three_yes", "enough"}
    assert insights.associations(days, "anxiety", lags=(0,), min_days=60) == []
    flat = days.assign(anxiety=4.0)
    assert insights.associations(flat, "anxiety") == []  # nothing to explain


def test_bool_columns_count_as_yes_no() -> None:
    days = simulate_diary(2, 100).days.dropna()
    days["probiotic"] = days["probiotic"].astype(bool)
    assert find(insights.associations(days, "anxiety"), "probiotic", 0).binary


@pytest.mark.parametrize(
    ("days", "outcome", "error", "message"),
    [
        ([1, 2, 3], "anxiety", TypeError, "DataFrame"),
        (pd.DataFrame({"anxiety": [1.0, 2.0]}), "anxiety", TypeError, "DatetimeIndex"),
        (
            pd.DataFrame({"anxiety": [1.0]}, index=pd.DatetimeIndex(["2024-01-01"])),
            "mood",
            ValueError,
            "'mood'",
        ),
        (
            pd.DataFrame(
                {"anxiety": [1.0, 2.0], "note": ["ok", "bad"]},
                index=pd.date_range("2024-01-01", periods=2),
            ),
            "anxiety",
            TypeError,
            "note",
        ),
        (
            pd.DataFrame(
                {"anxiety": [1.0, 2.0]},
                index=pd.DatetimeIndex(["2024-01-01 08:00", "2024-01-01 20:00"]),
            ),
            "anxiety",
            ValueError,
            "2024-01-01 repeats",
        ),
        (
            pd.DataFrame({"anxiety": [1.0, np.inf]}, index=pd.date_range("2024-01-01", periods=2)),
            "anxiety",
            ValueError,
            "infinite",
        ),
    ],
)
def test_bad_input_is_rejected_clearly(days, outcome, error, message) -> None:
    with pytest.raises(error, match=message):
        insights.associations(days, outcome)


@pytest.mark.parametrize(
    "options",
    [
        {"lags": ()},
        {"lags": (-1,)},
        {"lags": (0.5,)},
        {"lags": (1, 1)},
        {"min_days": 0},
        {"fdr": 0.0},
        {"fdr": 1.5},
    ],
)
def test_bad_options_are_rejected(diary: pd.DataFrame, options: dict) -> None:
    with pytest.raises(ValueError):
        insights.associations(diary, "anxiety", **options)


def _association(**changes) -> insights.Association:
    base = insights.Association(
        factor="fermented",
        lag=1,
        estimate=-0.6,
        ci_low=-1.0,
        ci_high=-0.2,
        p_value=0.004,
        q_value=0.03,
        n_days=84,
        significant=True,
        binary=True,
    )
    return dataclasses.replace(base, **changes)


def test_describe_speaks_plainly_and_never_of_cause() -> None:
    text = insights.describe(_association(), "anxiety", "fermented food")
    assert text == (
        "On days after you had fermented food, your anxiety was on average 0.6 points lower "
        "(95 % range 0.2 to 1.0 lower). This is an association, not proof of cause."
    )
    unclear = insights.describe(
        _association(
            lag=0, estimate=0.3, ci_low=-0.2, ci_high=0.8, significant=False, binary=False
        ),
        "anxiety",
        "sleep",
        factor_unit="hour",
    )
    assert unclear.startswith(
        "On days with one hour more of sleep, your anxiety was on "
        "average 0.3 points higher (95 % range from 0.2 lower to 0.8 "
        "higher)."
    )
    assert "may be chance" in unclear
    for sentence in (text, unclear):
        lowered = sentence.lower()
        assert "association" in lowered
        assert not any(word in lowered for word in ("causes", "because", "leads to", "makes"))


def test_days_needed_counts_what_is_missing() -> None:
    days = simulate_diary(4, 200, missing_days=0, missing_entries=0).days
    short = days.iloc[:10]
    assert insights.days_needed(short, "anxiety", "sleep_hours") == 14 - 9
    assert insights.days_needed(days, "anxiety", "sleep_hours", lag=1) == 0
    no_yes = days.assign(fermented=0.0)
    no_yes.iloc[50, no_yes.columns.get_loc("fermented")] = 1.0
    assert insights.days_needed(no_yes, "anxiety", "fermented") == 2
    with pytest.raises(ValueError, match="'coffee'"):
        insights.days_needed(days, "anxiety", "coffee")
