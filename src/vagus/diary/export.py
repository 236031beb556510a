"""The diary's part of a person's full export."""

from __future__ import annotations

from typing import Any

from vagus.accounts.export import section
from vagus.diary.models import CustomFood, DayNote, Meal, Measure, Observation


@section("measures", model="diary.Measure")
def _measures(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(m.uuid),
            "code": m.code,
            "label": m.label,
            "kind": m.kind,
            "direction": m.direction,
            "help_text": m.help_text,
            "loinc": m.loinc,
            "on_checkin": m.on_checkin,
            "position": m.position,
            "archived": m.archived,
            "created": m.created.isoformat(),
        }
        for m in Measure.objects.owned_by(user)
    ]


@section("observations", model="diary.Observation")
def _observations(user: Any) -> list[dict[str, Any]]:
    rows = Observation.objects.owned_by(user).select_related("measure").order_by("day", "id")
    return [
        {
            "id": str(o.uuid),
            "measure": o.measure.code,
            "day": o.day.isoformat(),
            "time": o.time.isoformat() if o.time else None,
            "value": o.value,
            "source": o.source,
        }
        for o in rows
    ]


@section("day_notes", model="diary.DayNote")
def _notes(user: Any) -> list[dict[str, Any]]:
    return [
        {"day": n.day.isoformat(), "note": n.text, "supplement_name": n.supplement_name}
        for n in DayNote.objects.owned_by(user)
    ]


@section("meals", model="diary.Meal")
def _meals(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(m.uuid),
            "day": m.day.isoformat(),
            "eaten_at": m.eaten_at.isoformat(),
            "text": m.text,
            "analysis": m.analysis,
            "source": m.source,
        }
        for m in Meal.objects.owned_by(user).order_by("eaten_at", "id")
    ]


@section("custom_foods", model="diary.CustomFood")
def _custom_foods(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(f.uuid),
            "name": f.name,
            "groups": list(f.groups),
            "plant": f.plant,
            "created": f.created.isoformat(),
        }
        for f in CustomFood.objects.owned_by(user).order_by("created", "id")
    ]
