"""The diary's part of a backup: personal measures, observations, notes, meals, own foods,
the person's check-in choices and the Today cards they hid.

Ids (UUIDs) are never reused: a backup may be restored on the server it came from while the
original account still exists, so every row gets a new id and references between sections
(an imported entry's observation) are followed through the restore context. Timestamps the
export carries (``created``) are kept, written after the row exists because Django sets
``auto_now_add`` fields itself on insert.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.backup.registry import RestoreContext, restorer, section
from vagus.backup.rows import (
    Always,
    Day,
    Flag,
    Id,
    Moment,
    Number,
    Row,
    Text,
    Whole,
    parse_rows,
    problem,
)
from vagus.diary import kinds, nutrition
from vagus.diary.models import (
    CustomFood,
    DayNote,
    HiddenCard,
    Meal,
    Measure,
    MeasureChoice,
    Observation,
)

if TYPE_CHECKING:
    from vagus.accounts.models import User


class MeasureRow(Row):
    id: Always[Id] = None
    code: Text
    label: Text
    kind: Text = Field(json_schema_extra={"enum": [*sorted(kinds.KINDS)]})
    direction: Text
    # Newer exports carry these; older ones get the defaults.
    help_text: Text = ""
    loinc: Text = ""
    on_checkin: Flag = True
    position: Whole = 500
    archived: Flag
    created: Always[Moment] = None

    @classmethod
    def of(cls, m: Measure) -> MeasureRow:
        return cls(
            id=str(m.uuid),
            code=m.code,
            label=m.label,
            kind=m.kind,
            direction=m.direction,
            help_text=m.help_text,
            loinc=m.loinc,
            on_checkin=m.on_checkin,
            position=m.position,
            archived=m.archived,
            created=m.created,
        )


class ObservationRow(Row):
    id: Always[Id] = None
    measure: Text = Field(description="The code of a measure (built-in or in measures).")
    day: Day
    value: Number
    time: Moment | None = None
    source: Text

    @classmethod
    def of(cls, o: Observation) -> ObservationRow:
        return cls(
            id=str(o.uuid),
            measure=o.measure.code,
            day=o.day,
            time=o.time,
            value=o.value,
            source=o.source,
        )


class DayNoteRow(Row):
    day: Day
    note: Text
    supplement_name: Text = ""


class MealRow(Row):
    id: Always[Id] = None
    day: Day
    eaten_at: Moment
    text: Text
    # A stored analysis the app cannot read is made again on restore, so any value is read.
    analysis: Any = None
    source: Text


class CustomFoodRow(Row):
    id: Always[Id] = None
    name: Text
    groups: list[Text]
    plant: Text = ""
    created: Always[Moment] = None


class MeasureChoiceRow(Row):
    measure: Text = Field(description="The code of a measure (built-in or in measures).")
    placement: Text = Field(json_schema_extra={"enum": [p for p, _ in MeasureChoice.PLACEMENTS]})
    position: Whole
    label: Text = Field("", description="The person's own name for it; empty: the measure's.")
    direction: Text | None = Field(
        None,
        description="better, worse or empty (neither), the person's own; null: the measure's.",
        json_schema_extra={"enum": ["better", "worse", "", None]},
    )


class HiddenCardRow(Row):
    card: Text = Field(description="Which Today card (an app and card name).")
    day: Day


@section("measures", model="diary.Measure", row=MeasureRow)
def export_measures(user: User) -> list[MeasureRow]:
    return [MeasureRow.of(m) for m in Measure.objects.owned_by(user)]


@section("observations", model="diary.Observation", row=ObservationRow)
def export_observations(user: User) -> list[ObservationRow]:
    rows = Observation.objects.owned_by(user).select_related("measure").order_by("day", "id")
    return [ObservationRow.of(o) for o in rows]


@section("day_notes", model="diary.DayNote", row=DayNoteRow)
def export_notes(user: User) -> list[DayNoteRow]:
    return [
        DayNoteRow(day=n.day, note=n.text, supplement_name=n.supplement_name)
        for n in DayNote.objects.owned_by(user)
    ]


@section("meals", model="diary.Meal", row=MealRow)
def export_meals(user: User) -> list[MealRow]:
    return [
        MealRow(
            id=str(m.uuid),
            day=m.day,
            eaten_at=m.eaten_at,
            text=m.text,
            analysis=m.analysis,
            source=m.source,
        )
        for m in Meal.objects.owned_by(user).order_by("eaten_at", "id")
    ]


@section("custom_foods", model="diary.CustomFood", row=CustomFoodRow)
def export_custom_foods(user: User) -> list[CustomFoodRow]:
    return [
        CustomFoodRow(
            id=str(f.uuid), name=f.name, groups=list(f.groups), plant=f.plant, created=f.created
        )
        for f in CustomFood.objects.owned_by(user).order_by("created", "id")
    ]


@section("measure_choices", model="diary.MeasureChoice", row=MeasureChoiceRow)
def export_measure_choices(user: User) -> list[MeasureChoiceRow]:
    rows = MeasureChoice.objects.owned_by(user).select_related("measure").order_by("id")
    return [
        MeasureChoiceRow(
            measure=c.measure.code,
            placement=c.placement,
            position=c.position,
            label=c.label,
            direction=c.direction,
        )
        for c in rows
    ]


@section("hidden_cards", model="diary.HiddenCard", row=HiddenCardRow)
def export_hidden_cards(user: User) -> list[HiddenCardRow]:
    return [
        HiddenCardRow(card=h.card, day=h.day)
        for h in HiddenCard.objects.owned_by(user).order_by("day", "card")
    ]


@restorer("measures", order=10)
def restore_measures(user: User, data: Any, ctx: RestoreContext) -> int:
    created = []
    builtin = set(Measure.objects.filter(owner__isnull=True).values_list("code", flat=True))
    for i, row in enumerate(parse_rows("measures", data, MeasureRow)):
        if row.kind not in kinds.KINDS:
            raise problem("measures", i, "kind", f"“{row.kind}” is not a kind of measure")
        # A backup holds only the person's own measures: never one that shadows a built-in.
        code = row.code[:64]
        if not code.startswith("my_") or code in builtin:
            raise problem("measures", i, "code", f"“{code}” is not a personal measure (my_…)")
        measure = Measure.objects.create(
            owner=user,
            code=code,
            label=row.label[:80],
            kind=row.kind,
            direction=row.direction,
            archived=row.archived,
            loinc=row.loinc,
            help_text=row.help_text,
            on_checkin=row.on_checkin,
            position=row.position,
        )
        created.append((measure, row.created))
        ctx.remember("measures", row.id, measure)
    for measure, moment in created:
        if moment:
            Measure.objects.filter(pk=measure.pk).update(created=moment)
    return len(created)


@restorer("custom_foods", order=15)
def restore_custom_foods(user: User, data: Any, ctx: RestoreContext) -> int:
    rows = parse_rows("custom_foods", data, CustomFoodRow)
    for row in rows:
        food = CustomFood.objects.create(
            owner=user, name=row.name[:80], groups=list(row.groups), plant=row.plant
        )
        if row.created:
            CustomFood.objects.filter(pk=food.pk).update(created=row.created)
    return len(rows)


@restorer("observations", order=20)
def restore_observations(user: User, data: Any, ctx: RestoreContext) -> int:
    measures = {m.code: m for m in Measure.objects.available_to(user)}
    rows = parse_rows("observations", data, ObservationRow)
    pending = []
    for i, row in enumerate(rows):
        measure = measures.get(row.measure)
        if measure is None:
            raise problem("observations", i, "measure", f"no measure “{row.measure}” in the backup")
        try:
            value = measure.clean_value(row.value)
        except ValueError as exc:
            raise problem("observations", i, "value", str(exc)) from None
        pending.append(
            Observation(
                owner=user,
                measure=measure,
                day=row.day,
                time=row.time,
                value=value,
                source=row.source[:40],
            )
        )
    saved = Observation.objects.bulk_create(pending, batch_size=2000)
    by_total: dict[tuple[str, datetime | None], Observation] = {}
    for row, observation in zip(rows, saved, strict=True):
        ctx.remember("observations", row.id, observation)
        if observation.source == "questionnaire":
            by_total[(observation.measure.code, observation.time)] = observation
    ctx.extra["questionnaire_totals"] = by_total
    return len(saved)


@restorer("day_notes", order=30)
def restore_notes(user: User, data: Any, ctx: RestoreContext) -> int:
    notes = [
        DayNote(owner=user, day=row.day, text=row.note, supplement_name=row.supplement_name[:120])
        for row in parse_rows("day_notes", data, DayNoteRow)
    ]
    return len(DayNote.objects.bulk_create(notes))


def _analysis(data: Any) -> dict[str, Any] | None:
    """A stored analysis the app can read, or None (then the meal is analysed again)."""
    if not isinstance(data, dict):
        return None
    items, unknown, groups = data.get("items"), data.get("unknown"), data.get("groups")
    if not (isinstance(items, list) and isinstance(unknown, list) and isinstance(groups, list)):
        return None
    if not all(isinstance(item, dict) and isinstance(item.get("name"), str) for item in items):
        return None
    try:
        nutrition.analysis_from_dict(data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    return data


@restorer("meals", order=30)
def restore_meals(user: User, data: Any, ctx: RestoreContext) -> int:
    # A readable analysis is restored as it was (the backup is the record); one the app
    # cannot read is made again, and the day measures are made exact from the analyses.
    meals = [
        Meal(
            owner=user,
            day=row.day,
            eaten_at=row.eaten_at,
            text=row.text,
            analysis=_analysis(row.analysis),
            source=row.source[:40],
        )
        for row in parse_rows("meals", data, MealRow)
    ]
    nutrition.prepare_meals(user, [meal for meal in meals if meal.analysis is None])
    saved = Meal.objects.bulk_create(meals)
    nutrition.recompute_days(user, {meal.day for meal in saved})
    return len(saved)


@restorer("measure_choices", order=12, holds_data=False)
def restore_measure_choices(user: User, data: Any, ctx: RestoreContext) -> int:
    # After the measures: a choice names its measure by code, a built-in's or the person's own.
    # Arranging the check-in of a new account before restoring does not make it "hold data";
    # the backup's arrangement replaces it.
    measures = {m.code: m for m in Measure.objects.available_to(user).filter(on_checkin=True)}
    placements = {p for p, _ in MeasureChoice.PLACEMENTS}
    rows = parse_rows("measure_choices", data, MeasureChoiceRow)
    choices = []
    for i, row in enumerate(rows):
        measure = measures.get(row.measure)
        if measure is None:
            raise problem("measure_choices", i, "measure", f"no measure “{row.measure}”")
        if row.placement not in placements:
            raise problem("measure_choices", i, "placement", f"“{row.placement}” is not a place")
        if row.direction not in {None, "", "better", "worse"}:
            raise problem("measure_choices", i, "direction", f"“{row.direction}” is not one")
        choices.append(
            MeasureChoice(
                owner=user,
                measure=measure,
                placement=row.placement,
                position=row.position,
                label=row.label[:80],
                direction=row.direction,
            )
        )
    MeasureChoice.objects.owned_by(user).delete()
    return len(MeasureChoice.objects.bulk_create(choices))


@restorer("hidden_cards", order=40, holds_data=False)
def restore_hidden_cards(user: User, data: Any, ctx: RestoreContext) -> int:
    hidden = [
        HiddenCard(owner=user, card=row.card[:80], day=row.day)
        for row in parse_rows("hidden_cards", data, HiddenCardRow)
    ]
    # A card hidden today in the new account may be in the backup too: once is enough.
    return len(HiddenCard.objects.bulk_create(hidden, ignore_conflicts=True))
