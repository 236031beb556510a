"""Reads for reminders: what applies to a person today, and what they have been sent."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from vagus.diary import queries as diary_queries
from vagus.diary.models import Observation
from vagus.diary.wording import CHECKIN as CHECKIN_SOURCE
from vagus.experiments.models import RUNNING, Experiment
from vagus.questionnaires import queries as questionnaire_queries
from vagus.reminders.models import (
    CHECKIN,
    REMINDER,
    SENT,
    Delivery,
    Reminder,
    ReminderProfile,
)
from vagus.tools import queries as tools_queries

if TYPE_CHECKING:
    from vagus.accounts.models import User


def profile_for(user: User) -> ReminderProfile | None:
    return ReminderProfile.objects.owned_by(user).first()


def profile_by_feed(hash_: str) -> ReminderProfile | None:
    if not hash_:
        return None
    return ReminderProfile.objects.select_related("owner").filter(feed_hash=hash_).first()


def reminders_for(user: User) -> dict[str, Reminder]:
    return {r.kind: r for r in Reminder.objects.owned_by(user)}


def checkin_logged(user: User, day: date) -> bool:
    return bool(diary_queries.checkin_values(user, day))


def due_questionnaire_names(user: User, day: date) -> list[str]:
    return [offer.instrument.name for offer in questionnaire_queries.due_for(user, day)]


def experiment_today(user: User, day: date) -> tuple[str, str] | None:
    """Today's condition label and what to do, for a running experiment; None otherwise."""
    for experiment in Experiment.objects.owned_by(user).filter(status=RUNNING):
        letter = experiment.design.condition_on(day)
        if (
            letter is not None
            and experiment.state_on(day) == RUNNING
            and day not in experiment.paused_days(day)
        ):
            return experiment.condition_label(letter), experiment.todo(letter)
    return None


def worry_time_of(user: User) -> time:
    return tools_queries.worry_time_for(user)


def ignored_checkins_in_a_row(user: User, profile: ReminderProfile) -> int:
    """The latest check-in reminders, newest first, followed by neither a check-in that day
    nor a visit to the app (counted since the last pause ended)."""
    rows = Delivery.objects.owned_by(user).filter(kind=CHECKIN, message=REMINDER, status=SENT)
    if profile.streak_since is not None:
        rows = rows.filter(sent_at__gt=profile.streak_since)
    ignored = 0
    for delivery in rows.order_by("-due_at")[:3]:
        seen = (
            profile.last_seen is not None
            and delivery.sent_at is not None
            and profile.last_seen > delivery.sent_at
        )
        if seen or checkin_logged(user, delivery.slot_day):
            break
        ignored += 1
    return ignored


def came_back_since_pause(user: User, profile: ReminderProfile) -> bool:
    """Paused check-in reminders resume once the person opens the app or logs a check-in."""
    if profile.paused_at is None:
        return True
    if profile.last_seen is not None and profile.last_seen > profile.paused_at:
        return True
    checkins = Observation.objects.owned_by(user).filter(source=CHECKIN_SOURCE)
    return checkins.filter(created__gt=profile.paused_at).exists()


def unseen_count(user: User) -> int:
    return Delivery.objects.owned_by(user).filter(in_app=True, seen_at__isnull=True).count()


def recent_deliveries(user: User, limit: int = 20) -> list[Delivery]:
    return list(Delivery.objects.owned_by(user).order_by("-due_at")[:limit])
