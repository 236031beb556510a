"""How each section of a Vagus backup that exists today is restored into an account.

Ids (UUIDs) are never reused: a backup may be restored on the server it came from while the
original account still exists, so every row gets a new id and references between sections
(a safety alert's response, an imported entry's observation) are followed through the
:class:`~vagus.interop.registry.RestoreContext`. Timestamps that the export carries
(``created``, ``acknowledged_at``) are kept, written after the row exists because Django sets
``auto_now_add`` fields itself on insert.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from vagus.accounts.models import validate_time_zone
from vagus.diary import kinds, nutrition
from vagus.diary.models import CustomFood, DayNote, Meal, Measure, Observation
from vagus.interop.models import ImportedEntry, ImportJob
from vagus.interop.registry import RestoreContext, importer, not_restored
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert, Schedule
from vagus.science import instruments

not_restored(
    "access_tokens",
    "Access tokens are not restored: their secrets never leave an account. Make new ones.",
)


class RowProblem(ValueError):
    """A row of a backup that cannot be restored; the message names section, row and field."""


def _field(section: str, index: int, row: Any, name: str, kind: type | tuple = object) -> Any:
    if not isinstance(row, dict):
        raise RowProblem(f"{section}[{index}]: expected an object")
    if name not in row:
        raise RowProblem(f"{section}[{index}].{name}: missing")
    value = row[name]
    # JSON true/false are Python bools, which are ints too: never accept them as numbers.
    wrong_bool = isinstance(value, bool) and kind is not bool
    if wrong_bool or not isinstance(value, kind):
        raise RowProblem(f"{section}[{index}].{name}: wrong type ({type(value).__name__})")
    return value


def _parse(section: str, index: int, name: str, text: Any, parser: Any) -> Any:
    if text is None:
        return None
    try:
        return parser(text)
    except (TypeError, ValueError):
        raise RowProblem(f"{section}[{index}].{name}: “{text}” cannot be read") from None


def _optional(
    section: str, index: int, row: Any, name: str, kind: type | tuple, default: Any
) -> Any:
    """A field newer exports may carry: ``default`` when absent, else checked like ``_field``."""
    if isinstance(row, dict) and name not in row:
        return default
    return _field(section, index, row, name, kind)


def _day(section: str, index: int, row: Any, name: str = "day") -> date:
    return _parse(section, index, name, _field(section, index, row, name, str), date.fromisoformat)


def _moment(section: str, index: int, row: Any, name: str, optional: bool = False) -> datetime:
    value = (
        row.get(name) if optional and isinstance(row, dict) else _field(section, index, row, name)
    )
    moment = _parse(section, index, name, value, datetime.fromisoformat)
    if moment is not None and moment.tzinfo is None:
        raise RowProblem(f"{section}[{index}].{name}: needs a time zone offset")
    return moment


def _rows(section: str, rows: Any) -> list[Any]:
    if not isinstance(rows, list):
        raise RowProblem(f"{section}: expected a list")
    return rows


@importer("account", order=0, holds_data=False)
def _account(user: Any, row: Any, ctx: RestoreContext) -> int:
    # Only the time zone is the person's choice; name, id and joining date stay this account's.
    zone = _field("account", 0, row, "time_zone", str)
    try:
        validate_time_zone(zone)
    except Exception:
        raise RowProblem(f"account.time_zone: “{zone}” is not a time zone") from None
    if user.time_zone != zone:
        user.time_zone = zone
        user.save(update_fields=["time_zone"])
    return 1


@importer("measures", order=10)
def _measures(user: Any, rows: Any, ctx: RestoreContext) -> int:
    created = []
    builtin = set(Measure.objects.filter(owner__isnull=True).values_list("code", flat=True))
    for i, row in enumerate(_rows("measures", rows)):
        kind = _field("measures", i, row, "kind", str)
        if kind not in kinds.KINDS:
            raise RowProblem(f"measures[{i}].kind: “{kind}” is not a kind of measure")
        # A backup holds only the person's own measures: never one that shadows a built-in.
        code = _field("measures", i, row, "code", str)[:64]
        if not code.startswith("my_") or code in builtin:
            raise RowProblem(f"measures[{i}].code: “{code}” is not a personal measure (my_…)")
        measure = Measure.objects.create(
            owner=user,
            code=code,
            label=_field("measures", i, row, "label", str)[:80],
            kind=kind,
            direction=_field("measures", i, row, "direction", str),
            archived=bool(_field("measures", i, row, "archived", bool)),
            # Newer exports may carry these; older ones get the defaults.
            loinc=_optional("measures", i, row, "loinc", str, ""),
            help_text=_optional("measures", i, row, "help_text", str, ""),
            on_checkin=_optional("measures", i, row, "on_checkin", bool, True),
            position=_optional("measures", i, row, "position", int, 500),
        )
        created.append((measure, _moment("measures", i, row, "created", optional=True)))
        ctx.remember("measures", row.get("id"), measure)
    for measure, moment in created:
        if moment:
            Measure.objects.filter(pk=measure.pk).update(created=moment)
    return len(created)


@importer("custom_foods", order=15)
def _custom_foods(user: Any, rows: Any, ctx: RestoreContext) -> int:
    count = 0
    for i, row in enumerate(_rows("custom_foods", rows)):
        food = CustomFood.objects.create(
            owner=user,
            name=_field("custom_foods", i, row, "name", str)[:80],
            groups=list(_field("custom_foods", i, row, "groups", list)),
            plant=str(row.get("plant", "")),
        )
        moment = _moment("custom_foods", i, row, "created", optional=True)
        if moment:
            CustomFood.objects.filter(pk=food.pk).update(created=moment)
        count += 1
    return count


@importer("observations", order=20)
def _observations(user: Any, rows: Any, ctx: RestoreContext) -> int:
    measures = {m.code: m for m in Measure.objects.available_to(user)}
    pending = []
    for i, row in enumerate(_rows("observations", rows)):
        code = _field("observations", i, row, "measure", str)
        measure = measures.get(code)
        if measure is None:
            raise RowProblem(f"observations[{i}].measure: no measure “{code}” in the backup")
        value = _field("observations", i, row, "value", (int, float))
        try:
            value = measure.clean_value(value)
        except ValueError as exc:
            raise RowProblem(f"observations[{i}].value: {exc}") from None
        pending.append(
            Observation(
                owner=user,
                measure=measure,
                day=_day("observations", i, row),
                time=_moment("observations", i, row, "time", optional=True),
                value=value,
                source=_field("observations", i, row, "source", str)[:40],
            )
        )
    saved = Observation.objects.bulk_create(pending, batch_size=2000)
    by_total: dict[tuple[str, datetime | None], Observation] = {}
    for row, observation in zip(rows, saved, strict=True):
        ctx.remember("observations", row.get("id"), observation)
        if observation.source == "questionnaire":
            by_total[(observation.measure.code, observation.time)] = observation
    ctx.extra["questionnaire_totals"] = by_total
    return len(saved)


@importer("day_notes", order=30)
def _notes(user: Any, rows: Any, ctx: RestoreContext) -> int:
    notes = [
        DayNote(
            owner=user,
            day=_day("day_notes", i, row),
            text=_field("day_notes", i, row, "note", str),
            supplement_name=str(row.get("supplement_name", ""))[:120],
        )
        for i, row in enumerate(_rows("day_notes", rows))
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


@importer("meals", order=30)
def _meals(user: Any, rows: Any, ctx: RestoreContext) -> int:
    # A readable analysis is restored as it was (the backup is the record); one the app
    # cannot read is made again, and the day measures are made exact from the analyses.
    meals = [
        Meal(
            owner=user,
            day=_day("meals", i, row),
            eaten_at=_moment("meals", i, row, "eaten_at"),
            text=_field("meals", i, row, "text", str),
            analysis=_analysis(row.get("analysis")),
            source=_field("meals", i, row, "source", str)[:40],
        )
        for i, row in enumerate(_rows("meals", rows))
    ]
    nutrition.prepare_meals(user, [meal for meal in meals if meal.analysis is None])
    saved = Meal.objects.bulk_create(meals)
    nutrition.recompute_days(user, {meal.day for meal in saved})
    return len(saved)


@importer("questionnaire_responses", order=40)
def _responses(user: Any, rows: Any, ctx: RestoreContext) -> int:
    totals = ctx.extra.get("questionnaire_totals", {})
    count = 0
    for i, row in enumerate(_rows("questionnaire_responses", rows)):
        section = "questionnaire_responses"
        code = _field(section, i, row, "instrument", str)
        answers = _field(section, i, row, "answers", list)
        try:
            instrument = instruments.get(code)
            score = instruments.score(code, answers)
        except (instruments.UnknownInstrumentError, TypeError, ValueError) as exc:
            raise RowProblem(f"{section}[{i}].answers: {exc}") from None
        # The scores are the app's own, from the answers: a backup cannot bring others.
        total = _field(section, i, row, "total", (int, float))
        if abs(float(total) - float(score.total)) > 1e-9:
            raise RowProblem(f"{section}[{i}].total: {total} is not the answers' score")
        band = _field(section, i, row, "band", str)
        if band != score.band:
            raise RowProblem(f"{section}[{i}].band: “{band}” is not the answers' band")
        flags = _optional(section, i, row, "flags", list, None)
        if flags is not None and (
            not all(isinstance(f, str) for f in flags) or set(flags) != set(score.flags)
        ):
            raise RowProblem(f"{section}[{i}].flags: not the flags the answers give")
        difficulty = _optional(section, i, row, "difficulty", (int, type(None)), None)
        if not instrument.accepts_difficulty(difficulty):
            raise RowProblem(f"{section}[{i}].difficulty: {difficulty} is not one of the answers")
        authored = _moment(section, i, row, "authored")
        response = QuestionnaireResponse.from_score(
            user,
            score,
            difficulty=difficulty,
            authored=authored,
            day=_day(section, i, row),
            observation=totals.get((f"{code}_total", authored)),
        )
        ctx.remember(section, row.get("id"), response)
        count += 1
    return count


@importer("questionnaire_schedules", order=40)
def _schedules(user: Any, rows: Any, ctx: RestoreContext) -> int:
    section = "questionnaire_schedules"
    schedules = []
    for i, row in enumerate(_rows(section, rows)):
        code = _field(section, i, row, "instrument", str)
        try:
            instruments.get(code)
        except instruments.UnknownInstrumentError:
            raise RowProblem(
                f"{section}[{i}].instrument: “{code}” is not a questionnaire"
            ) from None
        every_days = _optional(section, i, row, "every_days", (int, type(None)), None)
        if every_days is not None and not 1 <= every_days <= 32767:
            raise RowProblem(f"{section}[{i}].every_days: {every_days} is not a number of days")
        schedules.append(
            Schedule(
                owner=user,
                instrument=code,
                every_days=every_days,
                enabled=_field(section, i, row, "enabled", bool),
            )
        )
    return len(Schedule.objects.bulk_create(schedules))


# Where a safety alert can come from: a questionnaire answer (stored, or refused with a
# self-harm answer in it), or crisis language in the tools.
ALERT_SOURCES = {"questionnaire", "questionnaire_unsaved", "tools"}


@importer("safety_alerts", order=50)
def _alerts(user: Any, rows: Any, ctx: RestoreContext) -> int:
    count = 0
    for i, row in enumerate(_rows("safety_alerts", rows)):
        # Older backups have no source: every alert then came from a questionnaire.
        source = row.get("source", "questionnaire") if isinstance(row, dict) else None
        if source not in ALERT_SOURCES:
            raise RowProblem(f"safety_alerts[{i}].source: “{source}” is not a known source")
        response = None
        if source == "questionnaire":
            response = ctx.find(
                "questionnaire_responses", _field("safety_alerts", i, row, "response", str)
            )
            if response is None:
                raise RowProblem(
                    f"safety_alerts[{i}].response: not among the questionnaire responses"
                )
        elif _field("safety_alerts", i, row, "response", (str, type(None))) is not None:
            raise RowProblem(f"safety_alerts[{i}].response: only questionnaire alerts have one")
        alert = SafetyAlert.objects.create(owner=user, response=response, source=source)
        SafetyAlert.objects.filter(pk=alert.pk).update(
            created=_moment("safety_alerts", i, row, "created"),
            acknowledged_at=_moment("safety_alerts", i, row, "acknowledged_at", optional=True),
        )
        count += 1
    return count


@importer("imported_entries", order=60)
def _entries(user: Any, rows: Any, ctx: RestoreContext) -> int:
    measures = {m.code: m for m in Measure.objects.owned_by(user)}
    entries = []
    for i, row in enumerate(_rows("imported_entries", rows)):
        section = "imported_entries"
        observation = None
        old_observation = _optional(section, i, row, "observation", (str, type(None)), None)
        if old_observation:
            observation = ctx.find("observations", old_observation)
            if observation is None:
                raise RowProblem(f"{section}[{i}].observation: not among the observations")
        entries.append(
            ImportedEntry(
                owner=user,
                source=_field(section, i, row, "source", str)[:40],
                key=_field(section, i, row, "key", str)[:255],
                kind=_field(section, i, row, "kind", str),
                day=_parse(
                    section,
                    i,
                    "day",
                    _optional(section, i, row, "day", (str, type(None)), None),
                    date.fromisoformat,
                ),
                time=_moment(section, i, row, "time", optional=True),
                label=_optional(section, i, row, "label", str, "")[:120],
                text=_optional(section, i, row, "text", str, ""),
                observation=observation,
                measure=measures.get(
                    _optional(section, i, row, "measure", (str, type(None)), None) or ""
                ),
            )
        )
    return len(ImportedEntry.objects.bulk_create(entries))


@importer("import_jobs", order=70, holds_data=False)
def _jobs(user: Any, rows: Any, ctx: RestoreContext) -> int:
    count = 0
    for i, row in enumerate(_rows("import_jobs", rows)):
        status = _field("import_jobs", i, row, "status", str)
        if status in ImportJob.RUNNING:  # its thread belonged to the old server
            status = ImportJob.FAILED
        job = ImportJob.objects.create(
            owner=user,
            format=_field("import_jobs", i, row, "format", str)[:16],
            filename=str(row.get("filename", ""))[:200],
            status=status,
            progress=float(_optional("import_jobs", i, row, "progress", (int, float), 0)),
            options=_optional("import_jobs", i, row, "options", (dict, type(None)), None) or {},
            counts=_optional("import_jobs", i, row, "counts", (dict, type(None)), None) or {},
            errors=_optional("import_jobs", i, row, "errors", (list, type(None)), None) or [],
            unmapped=_optional("import_jobs", i, row, "unmapped", (list, type(None)), None) or [],
            notes=_optional("import_jobs", i, row, "notes", (list, type(None)), None) or [],
            message=_optional("import_jobs", i, row, "message", str, ""),
        )
        ImportJob.objects.filter(pk=job.pk).update(
            created=_moment("import_jobs", i, row, "created")
        )
        count += 1
    return count


def raise_missing_alerts(user: Any) -> int:
    """After a restore, the safety alerts the restored rows call for (how many were made).

    A backup may lack its alerts (edited, or cut short): every self-harm answer still gets its
    alert, and crisis language in the tools gets one tools alert, unread, so the crisis page
    comes first. Alerts the backup restored, read or not, stay as they are.
    """
    from vagus.questionnaires.actions import SELF_HARM
    from vagus.tools.crisis_language import mentions_crisis
    from vagus.tools.models import JournalEntry, ThoughtRecord, Worry

    made = 0
    alerted = set(
        SafetyAlert.objects.filter(owner=user, response__isnull=False).values_list(
            "response_id", flat=True
        )
    )
    for response in QuestionnaireResponse.objects.filter(owner=user):
        if SELF_HARM in (response.flags or []) and response.pk not in alerted:
            SafetyAlert.objects.create(owner=user, response=response, source="questionnaire")
            made += 1
    if not SafetyAlert.objects.filter(owner=user, source="tools").exists():
        texts: list[str] = []
        for model in (ThoughtRecord, JournalEntry, Worry):
            for row in model.objects.filter(owner=user):
                texts.extend(getattr(row, name) or "" for name in model.SEALED_FIELDS)
        if mentions_crisis(texts):
            SafetyAlert.objects.create(owner=user, response=None, source="tools")
            made += 1
    return made
