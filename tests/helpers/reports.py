"""A person with something in every part of the clinician report, for its tests and benchmark.

``build_report_world(user, days)`` writes ``days`` of diary ending yesterday (anxiety planted to
fall with sleep and fermented food, so insights has a finding), gut measures, medication, a
GAD-7 and PHQ-9 every two weeks (one PHQ-9 with item 9 above 0, so a safety alert), coping tool
sessions, a finished self-experiment and one journal entry, thought record and worry. The free
text holds ``secret`` so tests can prove it stays out unless ticked.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import numpy as np

from tests.helpers.diaries import plant_diary
from vagus.diary.models import Measure, Observation
from vagus.experiments import actions as experiment_actions
from vagus.experiments.models import Experiment
from vagus.questionnaires import actions as questionnaire_actions
from vagus.tools import actions as tool_actions
from vagus.tools.models import JournalEntry, ThoughtRecord, Worry


def _at(user, day, hour=12):
    return datetime.combine(day, time(hour), tzinfo=user.zone()).astimezone(UTC)


def build_report_world(user, days: int = 84, *, secret: str = "PRIVATE-TEXT", seed: int = 5):
    rng = np.random.default_rng(seed)
    today = user.today()
    first = today - timedelta(days=days)
    plant_diary(user, days=days, seed=seed, start=first)
    measures = {m.code: m for m in Measure.objects.filter(owner__isnull=True)}
    rows = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        if rng.random() < 0.1:
            continue
        rows += [
            Observation(
                owner=user, measure=measures["gut_pain"], day=day, value=float(rng.integers(0, 8))
            ),
            Observation(
                owner=user, measure=measures["bloating"], day=day, value=float(rng.integers(0, 8))
            ),
            Observation(
                owner=user, measure=measures["stool_form"], day=day, value=float(rng.integers(2, 7))
            ),
            Observation(
                owner=user,
                measure=measures["medication_as_prescribed"],
                day=day,
                value=float(rng.random() < 0.9),
            ),
        ]
    Observation.objects.bulk_create(rows, batch_size=1000)
    for number, offset in enumerate(range(days - 1, 0, -14)):
        day = today - timedelta(days=offset)
        gad = [min(3, max(0, 2 - number // 3 + int(rng.integers(-1, 2)))) for _ in range(7)]
        questionnaire_actions.record_response(user, "gad7", gad, _at(user, day, 9))
        phq = [min(3, max(0, 1 + int(rng.integers(-1, 2)))) for _ in range(8)]
        item9 = 1 if number == 1 else 0
        questionnaire_actions.record_response(user, "phq9", [*phq, item9], _at(user, day, 10))
    for offset in range(min(days, 40), 0, -3):
        before = int(rng.integers(5, 9))
        tool_actions.record_session(
            user,
            "breathing",
            300,
            before,
            max(0, before - int(rng.integers(0, 4))),
            ended=_at(user, today - timedelta(days=offset), 20),
        )
    _finished_experiment(user, today - timedelta(days=min(days, 40)))
    tool_actions.save_journal_entry(user, f"journal {secret}", "sleep")
    tool_actions.park_worry(user, f"worry {secret}")
    tool_actions.save_thought_record(
        user, {"situation": f"situation {secret}", "balanced_thought": f"balanced {secret}"}
    )
    # Written yesterday, so they fall inside a period that ends yesterday or today.
    yesterday = _at(user, today - timedelta(days=1), 21)
    JournalEntry.objects.owned_by(user).update(created=yesterday)
    ThoughtRecord.objects.owned_by(user).update(created=yesterday)
    Worry.objects.owned_by(user).update(parked_at=yesterday)
    return first, today


def _finished_experiment(user, start):
    """A two-pair trial, created today and then moved back as if it had started on ``start``."""
    experiment = experiment_actions.create_experiment(
        user,
        title="Kefir at breakfast",
        b_label="kefir",
        b_todo="A glass of kefir at breakfast",
        hypothesis="Less anxiety on kefir days",
        start=user.today(),
        pairs=3,
        period_days=4,
        washout_days=1,
    )
    schedule = dict(experiment.schedule)
    length = experiment.end - experiment.started
    schedule["start"] = start.isoformat()
    schedule["end"] = (start + length).isoformat()
    Experiment.objects.filter(pk=experiment.pk).update(
        started=start, schedule=schedule, status="running"
    )
    experiment.refresh_from_db()
    return experiment
