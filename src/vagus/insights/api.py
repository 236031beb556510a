"""API routes of the insights app (added to the API in vagus.api.api)."""

from __future__ import annotations

from datetime import date

from ninja import Field, Router, Schema
from ninja.errors import HttpError

from vagus.insights import patterns, queries
from vagus.insights.queries import daily_frame, measures_by_code
from vagus.insights.serialise import report_dict
from vagus.ownership import AuthenticatedHttpRequest

router = Router(tags=["insights"])


class AssociationOut(Schema):
    factor: str
    factor_label: str
    lag: int
    estimate: float
    ci_low: float
    ci_high: float
    per: str
    p_value: float
    q_value: float
    n_days: int
    significant: bool
    binary: bool
    sentence: str
    experiment_url: str | None
    shown_estimate: float | None = Field(
        None, description="a finding's estimate, scaled back for having been picked out"
    )
    shown_ci_low: float | None = None
    shown_ci_high: float | None = None


class TogetherOut(Schema):
    symptom: str
    symptom_label: str
    estimate: float
    ci_low: float
    ci_high: float
    p_value: float
    q_value: float
    n_days: int
    sentence: str


class WaitingOut(Schema):
    factor: str
    factor_label: str
    days_needed: int


class InsightsOut(Schema):
    outcome: str
    outcome_label: str
    outcome_unit: str
    lags: list[int]
    logged_days: int
    more_days_needed: int | None
    note: str
    medication_note: str = Field(description="why medication measures are never analysed")
    significant: list[AssociationOut]
    not_clear: list[AssociationOut]
    too_few_days: list[WaitingOut]
    together: list[TogetherOut] = Field(
        default_factory=list,
        description="other symptoms that move with the outcome on the same day (descriptive)",
    )


class WeekOut(Schema):
    week_start: date
    mean: float
    ci_low: float | None
    ci_high: float | None
    days: int


class WeeklyOut(Schema):
    outcome: str
    outcome_label: str
    weeks: list[WeekOut]


@router.get("/insights", response=InsightsOut)
def insights(
    request: AuthenticatedHttpRequest, outcome: str = "anxiety", lags: str = "0,1"
) -> dict:
    """What goes with the outcome in your diary: adjusted associations, FDR-controlled.

    `significant` holds every factor-and-lag with q ≤ 0.05 that also held two and four weeks
    earlier (habits and exposures only); `not_clear` one entry per other estimated factor;
    `together` the other symptoms that move with the outcome on the same day. Estimates are
    in the outcome's unit per `per` of the factor. Medication
    measures are never screened, as factor or outcome (`medication_note` says why).
    """
    measures = measures_by_code(request.user)
    try:
        lag_tuple = queries.parse_lags(lags)
        report = queries.insights_for(request.user, outcome, lag_tuple, measures=measures)
    except ValueError as exc:  # UnknownOutcomeError included: the message names the field
        raise HttpError(400, str(exc)) from None
    return report_dict(report)


@router.get("/insights/weekly", response=WeeklyOut)
def weekly(request: AuthenticatedHttpRequest, outcome: str = "anxiety") -> dict:
    """Mean of the outcome in each Monday-to-Sunday week with a logged day, oldest first."""
    measures = measures_by_code(request.user)
    try:
        chosen = queries.resolve_outcome(measures, outcome)
    except queries.UnknownOutcomeError as exc:
        raise HttpError(400, str(exc)) from None
    weeks = patterns.weekly_averages(
        daily_frame(request.user), chosen.code, bounds=patterns.value_range(chosen)
    )
    return {
        "outcome": chosen.code,
        "outcome_label": chosen.label,
        "weeks": [
            {
                "week_start": w.start,
                "mean": w.mean,
                "ci_low": w.low,
                "ci_high": w.high,
                "days": w.days,
            }
            for w in weeks
        ],
    }
