"""Experiments and their adherence answers come back whole from a Vagus backup, or not at all.

Restored through the interop service (the JSON import), then exported again and compared
field by field; only the rows' ids differ (new UUIDs), so each answer's experiment is compared
through the experiment it points to.
"""

from __future__ import annotations

import json
from datetime import timedelta
from itertools import count

import pytest
from tests.helpers.db import make_person

from vagus.backup.export import export_user_data
from vagus.experiments import actions
from vagus.experiments.models import AdherenceAnswer, Experiment
from vagus.interop.service import ImportFailed, run_import

pytestmark = pytest.mark.django_db
SECTIONS = ("experiments", "experiment_adherence")
_names = count()


def fresh():
    return make_person(f"restored{next(_names)}", "UTC")


def restore_file(user, document, tmp_path):
    path = tmp_path / f"backup{next(_names)}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return run_import(user, "json", path)


def comparable(document: dict) -> dict:
    """The experiments' sections without ids, each answer naming its experiment's content."""
    document = json.loads(json.dumps(document))
    experiments = {e.pop("id"): e for e in document["experiments"]}
    for answer in document["experiment_adherence"]:
        answer.pop("id")
        answer["experiment"] = experiments[answer["experiment"]]
    return {name: document[name] for name in SECTIONS}


def snapshot(user) -> str:
    user.refresh_from_db()
    document = export_user_data(user)
    document.pop("exported_at")
    return json.dumps(document, sort_keys=True)


@pytest.fixture
def experimenter(person, make_experiment):
    """Three experiments in every state worth keeping, with answers, pauses and harms."""
    today = person.today()
    paused = make_experiment(person, days_ago=20, smallest_change=1.5)
    for back in range(1, 8):
        actions.record_adherence(person, paused, back % 3 != 0, today - timedelta(days=back))
    paused.pauses = [
        [(today - timedelta(days=12)).isoformat(), (today - timedelta(days=10)).isoformat()]
    ]
    paused.save(update_fields=["pauses"])
    actions.pause(person, paused)  # an open pause from today
    stopped = make_experiment(
        person,
        days_ago=9,
        library_key="",
        title="Walk after lunch",
        b_label="walk",
        b_todo="A 15-minute walk after lunch.",
        outcome="mood",
        hypothesis="Better mood on walking days.",
        pairs=2,
        period_days=4,
        washout_days=1,
        plan={"power": 0.42, "sd": 1.3},
    )
    actions.record_adherence(person, stopped, True, today - timedelta(days=2))
    actions.record_harms(person, stopped, "A sore knee.")
    actions.stop(person, stopped)
    make_experiment(
        person, library_key="fibre", outcome="bloating", start=today + timedelta(days=3)
    )
    return person


def test_experiments_and_answers_round_trip_field_by_field(experimenter, tmp_path):
    before = export_user_data(experimenter)
    assert [e["status"] for e in before["experiments"]] == ["paused", "stopped", "planned"]
    assert len(before["experiment_adherence"]) == 8
    target = fresh()

    outcome = restore_file(target, before, tmp_path)

    assert outcome.counts["experiments"] == 3 and outcome.counts["experiment_adherence"] == 8
    after = export_user_data(target)
    assert comparable(after) == comparable(before)
    old_ids = {r["id"] for name in SECTIONS for r in before[name]}
    assert old_ids.isdisjoint(r["id"] for name in SECTIONS for r in after[name])
    for answer in AdherenceAnswer.objects.filter(owner=target).select_related("experiment"):
        assert answer.experiment.owner == target
    restored = Experiment.objects.owned_by(target).get(status="paused")
    assert restored.state_on(target.today()) == "paused"
    assert restored.created.isoformat() == before["experiments"][0]["created"]


def _set(section, index, **fields):
    return lambda d: d[section][index].update(fields)


def _schedule(**fields):
    return lambda d: d["experiments"][0]["schedule"].update(fields)


def _drop(section, index, name):
    return lambda d: d[section][index].pop(name)


def _second_open(d):
    twin = json.loads(json.dumps(d["experiments"][0]))
    d["experiments"].append(twin | {"id": "6b1f9e0a-0000-4000-8000-000000000000"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("experiments", 0, status="abandoned"), r"experiments\[0\]\.status: “abandoned”"),
        (_set("experiments", 0, status=3), r"experiments\[0\]\.status: wrong type"),
        (_set("experiments", 0, schedule="ABBA"), r"experiments\[0\]\.schedule: wrong type"),
        (_schedule(order=["AB", "XY"]), r"experiments\[0\]\.schedule: order must list"),
        (_schedule(period_days=0), r"experiments\[0\]\.schedule: period_days must be at least"),
        (_schedule(end="2020-01-01"), r"experiments\[0\]\.schedule: end .* does not match"),
        (lambda d: d["experiments"][0]["schedule"].pop("pairs"), r"schedule dict lacks pairs"),
        (_set("experiments", 0, started="2020-01-01"), r"\.started: .* schedule's first day"),
        (_set("experiments", 0, started="soon"), r"experiments\[0\]\.started: “soon” cannot"),
        (_set("experiments", 0, status="stopped"), r"\.stopped: a stopped experiment needs"),
        (_set("experiments", 0, outcome="joy"), r"experiments\[0\]\.outcome: “joy”"),
        (_set("experiments", 0, library_key="nope"), r"\.library_key: “nope” is not a ready"),
        (_set("experiments", 0, lower_is_better="yes"), r"\.lower_is_better: wrong type"),
        (_set("experiments", 0, smallest_change=0), r"\.smallest_change: 0 is not above 0"),
        (_set("experiments", 0, title=""), r"experiments\[0\]\.title: empty"),
        (_set("experiments", 0, harms="x" * 2001), r"\.harms: too long"),
        (_set("experiments", 0, pauses=[["2026-01-05"]]), r"\.pauses\[0\]: expected"),
        (_set("experiments", 0, created="2026-01-01T10:00"), r"\.created: needs a time zone"),
        (_drop("experiments", 0, "hypothesis"), r"experiments\[0\]\.hypothesis: missing"),
        (_second_open, r"experiments\[1\]\.outcome: experiments\[0\] is also unfinished"),
        (_set("experiment_adherence", 0, experiment="x"), r"adherence\[0\]\.experiment: not"),
        (_set("experiment_adherence", 0, day="2001-01-01"), r"adherence\[0\]\.day: 2001-01-01"),
        (_set("experiment_adherence", 0, followed="yes"), r"adherence\[0\]\.followed: wrong"),
        (lambda d: d["experiment_adherence"].append(d["experiment_adherence"][0]), r"already"),
    ],
)
def test_a_broken_row_is_refused_with_nothing_written(
    person, make_experiment, tmp_path, change, message
):
    today = person.today()
    experiment = make_experiment(person, days_ago=5)
    actions.record_adherence(person, experiment, True, today - timedelta(days=1))
    document = export_user_data(person)
    change(document)
    target = fresh()
    before = snapshot(target)

    with pytest.raises(ImportFailed, match=message) as refused:
        restore_file(target, document, tmp_path)

    assert str(refused.value).startswith("Nothing was restored")
    assert snapshot(target) == before
    assert not Experiment.objects.filter(owner=target).exists()
    assert not AdherenceAnswer.objects.filter(owner=target).exists()
