"""Insights pages. Each reads the person's own diary (measures, then one daily table) first."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from vagus.diary.models import Measure
from vagus.insights import charts, patterns, queries, wording
from vagus.insights.queries import daily_frame, measures_by_code
from vagus.ownership import AuthenticatedHttpRequest

CALENDAR_WEEKS = (4, 12, 26, 52)
SCALE_TOP = {"scale": 10.0, "bristol": 7.0, "hours": 12.0}


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="Look at")

    def __init__(self, *args: Any, choices: list[Measure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["outcome"]).choices = [
            (m.code, m.label) for m in choices
        ]


class LevelsForm(OutcomeForm):
    factor = forms.ChoiceField(label="Compare by", required=False)
    lag = forms.ChoiceField(
        label="Which day",
        choices=[("0", "The same day"), ("1", "The day after")],
        required=False,
    )

    def __init__(self, *args: Any, factors: list[Measure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["factor"]).choices = [
            (m.code, m.label) for m in factors
        ]


def _diary(request: AuthenticatedHttpRequest, *, with_factors: bool = False) -> dict[str, Any]:
    """The person's measures, daily table, chosen outcome and form (two queries)."""
    measures = measures_by_code(request.user)
    frame = daily_frame(request.user)
    kwargs: dict[str, Any] = {"choices": queries.outcome_choices(measures, frame)}
    form_class: type[OutcomeForm] = OutcomeForm
    if with_factors:
        form_class = LevelsForm
        kwargs["factors"] = queries.factor_choices(measures, frame)
    data = request.GET if "outcome" in request.GET else None
    form = form_class(data, **kwargs)
    outcome = measures[queries.DEFAULT_OUTCOME]
    chosen: dict[str, Any] = {}
    if data is not None and form.is_valid():
        chosen = form.cleaned_data
        outcome = measures[chosen["outcome"]]
    elif data is None:
        form = form_class(initial={"outcome": outcome.code}, **kwargs)
    return {
        "measures": measures,
        "frame": frame,
        "outcome": outcome,
        "form": form,
        "chosen": chosen,
        "factors": kwargs.get("factors", []),
        "form_kwargs": kwargs,
    }


def _page(
    request: AuthenticatedHttpRequest, template: str, context: dict[str, Any]
) -> HttpResponse:
    status = 400 if context["form"].errors else 200
    for key in ("frame", "form_kwargs", "chosen"):
        context.pop(key, None)
    context["outcome_label"] = wording.noun_of(context["outcome"])
    return render(request, template, context, status=status)


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    diary = _diary(request)
    outcome = diary["outcome"]
    report = queries.insights_for(
        request.user, outcome.code, frame=diary["frame"], measures=diary["measures"]
    )
    chart = charts.interval_chart(
        [
            charts.Interval(
                f"{f.label}, {f.when}" + ("" if f.association.binary else f" (per {f.unit})"),
                *queries.shown_numbers(f.association),
                f.association.n_days,
            )
            for f in report.found
        ],
        chart_id="found-chart",
        title=f"What stands out for your {wording.noun_of(outcome)}",
        desc=" ".join(f.sentence for f in report.found),
        axis_label=f"Difference, {wording.outcome_unit(outcome)} (0 = no difference)",
        table_columns=("Factor and when", "Difference", "95 % range"),
    )
    return _page(
        request,
        "insights/index.html",
        {
            **diary,
            "report": report,
            "chart": chart,
            "unit": wording.outcome_unit(outcome),
            "not_medication": wording.NOT_MEDICATION,
        },
    )


@login_required
def weekly(request: AuthenticatedHttpRequest) -> HttpResponse:
    diary = _diary(request)
    outcome = diary["outcome"]
    weeks = patterns.weekly_averages(
        diary["frame"], outcome.code, bounds=patterns.value_range(outcome)
    )
    chart = charts.weekly_chart(
        weeks,
        chart_id="weekly-chart",
        title=f"Your weekly average {wording.noun_of(outcome)}",
        y_max=SCALE_TOP.get(outcome.kind, 0.0),
    )
    return _page(
        request,
        "insights/weekly.html",
        {
            **diary,
            "weeks": list(reversed(weeks)),
            "chart": chart,
            "min_interval_days": patterns.MIN_INTERVAL_DAYS,
        },
    )


