"""The pages where a person shapes what they log: the measures page and the check-in's
"Customise" page. Built-in measures are shared rows; every change to one is the person's own
(``vagus.diary.choices``), so these views look measures up among those the person can see.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from vagus.accounts.models import User
from vagus.diary import actions, choices
from vagus.diary.forms import MeasureEditForm, MeasureForm
from vagus.diary.models import Measure
from vagus.ownership import AuthenticatedHttpRequest

# Where a small form on either page goes back to.
BACK = {"customise": "diary:checkin_customise", "measures": "diary:measures"}
PLACEMENT_WORDS = {
    choices.QUICK: "on your quick check-in",
    choices.MORE: "under “More” on your check-in",
    choices.HIDDEN: "hidden from your check-in. Its history is kept",
}


def _measure_or_404(request: AuthenticatedHttpRequest, measure_id: str) -> Measure:
    measure = choices.measure_of(request.user, measure_id)
    if measure is None:
        raise Http404("Not found")
    return measure


def _back(request: AuthenticatedHttpRequest) -> HttpResponse:
    return redirect(BACK.get(request.POST.get("back", ""), "diary:measures"))


def _sections(user: User) -> list[dict[str, object]]:
    placed = choices.layout(user)
    return [
        {"placement": where, "title": title, "rows": [p for p in placed if p.placement == where]}
        for where, title in (
            (choices.QUICK, "Quick check-in"),
            (choices.MORE, "More (folded away until you open it)"),
            (choices.HIDDEN, "Hidden"),
        )
    ]


@login_required
def customise(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Which measures are on the quick check-in, in "More" or hidden, and in what order."""
    return render(
        request,
        "diary/checkin_customise.html",
        {"sections": _sections(request.user), "placements": choices.PLACEMENTS},
    )


@login_required
def measures(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = MeasureForm(request.POST)
        if form.is_valid():
            try:
                added = actions.add_measure(user, **form.cleaned_data)
            except actions.DiaryInputError as exc:
                for name, message in exc.errors.items():
                    form.add_error(name if name in form.fields else None, message)
            else:
                label = added.measure.label
                if added.unhidden:
                    messages.success(
                        request, f"“{label}” is back on your quick check-in, with its history."
                    )
                else:
                    messages.success(request, f"Added “{label}”. It is on your quick check-in.")
                return redirect("diary:measures")
    else:
        form = MeasureForm()
    return render(request, "diary/measures.html", {"form": form, "sections": _sections(user)})


@login_required
@require_POST
def measure_archive(request: AuthenticatedHttpRequest, measure_id: str) -> HttpResponse:
    """Hide a measure from the check-in, or bring a hidden one back (to "More")."""
    measure = _measure_or_404(request, measure_id)
    current = next(p for p in choices.layout(request.user) if p.measure.pk == measure.pk)
    target = choices.MORE if current.placement == choices.HIDDEN else choices.HIDDEN
    placed = choices.place(request.user, measure, target)
    messages.success(request, f"“{placed.label}” is {PLACEMENT_WORDS[target]}.")
    return _back(request)


@login_required
@require_POST
def measure_place(request: AuthenticatedHttpRequest, measure_id: str) -> HttpResponse:
    measure = _measure_or_404(request, measure_id)
    try:
        placed = choices.place(request.user, measure, request.POST.get("placement", ""))
    except choices.ChoiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"“{placed.label}” is {PLACEMENT_WORDS[placed.placement]}.")
    return _back(request)


@login_required
@require_POST
def measure_move(request: AuthenticatedHttpRequest, measure_id: str) -> HttpResponse:
    measure = _measure_or_404(request, measure_id)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""), 0)
    try:
        moved = choices.move(request.user, measure, step)
    except choices.ChoiceError as exc:
        messages.error(request, exc.message)
    else:
        if not moved:
            messages.info(request, "It is already at that end of its list.")
    return _back(request)


@login_required
def measure_edit(request: AuthenticatedHttpRequest, measure_id: str) -> HttpResponse:
    """Rename a measure or change its direction (a built-in's are the person's own)."""
    measure = _measure_or_404(request, measure_id)
    current = next(p for p in choices.layout(request.user) if p.measure.pk == measure.pk)
    if request.method == "POST":
        form = MeasureEditForm(request.POST)
        if form.is_valid():
            try:
                choices.rename(request.user, measure, form.cleaned_data["label"])
                placed = choices.set_direction(
                    request.user, measure, form.cleaned_data["direction"]
                )
            except choices.ChoiceError as exc:
                form.add_error("label", exc.message)
            else:
                messages.success(request, f"Saved “{placed.label}”.")
                return redirect("diary:measures")
    else:
        form = MeasureEditForm(initial={"label": current.label, "direction": current.direction})
    return render(
        request, "diary/measure_edit.html", {"form": form, "placed": current, "measure": measure}
    )
