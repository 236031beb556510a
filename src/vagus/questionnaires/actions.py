"""Every change to a person's questionnaires, each one function in one transaction."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from vagus.accounts.models import EARLIEST_DAY
from vagus.diary.models import Measure, Observation
from vagus.inputs import local_day
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert, Schedule
from vagus.questionnaires.scheduling import EVERY_DAYS_CHOICES
from vagus.safety.questionnaire_flags import raw_answers_need_alert, score_needs_alert
from vagus.science import instruments

if TYPE_CHECKING:
    from vagus.accounts.models import User

_ITEM = re.compile(r"\bitems? (\d+)")


class QuestionnaireInputError(ValueError):
    """Bad input; ``errors`` maps a field (``item_3``, ``authored``, …) to a message.

    ``alert`` is set when an answer showed a self-harm signal although the rest was refused:
    the signal is recorded anyway, and the crisis page must still come first.
    """

    def __init__(self, errors: Mapping[str, str], alert: SafetyAlert | None = None) -> None:
        self.errors = dict(errors)
        self.alert = alert
        super().__init__("; ".join(self.errors.values()))

    @property
    def needs_crisis_page(self) -> bool:
        return self.alert is not None


@dataclass(frozen=True)
class Recorded:
    response: QuestionnaireResponse
    alert: SafetyAlert | None

    @property
    def needs_crisis_page(self) -> bool:
        return self.alert is not None


def item_field(message: str) -> str:
    """The form field a scoring error is about (``item_3``), or ``answers`` if none is named."""
    match = _ITEM.search(message)
    return f"item_{match.group(1)}" if match else "answers"


def score_measure_code(code: str) -> str:
    return f"{code}_total"


def record_response(
    user: User,
    code: str,
    answers: Sequence[Any],
    authored: datetime | None = None,
    *,
    difficulty: int | None = None,
) -> Recorded:
    """Score and store one completed questionnaire, its total as an Observation and, for a
    self-harm signal, a safety alert. Everything is checked first; bad input writes nothing,
    except that a self-harm answer in refused input still records its alert (see
    :func:`alert_for_unsaved_answers`) and the error carries it.
    """
    try:
        instrument = instruments.get(code)
    except instruments.UnknownInstrumentError as exc:
        raise QuestionnaireInputError({"instrument": str(exc)}) from None
    # The raw self-harm answer is read before anything else is checked, so no error elsewhere
    # in the form can lose it.
    urgent = raw_answers_need_alert(code, answers)
    try:
        score, moment, day = _checked(user, instrument, answers, authored, difficulty)
    except Exception as exc:
        alert = _unsaved_answers_alert(user) if urgent else None
        if isinstance(exc, QuestionnaireInputError):
            exc.alert = alert
        raise
    measure = _score_measure(code)

    with transaction.atomic():
        observation = Observation.objects.create(
            owner=user,
            measure=measure,
            day=day,
            time=moment,
            value=float(score.total),
            source="questionnaire",
        )
        response = QuestionnaireResponse.from_score(
            user, score, difficulty=difficulty, authored=moment, day=day, observation=observation
        )
        alert = None
        if score_needs_alert(score.flags):
            alert = SafetyAlert.objects.create(owner=user, response=response)
    return Recorded(response, alert)


def alert_for_unsaved_answers(user: User, code: str, answers: Sequence[Any]) -> SafetyAlert | None:
    """Record a safety alert for a self-harm answer in answers that cannot be stored.

    Read from the raw answers before anything else is checked (PHQ-9 item 9 = 3 with question
    3 blank, or an API call with items missing or null): the signal is never lost to a form
    error. The answers themselves are not stored. Returns None when no answer raises a flag.
    """
    return _unsaved_answers_alert(user) if raw_answers_need_alert(code, answers) else None


def _unsaved_answers_alert(user: User) -> SafetyAlert:
    with transaction.atomic():
        return SafetyAlert.objects.create(
            owner=user, response=None, source=SafetyAlert.UNSAVED_ANSWERS
        )


def _checked(
    user: User,
    instrument: instruments.Instrument,
    answers: Sequence[Any],
    authored: datetime | None,
    difficulty: int | None,
) -> tuple[instruments.Score, datetime, date]:
    """The score, moment and day of one completion, or QuestionnaireInputError."""
    code = instrument.code
    try:
        score = instruments.score(code, answers)
    except ValueError as exc:
        raise QuestionnaireInputError({item_field(str(exc)): str(exc)}) from None
    if not instrument.accepts_difficulty(difficulty):
        raise QuestionnaireInputError(
            {"difficulty": f"{instrument.name} difficulty: choose one of the answers given."}
        )
    moment = authored or timezone.now()
    if moment.date() < EARLIEST_DAY:
        raise QuestionnaireInputError(
            {"authored": f"authored: that is before {EARLIEST_DAY.year}."}
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=user.zone())
    day = local_day(user, moment, "authored", QuestionnaireInputError)
    if day > user.today():
        raise QuestionnaireInputError(
            {"authored": "authored: that is in the future where you are."}
        )
    return score, moment, day


def _score_measure(code: str) -> Measure:
    lookup = {"owner__isnull": True, "code": score_measure_code(code)}
    measure = Measure.objects.filter(**lookup).first()
    if measure is None:  # a database flushed without post_migrate (some test set-ups)
        from vagus.diary.catalog import sync_builtin_measures

        sync_builtin_measures()
        measure = Measure.objects.get(**lookup)
    return measure


def acknowledge_alerts(user: User) -> int:
    """Mark every open safety alert as read ("I have read this"); returns how many."""
    with transaction.atomic():
        return (
            SafetyAlert.objects.owned_by(user)
            .filter(acknowledged_at__isnull=True)
            .update(acknowledged_at=timezone.now())
        )


def set_schedule(user: User, code: str, every_days: int | None, enabled: bool) -> Schedule:
    """Change how often one questionnaire is offered, or switch it off."""
    try:
        instrument = instruments.get(code)
    except instruments.UnknownInstrumentError as exc:
        raise QuestionnaireInputError({"instrument": str(exc)}) from None
    if every_days is not None and every_days not in EVERY_DAYS_CHOICES:
        allowed = ", ".join(str(d) for d in EVERY_DAYS_CHOICES)
        raise QuestionnaireInputError(
            {"every_days": f"every_days: choose {allowed} days, or any time."}
        )
    if enabled and every_days is None:
        # "Any time" has nothing to be due; it stays available on the questionnaires page.
        enabled = False
    with transaction.atomic():
        schedule, _ = Schedule.objects.owned_by(user).update_or_create(
            owner=user,
            instrument=instrument.code,
            defaults={"every_days": every_days, "enabled": enabled},
        )
    return schedule
