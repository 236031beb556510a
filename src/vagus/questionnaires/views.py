"""Questionnaire pages. Each view fetches through the owner before it does anything else."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.questionnaires import actions, charts, crisis, queries, wording
from vagus.questionnaires.forms import AnswerForm, CountryForm, ScheduleForm
from vagus.questionnaires.models import QuestionnaireResponse
from vagus.science import instruments


def _instrument_or_404(code: str) -> instruments.Instrument:
    try:
        return instruments.get(code)
    except instruments.UnknownInstrumentError:
        raise Http404("No such questionnaire") from None


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    offers = queries.offers_for(request.user)
    forms = {
        o.plan.instrument: ScheduleForm(
            initial={"every": o.plan.every_days or "", "enabled": o.plan.enabled},
            prefix=o.plan.instrument,
        )
        for o in offers
    }
    return render(
        request,
        "questionnaires/index.html",
        {
            "rows": [(o, forms[o.plan.instrument]) for o in offers],
            "recent": queries.recent_responses(request.user),
        },
    )


@login_required
def answer(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    instrument = _instrument_or_404(code)
    if request.method == "POST":
        form = AnswerForm(request.POST, instrument=instrument)
        if not form.is_valid():
            # A self-harm answer reaches help even when other questions are blank or wrong.
            if actions.alert_for_unsaved_answers(request.user, code, form.raw_answers()):
                return redirect("questionnaires:crisis")
        else:
            try:
                recorded = actions.record_response(
                    request.user, code, form.answers(), difficulty=form.difficulty_answer()
                )
            except actions.QuestionnaireInputError as exc:
                if exc.needs_crisis_page:
                    return redirect("questionnaires:crisis")
                for name, message in exc.errors.items():
                    form.add_error(name if name in form.fields else None, message)
            else:
                if recorded.needs_crisis_page:
                    # Safety first: the crisis page before the score, whatever the total.
                    return redirect("questionnaires:crisis")
                return redirect("questionnaires:result", response_id=recorded.response.uuid)
    else:
        form = AnswerForm(instrument=instrument)
    return render(request, "questionnaires/answer.html", {"form": form, "instrument": instrument})


@login_required
@require_POST
def schedule(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    instrument = _instrument_or_404(code)
    form = ScheduleForm(request.POST, prefix=code)
    if form.is_valid():
        try:
            actions.set_schedule(
                request.user, code, form.every_days(), form.cleaned_data["enabled"]
            )
        except actions.QuestionnaireInputError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Saved how often you are offered the {instrument.name}.")
    else:
        messages.error(request, "Choose how often from the list.")
    return redirect("questionnaires:index")


@login_required
def result(request: AuthenticatedHttpRequest, response_id: str) -> HttpResponse:
    response = owned_or_404(QuestionnaireResponse, request.user, uuid=response_id)
    instrument = response.definition
    previous = queries.previous_response(response)
    change = (
        wording.change_words(
            response.instrument, previous.score_total, response.score_total, previous.day
        )
        if previous
        else None
    )
    history = queries.history(request.user, response.instrument)
    chart = charts.history_chart(
        instrument,
        [(r.day, r.total) for r in history],
        title=f"Your {instrument.name} totals over time",
    )
    return render(
        request,
        "questionnaires/result.html",
        {
            "response": response,
            "instrument": instrument,
            "sentence": wording.total_sentence(response.instrument, response.total, response.band),
            "not_a_diagnosis": wording.NOT_A_DIAGNOSIS,
            "change": change,
            "chart": chart,
            "history": list(reversed(history)),
            "suggest": wording.suggests_professional(response.instrument, response.total),
            "open_alert": queries.has_open_alert(request.user),
        },
    )


@login_required
def crisis_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    alert = queries.open_alert(request.user)
    chosen = request.GET.get("country") or request.session.get("crisis_country")
    if chosen and chosen.upper() in crisis.COUNTRIES:
        request.session["crisis_country"] = chosen.upper()
    country = crisis.country_for(
        chosen, getattr(settings, "CRISIS_COUNTRY", ""), request.user.time_zone
    )
    return render(
        request,
        "questionnaires/crisis.html",
        {
            "alert": alert,
            "country": country,
            "international": crisis.COUNTRIES[crisis.INTERNATIONAL],
            "country_form": CountryForm(initial={"country": country.code}),
        },
    )


@login_required
@require_POST
def crisis_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    alert = queries.open_alert(request.user)
    actions.acknowledge_alerts(request.user)
    if alert is not None and alert.response is not None:
        return redirect("questionnaires:result", response_id=alert.response.uuid)
    return redirect("questionnaires:index")


@login_required
def summary(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = queries.appointment_summary(request.user)
    latest: dict[str, QuestionnaireResponse] = {}
    for response in data["responses"]:
        latest.setdefault(response.instrument, response)
    return render(
        request,
        "questionnaires/summary.html",
        {
            **data,
            "latest": [
                (r, wording.total_sentence(r.instrument, r.total, r.band)) for r in latest.values()
            ],
            "not_a_diagnosis": wording.NOT_A_DIAGNOSIS,
        },
    )
