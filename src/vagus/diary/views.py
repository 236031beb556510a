"""Diary pages. Each view fetches through the owner before it does anything else."""

from __future__ import annotations

import contextlib
import re
from datetime import date, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from vagus.accounts.models import EARLIEST_DAY, User
from vagus.diary import (
    actions,
    cards,
    charts,
    choices,
    custom_foods,
    day_version,
    engagement,
    meal_corrections,
    panels,
    queries,
    wording,
)
from vagus.diary.forms import CheckinForm, CustomFoodForm, MealForm
from vagus.diary.models import CustomFood, Meal, Measure
from vagus.diary.wording import format_value
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.today import CARD_KEYS, day_panels, today_cards

TIMELINE_RANGES = (30, 90, 365)


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("diary:today")
    return render(request, "diary/welcome.html")


@login_required
def today(request: AuthenticatedHttpRequest) -> HttpResponse:
    return checkin(request, request.user.today())


@login_required
def checkin(request: AuthenticatedHttpRequest, day: date) -> HttpResponse:
    user = request.user
    if day > user.today():
        messages.info(request, "That day hasn't come yet where you are; here is today.")
        return redirect("diary:today")
    if day < EARLIEST_DAY:
        messages.info(request, f"Days before {EARLIEST_DAY.year} can't be logged; here is today.")
        return redirect("diary:today")
    quick, more = choices.on_checkin(user)
    placed = quick + more
    measures = [p.measure for p in placed]
    labels = {p.code: p.label for p in placed}
    shape: dict[str, Any] = {
        "measures": measures,
        "labels": labels,
        "quick": [p.code for p in quick],
    }
    conflict = None
    if request.method == "POST":
        form = CheckinForm(request.POST, **shape)
        if form.is_valid():
            try:
                result = actions.save_checkin(
                    user,
                    day,
                    form.measure_values(),
                    note=form.cleaned_data["note"],
                    supplement_name=form.cleaned_data["supplement_name"],
                    version=form.cleaned_data["version"] or None,
                )
            except actions.DiaryInputError as exc:
                _add_errors(form, exc)
            except day_version.DayChangedElsewhere as exc:
                conflict = _conflict_view(exc, measures, labels)
                form = CheckinForm(initial=_after_conflict(form, exc), **shape)
            else:
                own_names = {p.measure.label: p.label for p in placed}
                request.session["last_saved"] = {
                    "day": day.isoformat(),
                    "stored": [(own_names.get(name, name), shown) for name, shown in result.stored],
                    "cleared": [own_names.get(name, name) for name in result.cleared],
                }
                return redirect(_day_url(user, day) + "#saved")
    else:
        state = day_version.day_state(user, day)
        initial: dict[str, object] = {code: _initial(value) for code, value in state.values.items()}
        initial.update(state.texts, version=state.version())
        form = CheckinForm(initial=initial, **shape)
    saved = request.session.pop("last_saved", None)
    if saved and saved.get("day") != day.isoformat():
        saved = None
    elsewhere = _recorded_elsewhere(user, day)
    is_today = day == user.today()
    return render(
        request,
        "diary/checkin.html",
        {
            "form": form,
            "day": day,
            "is_today": is_today,
            "previous_day": day - timedelta(days=1),
            "next_day": day + timedelta(days=1) if day < user.today() else None,
            "saved": saved,
            "conflict": conflict,
            "questions": _questions(form.quick_fields(), elsewhere),
            "more_questions": _questions(form.more_fields(), elsewhere),
            # Open when it holds something to fix, or when nothing is on the quick check-in.
            "more_open": not quick
            or any(f.errors for f in [*form.more_fields(), form["note"], form["supplement_name"]]),
            "cards": today_cards(request, queries.hidden_cards(user, day)) if is_today else [],
            "strip": engagement.month_strip(user, day) if is_today else None,
            "welcome_back": engagement.welcome_back(user, day) if is_today else None,
            "panels": day_panels(request, day),
        },
        status=409 if conflict else 200,
    )


