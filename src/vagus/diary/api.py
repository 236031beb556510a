"""Diary routes: the person, measures, days, observations and meals."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from vagus.accounts.models import User
from vagus.api.schemas import Message, RowSchema
from vagus.diary import actions, custom_foods, nutrition, queries
from vagus.diary.backup import CustomFoodRow
from vagus.diary.models import CustomFood, Meal, Measure, Observation
from vagus.diary.schemas import (
    DayIn,
    DayOut,
    Me,
    MealIn,
    MealOut,
    MeasureIn,
    MeasureOut,
    ObservationOut,
    SavedDay,
)
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404

router = Router(tags=["diary"])
MAX_RANGE_DAYS = 3660


@router.get("/me", response=Me)
def me(request: AuthenticatedHttpRequest) -> dict:
    user = request.user
    return {
        "id": user.uuid,
        "username": user.username,
        "time_zone": user.time_zone,
        "today": user.today(),
        "is_demo": user.is_demo,
    }


def _measure_out(m: Measure) -> dict:
    return {
        "id": m.uuid,
        "code": m.code,
        "label": m.label,
        "kind": m.kind,
        "direction": m.direction,
        "custom": m.is_custom,
        "archived": m.archived,
    }


@router.get("/measures", response=list[MeasureOut])
def list_measures(request: AuthenticatedHttpRequest) -> list[dict]:
    return [_measure_out(m) for m in queries.measures_for(request.user, include_archived=True)]


@router.post("/measures", response={201: MeasureOut, 400: Message})
def create_measure(request: AuthenticatedHttpRequest, payload: MeasureIn) -> Status:
    measure = actions.create_measure(request.user, payload.label, payload.kind, payload.direction)
    return Status(201, _measure_out(measure))


def _day_out(user: User, day: date, values: dict[str, float] | None = None) -> dict:
    note = queries.day_note(user, day)
    return {
        "day": day,
        "values": queries.checkin_values(user, day) if values is None else values,
        "note": note.text if note else "",
        "supplement_name": note.supplement_name if note else "",
        "entries": [
            {"measure": e.measure.code, "value": e.value, "source": e.source, "origin": e.origin}
            for e in queries.day_entries(user, day)
        ],
    }


@router.get("/days/{day}", response=DayOut)
def get_day(request: AuthenticatedHttpRequest, day: date) -> dict:
    return _day_out(request.user, day)


@router.put("/days/{day}", response={200: SavedDay, 400: Message})
def put_day(request: AuthenticatedHttpRequest, day: date, payload: DayIn) -> dict:
    """Save values and the note of one day (YYYY-MM-DD, a calendar day in your own time zone).

    A day in the future where you are, or before 1900, is refused (400 naming `day`); a value
    out of its measure's range is refused naming its code. Nothing is written then.
    """
    result = actions.save_checkin(
        request.user,
        day,
        payload.values,
        note=payload.note,
        supplement_name=payload.supplement_name,
    )
    return {
        **_day_out(request.user, day, result.values),
        "stored": [f"{label}: {shown}" for label, shown in result.stored],
        "cleared": result.cleared,
    }


@router.delete("/days/{day}", response={204: None})
def delete_day(request: AuthenticatedHttpRequest, day: date) -> Status:
    actions.delete_day(request.user, day)
    return Status(204, None)


@router.get("/observations", response=list[ObservationOut])
def list_observations(
    request: AuthenticatedHttpRequest,
    start: date = Query(...),  # noqa: B008  (ninja declares query parameters this way)
    end: date = Query(...),  # noqa: B008
    measure: str | None = None,
) -> list[dict]:
    if end < start:
        raise HttpError(400, "end: must be on or after start")
    if end - start > timedelta(days=MAX_RANGE_DAYS):
        raise HttpError(400, f"end: ask for at most {MAX_RANGE_DAYS} days at a time")
    rows = Observation.objects.owned_by(request.user).filter(day__range=(start, end))
    if measure:
        rows = rows.filter(measure__code=measure)
    return [
        {
            "id": o.uuid,
            "measure": o.measure.code,
            "day": o.day,
            "value": o.value,
            "source": o.source,
        }
        for o in rows.select_related("measure")
    ]


def _meal_out(m: Meal) -> dict:
    return {
        "id": m.uuid,
        "day": m.day,
        "eaten_at": m.eaten_at,
        "text": m.text,
        "analysis": m.analysis,
    }


@router.get("/meals", response=list[MealOut])
def list_meals(
    request: AuthenticatedHttpRequest, start: date | None = None, end: date | None = None
) -> list[dict]:
    rows = Meal.objects.owned_by(request.user).order_by("eaten_at")
    if start:
        rows = rows.filter(day__gte=start)
    if end:
        rows = rows.filter(day__lte=end)
    return [_meal_out(m) for m in rows]


@router.post("/meals", response={201: MealOut, 400: Message})
def create_meal(request: AuthenticatedHttpRequest, payload: MealIn) -> Status:
    return Status(201, _meal_out(actions.add_meal(request.user, payload.text, payload.eaten_at)))


@router.get("/meals/{meal_id}", response=MealOut)
def get_meal(request: AuthenticatedHttpRequest, meal_id: UUID) -> dict:
    return _meal_out(owned_or_404(Meal, request.user, uuid=meal_id))


@router.put("/meals/{meal_id}", response={200: MealOut, 400: Message})
def update_meal(request: AuthenticatedHttpRequest, meal_id: UUID, payload: MealIn) -> dict:
    meal = owned_or_404(Meal, request.user, uuid=meal_id)
    return _meal_out(actions.update_meal(meal, payload.text, payload.eaten_at))


@router.delete("/meals/{meal_id}", response={204: None})
def delete_meal(request: AuthenticatedHttpRequest, meal_id: UUID) -> Status:
    actions.delete_meal(request.user, owned_or_404(Meal, request.user, uuid=meal_id))
    return Status(204, None)


class CustomFoodIn(Schema):
    name: str
    groups: list[str] = Field(default_factory=list)
    plant: str = ""


class CustomFoodOut(RowSchema, row=CustomFoodRow):
    reanalysed_meals: int | None = None  # only when adding: meals whose analysis changed


def _food_out(food: CustomFood, reanalysed: int | None = None) -> dict:
    return {
        "id": food.uuid,
        "name": food.name,
        "groups": food.groups,
        "plant": food.plant,
        "created": food.created,
        "reanalysed_meals": reanalysed,
    }


@router.get("/foods/custom", response=list[CustomFoodOut])
def list_custom_foods(request: AuthenticatedHttpRequest) -> list[dict]:
    return [_food_out(f) for f in CustomFood.objects.owned_by(request.user)]


@router.post("/foods/custom", response={201: CustomFoodOut, 400: Message})
def create_custom_food(request: AuthenticatedHttpRequest, payload: CustomFoodIn) -> Status:
    """Teach Vagus a food; all of your past meals are analysed again with it."""
    taught = custom_foods.add_custom_food(request.user, payload.name, payload.groups, payload.plant)
    return Status(201, _food_out(taught.food, taught.reanalysed))


@router.delete("/foods/custom/{food_id}", response={204: None})
def delete_custom_food(request: AuthenticatedHttpRequest, food_id: UUID) -> Status:
    food = owned_or_404(CustomFood, request.user, uuid=food_id)
    custom_foods.delete_custom_food(request.user, food)
    return Status(204, None)


@router.get("/foods/analyse", response={200: dict, 400: Message})
def analyse_text(request: AuthenticatedHttpRequest, text: str = "") -> dict:
    """How Vagus reads a meal description, from its shared food knowledge only.

    Nothing is stored and your own custom foods are not used, so the answer is the same for
    everyone; a meal you save is analysed with your custom foods too.
    """
    text = text.strip()
    if not text:
        raise actions.DiaryInputError({"text": "text: write what you ate or drank."})
    if len(text) > actions.MEAL_MAX:
        raise actions.DiaryInputError(
            {"text": f"text: please keep it under {actions.MEAL_MAX} characters."}
        )
    return nutrition.analyse(text)
