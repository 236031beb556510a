"""A NUL character is refused with a message, never a crash (PostgreSQL cannot store one)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from vagus.diary import actions
from vagus.diary.models import DayNote, Meal, Measure

pytestmark = pytest.mark.django_db


def test_actions_refuse_nul_and_write_nothing(person):
    now = datetime.now(person.zone()) - timedelta(hours=1)
    with pytest.raises(actions.DiaryInputError) as meal:
        actions.add_meal(person, "toast\x00", now)
    assert "text" in meal.value.errors
    with pytest.raises(actions.DiaryInputError) as note:
        actions.save_checkin(person, person.today(), {"anxiety": 3}, note="a\x00b")
    assert "note" in note.value.errors
    with pytest.raises(actions.DiaryInputError):
        actions.create_measure(person, "walk\x00", "yesno", "better")
    assert not Meal.objects.exists() and not DayNote.objects.exists()
    assert not Measure.objects.owned_by(person).exists()


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/meals", {"text": "toast\x00", "eaten_at": "2026-01-10T08:00:00Z"}),
        ("/api/experiments", {"title": "kefir\x00", "outcome": "anxiety"}),
    ],
)
def test_the_api_answers_400_not_500_and_writes_nothing(person, api, path, body):
    from vagus.experiments.models import Experiment

    response = api("post", path, body)
    assert response.status_code == 400
    assert not Meal.objects.exists() and not Experiment.objects.exists()


@pytest.mark.parametrize("broken", ["\x00", "\ud800"], ids=["nul", "lone-surrogate"])
def test_every_diary_text_refuses_what_cannot_be_stored(person, broken):
    # A lone surrogate cannot be encoded as UTF-8: SQLite and PostgreSQL would both fail on it.
    now = datetime.now(person.zone()) - timedelta(hours=1)
    with pytest.raises(actions.DiaryInputError) as meal:
        actions.add_meal(person, f"toast{broken}", now)
    assert "cannot be stored" in meal.value.errors["text"]
    with pytest.raises(actions.DiaryInputError) as supplement:
        actions.save_checkin(
            person, person.today(), {"anxiety": 3}, supplement_name=f"zinc{broken}"
        )
    assert "cannot be stored" in supplement.value.errors["supplement_name"]
    with pytest.raises(actions.DiaryInputError):
        actions.create_measure(person, f"walk{broken}", "yesno", "better")
    assert not Meal.objects.exists() and not DayNote.objects.exists()
    assert not Measure.objects.owned_by(person).exists()
