"""The participant monitor on a fake clock: states, adherence, safety events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from tests.helpers.db import make_person
from tests.studies.people import JOIN_DAY, enrol, log

from vagus.studies import monitor, queries

D0 = date(2026, 3, 10)


def _state(today_offset, logged_offsets, *, withdrawn=False, duration=28, every=1):
    return monitor.progress(
        enrolled_on=D0,
        today=D0 + timedelta(days=today_offset),
        logged={D0 + timedelta(days=o) for o in logged_offsets},
        every_days=every,
        duration_days=duration,
        withdrawn=withdrawn,
    )


@pytest.mark.parametrize(
    ("today", "logged", "state"),
    [
        (0, [], monitor.ENROLLED),
        (3, [], monitor.ENROLLED),  # 3 quiet days: not yet inactive
        (4, [], monitor.INACTIVE),
        (5, [0, 1, 2, 3, 4, 5], monitor.ACTIVE),
        (9, [0, 5], monitor.INACTIVE),  # 4 days since the last entry
        (12, [0, 4], monitor.DROPPED_OUT),  # 8 days since
        (11, [0, 4], monitor.INACTIVE),  # 7 days since: not yet dropped out
        (28, list(range(28)), monitor.COMPLETED),
        (40, [0, 20], monitor.COMPLETED),  # quiet 7 days before the last day: completed
        (40, [0, 19], monitor.DROPPED_OUT),  # quiet 8 days before the last day
    ],
)
def test_states(today, logged, state):
    assert _state(today, logged).state == state


def test_withdrawn_is_dropped_out_whatever_was_logged():
    assert _state(5, range(6), withdrawn=True).state == monitor.DROPPED_OUT


def test_adherence_counts_scheduled_days_only():
    progress = _state(9, [0, 1, 2, 4, 6], every=2)  # scheduled: 0, 2, 4, 6, 8
    assert (progress.scheduled_days, progress.logged_days) == (5, 4)
    assert progress.adherence == pytest.approx(80.0)
    assert _state(100, range(28)).scheduled_days == 28  # never past the study's length


@pytest.mark.django_db
def test_monitor_rows_on_a_given_day(study):
    busy, quiet = make_person("ana"), make_person("ben")
    enrol(busy, study)
    enrol(quiet, study)
    for offset in range(6):
        log(busy, JOIN_DAY + timedelta(days=offset), anxiety=3)
        log(busy, JOIN_DAY + timedelta(days=offset), sleep_hours=7)  # not in the protocol
    log(quiet, JOIN_DAY, gut_pain=2)
    now = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)  # day 6 for both
    rows = {
        r.pseudonym: r for r in queries.monitor_rows(study, now, queries.study_participants(study))
    }
    by_person = {e.owner.username: rows[e.pseudonym] for e in study.enrolments.all()}
    assert by_person["ana"].progress.state == monitor.ACTIVE
    assert by_person["ana"].progress.adherence == pytest.approx(100.0)
    assert by_person["ben"].progress.state == monitor.INACTIVE
    assert by_person["ben"].progress.adherence == pytest.approx(100 / 6)


@pytest.mark.django_db
def test_a_safety_event_reaches_the_crisis_page_and_only_consented_ones_the_monitor(study):
    from vagus.questionnaires.actions import record_response

    told, not_told = make_person("ana"), make_person("ben")
    told_enrolment = enrol(told, study, tell_contact=True)
    enrol(not_told, study, tell_contact=False)
    phq9 = [0, 0, 0, 0, 0, 0, 0, 0, 2]  # item 9 answered: the safety pathway
    for person in (told, not_told):
        recorded = record_response(person, "phq9", phq9)
        assert recorded.needs_crisis_page  # as always, whatever the study
    events = queries.safety_events(study, queries.study_participants(study))
    assert [e.pseudonym for e in events] == [told_enrolment.pseudonym]
    assert set(vars(events[0])) == {"pseudonym", "at"}  # nothing of what was answered
