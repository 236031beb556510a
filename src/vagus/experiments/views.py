"""Self-experiment pages. Each view fetches through the owner before it does anything else."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from vagus.diary.models import Measure
from vagus.experiments import actions, charts, display, queries, report, wording
from vagus.experiments.forms import HarmsForm, SetupForm
from vagus.experiments.library import DEFAULT_OUTCOME, LIBRARY, METHOD_EVIDENCE, OUTCOMES
from vagus.experiments.models import COMPLETED, OPEN_STATUSES, STOPPED, Experiment
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.safety.medication import can_be_tested


def _experiment(request: HttpRequest, experiment_id: Any) -> Experiment:
    return owned_or_404(Experiment, request.user, uuid=experiment_id)


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    rows = [(e, e.state_on(today)) for e in Experiment.objects.owned_by(request.user)]
    return render(
        request,
        "experiments/index.html",
        {
            "current": [(e, s) for e, s in rows if s in OPEN_STATUSES],
            "past": [(e, s) for e, s in rows if s not in OPEN_STATUSES],
            "library": list(LIBRARY.values()),
            "method_evidence": METHOD_EVIDENCE,
        },
    )


def _default_hypothesis(b_label: str, outcome: str) -> str:
    o = OUTCOMES.get(outcome) or OUTCOMES[DEFAULT_OUTCOME]
    direction = "lower" if o.lower_is_better else "higher"
    return f"I expect my {o.label} to be {direction} on {b_label} days than on usual days."


def _initial(request: AuthenticatedHttpRequest) -> tuple[dict[str, Any], bool]:
    """Set-up defaults: a ready experiment (?library=), or a custom one, perhaps pre-filled
    from the Insights page (?factor=<measure code>&outcome=<code>)."""
    outcome = request.GET.get("outcome", "")
    outcome = outcome if outcome in OUTCOMES else DEFAULT_OUTCOME
    initial: dict[str, Any] = {
        "outcome": outcome,
        "smallest_change": 1,
        "period_days": 7,
        "washout_days": 2,
        "pairs": 6,
        "start": request.user.today() + timedelta(days=1),
    }
    ready = LIBRARY.get(request.GET.get("library", ""))
    if ready:
        initial.update(
            library=ready.key,
            period_days=ready.period_days,
            washout_days=ready.washout_days,
            pairs=ready.pairs,
            hypothesis=_default_hypothesis(ready.b_label, outcome),
        )
        return initial, False
    factor = request.GET.get("factor", "")
    measure = (
        Measure.objects.available_to(request.user).filter(code=factor).first() if factor else None
    )
    # Only what Insights would offer to test: never a medicine (docs/safety.md, E1).
    if measure is not None and can_be_tested(measure):
        initial.update(
            title=f"Testing {measure.label.lower()}",
            b_label=f"more {measure.label.lower()}",
            hypothesis=_default_hypothesis(f"more {measure.label.lower()}", outcome),
        )
    return initial, True


def _build_up(library_key: str) -> float:
    ready = LIBRARY.get(library_key)
    return ready.build_up_days if ready else 0.0


def _power(
    request: AuthenticatedHttpRequest, values: dict[str, Any]
) -> queries.PowerEstimate | None:
    try:
        return queries.power_estimate(
            request.user,
            values["outcome"],
            float(values["smallest_change"]),
            int(values["period_days"]),
            int(values["washout_days"]),
            int(values["pairs"]),
            build_up_days=_build_up(values.get("library") or values.get("library_key") or ""),
            start=values.get("start"),
        )
    except (KeyError, TypeError, ValueError):
        return None  # the form shows what to fix; no estimate until the numbers make sense


@login_required
def setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    initial, custom = _initial(request)
    if request.method == "POST":
        custom = not request.POST.get("library")
        form = SetupForm(request.POST, custom=custom)
        estimate = None
        if form.is_valid():
            estimate = _power(request, form.cleaned_data)
            if request.POST.get("action") == "start":
                kwargs = form.action_kwargs()
                try:
                    experiment = actions.create_experiment(
                        request.user, **kwargs, plan=estimate.as_json() if estimate else None
                    )
                except actions.ExperimentInputError as exc:
                    for name, message in exc.errors.items():
                        form.add_error(name if name in form.fields else None, message)
                else:
                    messages.success(request, f"“{experiment.title}” is set up.")
                    return redirect("experiments:detail", experiment_id=experiment.uuid)
    else:
        form = SetupForm(initial=initial, custom=custom)
        estimate = _power(request, initial)
    library_key = form["library"].value() or ""
    outcome = OUTCOMES.get(form["outcome"].value() or "", OUTCOMES[DEFAULT_OUTCOME])
    return render(
        request,
        "experiments/setup.html",
        {
            "form": form,
            "ready": LIBRARY.get(library_key),
            "custom": custom,
            "estimate": estimate,
            "outcome_label": outcome.label,
            "method_evidence": METHOD_EVIDENCE,
        },
    )


@login_required
def detail(request: AuthenticatedHttpRequest, experiment_id: Any) -> HttpResponse:
    experiment = _experiment(request, experiment_id)
    today = request.user.today()
    actions.settle(experiment, today)
    answers = experiment.adherence_answers.all()
    followed = sum(1 for a in answers if a.followed)
    return render(
        request,
        "experiments/detail.html",
        {
            "experiment": experiment,
            "state": experiment.state_on(today),
            "today_plan": display.day_plan(experiment, today),
            "rows": display.schedule_rows(experiment, today),
            "answers_count": len(answers),
            "followed": followed,
            "paused_days": len(experiment.paused_days(today)),
        },
    )


@login_required
@require_POST
def adherence(request: AuthenticatedHttpRequest, experiment_id: Any) -> HttpResponse:
    experiment = _experiment(request, experiment_id)
    answer = request.POST.get("followed")
    followed = {"yes": True, "no": False}.get(answer or "", answer)
    try:
        actions.record_adherence(request.user, experiment, followed)
    except actions.ExperimentInputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            "Saved: you followed today's plan. Thank you."
            if followed
            else "Saved: today did not go to plan. That is fine; honest answers keep the "
            "result honest.",
        )
    target = request.POST.get("next", "")
    # A path on this site only: redirect() would read any other word as a view name (500).
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("experiments:detail", experiment_id=experiment.uuid)


def _change_status(
    request: AuthenticatedHttpRequest, experiment_id: Any, action: str
) -> HttpResponse:
    experiment = _experiment(request, experiment_id)
    fn, text = {
        "pause": (
            actions.pause,
            "Paused. The schedule keeps its dates; paused days are not compared.",
        ),
        "resume": (actions.resume, "Resumed from today."),
    }[action]
    try:
        fn(request.user, experiment)
    except actions.ExperimentInputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, text)
    return redirect("experiments:detail", experiment_id=experiment.uuid)


@login_required
@require_POST
def pause(request: AuthenticatedHttpRequest, experiment_id: Any) -> HttpResponse:
    return _change_status(request, experiment_id, "pause")


@login_required
@require_POST
def resume(request: AuthenticatedHttpRequest, experiment_id: Any) -> HttpResponse:
    return _change_status(request, experiment_id, "resume")


@login_required
def stop(request: AuthenticatedHttpRequest, experiment_id: Any) -> HttpResponse:
    """Stopping asks for confirmation: it cannot be undone and leaves no result."""
    experiment = _experiment(request, experiment_id)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            actions.stop(request.user, experiment)
        except actions.ExperimentInputError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Stopped. It is kept as an incomplete experiment.")
        return redirect("experiments:detail", experiment_id=experiment.uuid)
    return render(request, "experiments/stop.html", {"experiment": experiment})


def _result_context(request: AuthenticatedHttpRequest, experiment: Experiment) -> dict[str, Any]:
    today = request.user.today()
    actions.settle(experiment, today)
    state = experiment.state_on(today)
    analysis = queries.analysis_for(request.user, experiment)
    result = analysis.result
    context: dict[str, Any] = {
        "experiment": experiment,
        "state": state,
        "analysis": analysis,
        "result": result,
        "show_result": state == COMPLETED,
        "stopped": state == STOPPED,
        "limits": report.LIMITS,
        "better": "lower" if experiment.lower_is_better else "higher",
    }
    if state == COMPLETED:
        context["words"] = wording.result_words(experiment, result)
        context["chart"] = charts.period_chart(
            experiment.design,
            analysis.outcome,
            result,
            b_label=experiment.b_label,
            outcome_label=experiment.outcome_label,
            y_max=queries.outcome_scale(experiment),
        )
        context["period_rows"] = [
            (row, None if math.isnan(m) else m)
            for row, m in zip(
                display.schedule_rows(experiment, today), result.period_means, strict=True
            )
        ]
    return context


@login_required
def result(request: AuthenticatedHttpRequest, experiment_id: Any) -> HttpResponse:
    experiment = _experiment(request, experiment_id)
    if request.method == "POST":
        form = HarmsForm(request.POST)
        if form.is_valid():
            try:
                actions.record_harms(request.user, experiment, form.cleaned_data["harms"])
            except actions.ExperimentInputError as exc:
                form.add_error("harms", str(exc))
            else:
                messages.success(request, "Saved what you noticed; it is in the report.")
                return redirect("experiments:result", experiment_id=experiment.uuid)
    else:
        form = HarmsForm(initial={"harms": experiment.harms})
    context = _result_context(request, experiment)
    context["harms_form"] = form
    return render(request, "experiments/result.html", context)


@login_required
def report_page(request: AuthenticatedHttpRequest, experiment_id: Any) -> HttpResponse:
    """A printable, self-contained page (print CSS inline, no external assets): PDF-ready."""
    experiment = _experiment(request, experiment_id)
    context = _result_context(request, experiment)
    context["items"] = report.cent_items(experiment, context["analysis"], request.user.today())
    return render(request, "experiments/report.html", context)