@login_required
def calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    diary = _diary(request)
    outcome, frame = diary["outcome"], diary["frame"]
    try:
        weeks = int(request.GET.get("weeks", 12))
    except ValueError:
        weeks = 12
    weeks = weeks if weeks in CALENDAR_WEEKS else 12
    rows = patterns.calendar_days(frame, outcome.code, request.user.today(), weeks)
    logged = [v for row in rows for _, v, _ in row if v is not None]
    top = SCALE_TOP.get(outcome.kind) or max(logged, default=1.0)
    bottom = 1.0 if outcome.kind == "bristol" else 0.0
    bounds = charts.shade_bounds(bottom, top)
    chart = charts.calendar_heatmap(
        rows,
        chart_id="calendar-chart",
        title=f"Your {wording.noun_of(outcome)}, day by day",
        label=outcome.label,
        bounds=bounds,
    )
    legend = [
        {"shade": shade, "low": low, "high": high, "last": i == len(bounds) - 1}
        for i, (shade, (low, high)) in enumerate(zip(charts.SHADES, bounds, strict=True))
    ]
    return _page(
        request,
        "insights/calendar.html",
        {
            **diary,
            "chart": chart,
            "legend": legend,
            "rows": list(reversed(rows)),
            "weeks": weeks,
            "week_choices": CALENDAR_WEEKS,
            "keep": [("weeks", weeks)],
            "logged": len(logged),
        },
    )


@login_required
def levels(request: AuthenticatedHttpRequest) -> HttpResponse:
    diary = _diary(request, with_factors=True)
    outcome, frame, chosen = diary["outcome"], diary["frame"], diary["chosen"]
    factors = [m for m in diary["factors"] if m.code != outcome.code]
    by_code = {m.code: m for m in factors}
    factor = by_code.get(chosen.get("factor") or "") or by_code.get("sleep_hours")
    factor = factor or (factors[0] if factors else None)
    lag = 1 if chosen.get("lag") == "1" else 0
    rows: list[patterns.Level] = []
    chart = charts.Chart(())
    if factor is not None:
        rows = patterns.by_level(
            frame,
            outcome.code,
            factor.code,
            lag=lag,
            binary=factor.kind == "yesno",
            bounds=patterns.value_range(outcome),
        )
        when = "on the same day" if lag == 0 else "on the day after"
        chart = charts.interval_chart(
            [
                charts.Interval(r.label, r.mean, r.low, r.high, r.days)
                for r in rows
                if r.mean is not None
            ],
            chart_id="levels-chart",
            title=f"Average {wording.noun_of(outcome)} {when}, by {wording.noun_of(factor)}",
            desc=" ".join(
                f"{factor.label} {r.label}: average {r.mean:.1f} over {r.days} days."
                for r in rows
                if r.mean is not None
            ),
            axis_label=f"Average {wording.noun_of(outcome)}",
            zero=None,
            digits=1,
            table_columns=(factor.label, f"Average {wording.noun_of(outcome)}", "95 % range"),
            table_shown=True,
        )
    if not diary["form"].errors:
        # The form shows (and so sends again) what is compared: never the outcome itself, and
        # the fallback factor when none or the outcome was asked for.
        diary["form"] = LevelsForm(
            initial={"outcome": outcome.code, "factor": factor and factor.code, "lag": str(lag)},
            **{**diary["form_kwargs"], "factors": factors},
        )
    context = {
        "factor": factor,
        "lag": lag,
        "rows": rows,
        "chart": chart,
        "min_interval_days": patterns.MIN_INTERVAL_DAYS,
    }
    return _page(request, "insights/levels.html", {**diary, **context})