@login_required
@require_POST
def hide_card(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Hide one Today card until the person's next day."""
    card = request.POST.get("card", "")
    if card in CARD_KEYS:
        actions.hide_card(request.user, card)
        messages.success(request, "Hidden for today. It will be back tomorrow.")
    return redirect("diary:today")


def _recorded_elsewhere(user: User, day: date) -> dict[str, dict[str, object]]:
    """Values of the day that did not come from the check-in, by measure code, with the rule.

    The check-in shows them beside its own field and never copies or overwrites them; a value
    typed in the check-in is stored beside them (docs/insights.md: how a day is read).
    """
    by_code: dict[str, list[queries.DayEntry]] = {}
    for entry in queries.day_entries(user, day):
        if entry.source != wording.CHECKIN:
            by_code.setdefault(entry.measure.code, []).append(entry)
    return {
        code: {"entries": entries, "hint": ELSEWHERE_HINTS.get(entries[0].measure.kind, MEAN_HINT)}
        for code, entries in by_code.items()
    }


SUM_HINT = "This is counted already. Enter only what is not listed here: it is added to it."
MEAN_HINT = "Kept as it is. An answer of your own is kept beside it; the day shows their average."
ELSEWHERE_HINTS = {
    "minutes": SUM_HINT,
    "count": SUM_HINT,
    "yesno": "Kept as it is. An answer of your own is kept beside it; any “yes” counts.",
}


def _questions(
    fields: list[forms.BoundField], elsewhere: dict[str, dict[str, object]]
) -> list[tuple[object, dict[str, object] | None]]:
    return [(field, elsewhere.get(field.name)) for field in fields]


def _shown(measures: dict[str, Measure], field: str, value: object) -> str:
    if value is None or value == "":
        return "(empty)"
    if field in measures and isinstance(value, float):
        return format_value(measures[field], value)
    return str(value)


def _conflict_view(
    exc: day_version.DayChangedElsewhere, measures: list[Measure], own_labels: dict[str, str]
) -> list[dict[str, str]]:
    """Both versions of each clashing field, for the page to show side by side."""
    by_code = {m.code: m for m in measures}
    labels = {"note": "Note", "supplement_name": "Probiotic or supplement", **own_labels}
    return [
        {
            "label": labels.get(c.field, c.field),
            "theirs": _shown(by_code, c.field, c.theirs),
            "yours": _shown(by_code, c.field, c.yours),
        }
        for c in exc.conflicts
    ]


def _after_conflict(form: CheckinForm, exc: day_version.DayChangedElsewhere) -> dict[str, object]:
    """The form again after a refused save: what this page changed is kept; a field it left as
    it was shows what was saved elsewhere; the version is now the saved day's."""
    initial: dict[str, object] = {name: form.data.get(name, "") for name in form.fields}
    for c in exc.conflicts:
        if c.yours_was_shown:
            value = c.theirs
            initial[c.field] = _initial(value) if isinstance(value, float) else (value or "")
    initial["version"] = exc.current.version()
    return initial


def _initial(value: float) -> str:
    return f"{value:g}"


def _day_url(user: User, day: date) -> str:
    if day == user.today():
        return reverse("diary:today")
    return reverse("diary:day", kwargs={"day": day})


@login_required
def meals(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    day = _preset_day(request)
    if request.method == "POST":
        form = MealForm(request.POST)
        if form.is_valid():
            try:
                meal = actions.add_meal(
                    user, form.cleaned_data["text"], form.cleaned_data["eaten_at"]
                )
            except actions.DiaryInputError as exc:
                _add_errors(form, exc)
            else:
                messages.success(
                    request,
                    f"Saved: “{meal.text}” at {timezone.localtime(meal.eaten_at):%H:%M} "
                    f"on {meal.day:%A %d %B}.",
                )
                # Logged for a day (from its page, or with ?day=): back to that day's page.
                if day is not None:
                    return redirect(panels.day_url(request, meal.day) + "#day-meals")
                return redirect("diary:meals")
    else:
        moment = panels.preset_moment(request, day or user.today())
        form = MealForm(initial={"eaten_at": moment})
    recent = Meal.objects.owned_by(user).order_by("-eaten_at")[:RECENT_MEALS]
    return render(
        request,
        "diary/meals.html",
        {
            "form": form,
            "day": day,
            "day_url": panels.day_url(request, day) if day else None,
            "meals": [panels.meal_view(meal) for meal in recent],
            "group_choices": list(custom_foods.GROUP_LABELS.items()),
        },
    )


def _preset_day(request: AuthenticatedHttpRequest) -> date | None:
    """The day of ``?day=YYYY-MM-DD`` if a meal can be logged on it; a message if not."""
    raw = request.GET.get("day", "")
    if not raw:
        return None
    day = None
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
        with contextlib.suppress(ValueError):  # 2026-02-30
            day = date.fromisoformat(raw)
    if day is None:
        messages.info(request, "That date could not be read, so the meal is set to now.")
    elif day > request.user.today():
        messages.info(request, "That day hasn't come yet where you are, so the meal is set to now.")
        day = None
    elif day < EARLIEST_DAY:
        messages.info(
            request, f"Days before {EARLIEST_DAY.year} can't be logged, so the meal is set to now."
        )
        day = None
    return day


RECENT_MEALS = 50


@login_required
@require_POST
def meal_correct(request: AuthenticatedHttpRequest, meal_id: str) -> HttpResponse:
    """Read one matched part of a meal as another food, or as no food; then back to its day."""
    meal = owned_or_404(Meal, request.user, uuid=meal_id)
    matched = request.POST.get("matched", "")
    not_eaten = request.POST.get("choice") == "not"
    food = None if not_eaten else request.POST.get("food", "")
    try:
        meal = meal_corrections.correct_match(request.user, meal, matched, food)
    except actions.DiaryInputError as exc:
        for message in exc.errors.values():
            messages.error(request, message)
    else:
        if not_eaten:
            messages.success(request, f"“{matched}” is no longer counted in this meal.")
        else:
            messages.success(request, f"Changed: the meal now reads “{meal.text}”.")
    return redirect(panels.day_url(request, meal.day) + "#day-meals")


@login_required
def meal_edit(request: AuthenticatedHttpRequest, meal_id: str) -> HttpResponse:
    meal = owned_or_404(Meal, request.user, uuid=meal_id)
    if request.method == "POST":
        form = MealForm(request.POST)
        if form.is_valid():
            try:
                actions.update_meal(meal, form.cleaned_data["text"], form.cleaned_data["eaten_at"])
            except actions.DiaryInputError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, f"Meal updated: “{meal.text}”.")
                return redirect("diary:meals")
    else:
        local = timezone.localtime(meal.eaten_at).replace(tzinfo=None)
        form = MealForm(initial={"text": meal.text, "eaten_at": local})
    return render(request, "diary/meal_edit.html", {"form": form, "meal": meal})


@login_required
@require_POST
def meal_delete(request: AuthenticatedHttpRequest, meal_id: str) -> HttpResponse:
    meal = owned_or_404(Meal, request.user, uuid=meal_id)
    actions.delete_meal(request.user, meal)
    messages.success(request, f"Meal deleted: “{meal.text}”.")
    return redirect("diary:meals")


@login_required
def meals_week(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The last 7 days of meal-derived measures, with the evidence behind them."""
    summary = cards.week_summary(request.user, request.user.today())
    return render(request, "diary/meals_week.html", {"summary": summary})


@login_required
def foods(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's custom foods; adding one (here or from a meal) re-analyses every meal."""
    user = request.user
    if request.method == "POST":
        form = CustomFoodForm(request.POST)
        if form.is_valid():
            try:
                taught = custom_foods.add_custom_food(
                    user,
                    form.cleaned_data["name"],
                    form.cleaned_data["groups"],
                    form.cleaned_data["plant"],
                )
            except actions.DiaryInputError as exc:
                _add_errors(form, exc)
            else:
                messages.success(
                    request,
                    f"Vagus now knows “{taught.food.name}”. {_meals_changed(taught.reanalysed)}",
                )
                back = "diary:meals" if request.POST.get("back") == "meals" else "diary:foods"
                return redirect(back)
    else:
        form = CustomFoodForm()
    rows = [
        {"food": food, "groups": custom_foods.group_labels(food.groups)}
        for food in CustomFood.objects.owned_by(user)
    ]
    return render(request, "diary/foods.html", {"form": form, "foods": rows})


@login_required
@require_POST
def food_delete(request: AuthenticatedHttpRequest, food_id: str) -> HttpResponse:
    food = owned_or_404(CustomFood, request.user, uuid=food_id)
    changed = custom_foods.delete_custom_food(request.user, food)
    messages.success(request, f"Forgot “{food.name}”. {_meals_changed(changed)}")
    return redirect("diary:foods")


def _meals_changed(count: int) -> str:
    if count == 0:
        return "No past meal changed."
    return f"{count} past meal{'s' if count != 1 else ''} analysed again."


@login_required
def timeline(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    try:
        span = int(request.GET.get("days", 30))
    except ValueError:
        span = 30
    if span not in TIMELINE_RANGES:
        span = 30
    end = user.today()
    start = end - timedelta(days=span - 1)
    days = queries.day_summaries(user, start, end)
    first_logged = days[-1]["day"] if days else None
    chart_start = charts.fitted_start(first_logged, start, end)
    first_ever = not queries.logged_before(user, start)
    values = queries.series(user, charts.HEADLINE_CODES, chart_start, end)
    chart = charts.timeline_chart(values, chart_start, end)
    return render(
        request,
        "diary/timeline.html",
        {
            "chart": chart,
            "span": span,
            "ranges": TIMELINE_RANGES,
            "days": days,
            "start": start,
            "end": end,
            "shown_range": wording.timeline_range(chart_start, end, first_logged, first_ever),
        },
    )


def _add_errors(form: forms.BaseForm, exc: actions.DiaryInputError) -> None:
    for name, message in exc.errors.items():
        form.add_error(name if name in form.fields else None, message)
