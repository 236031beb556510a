"""Check-in choices and hidden cards are in a person's backup, and older backups still restore."""

from __future__ import annotations

import json

import pytest
from tests.helpers.db import make_person

from vagus.backup.export import export_user_data
from vagus.backup.restore import RestoreRefused, restore
from vagus.diary import actions, choices
from vagus.diary.models import HiddenCard, Measure, MeasureChoice

pytestmark = pytest.mark.django_db


def arranged(user) -> None:
    coffee = actions.create_measure(user, "Coffee", "count", "")
    choices.place(user, Measure.objects.get(owner__isnull=True, code="mood"), choices.HIDDEN)
    choices.place(user, Measure.objects.get(owner__isnull=True, code="bloating"), choices.QUICK)
    choices.rename(user, Measure.objects.get(owner__isnull=True, code="anxiety"), "Worry")
    choices.set_direction(user, Measure.objects.get(owner__isnull=True, code="stool_form"), "worse")
    choices.move(user, coffee, -1)
    actions.hide_card(user, "diary.gut_diet_card")


def shown(user) -> list[tuple[str, str, str, str]]:
    return [(p.code, p.placement, p.label, p.direction) for p in choices.layout(user)]


def test_the_check_in_comes_back_exactly_from_a_backup(person):
    arranged(person)
    document = json.loads(json.dumps(export_user_data(person)))
    assert {"measure": "anxiety", "label": "Worry"}.items() <= next(
        row for row in document["measure_choices"] if row["measure"] == "anxiety"
    ).items()
    assert document["hidden_cards"] == [
        {"card": "diary.gut_diet_card", "day": person.today().isoformat()}
    ]
    target = make_person("restored", person.time_zone)
    restore(target, document)
    assert shown(target) == shown(person)
    assert HiddenCard.objects.filter(owner=target).count() == 1


def test_a_backup_from_before_check_in_choices_restores_with_the_defaults(person):
    arranged(person)
    document = json.loads(json.dumps(export_user_data(person)))
    del document["measure_choices"], document["hidden_cards"]
    target = make_person("restored", person.time_zone)
    restore(target, document)
    assert not MeasureChoice.objects.filter(owner=target).exists()
    quick, more = choices.on_checkin(target)
    assert [p.code for p in quick] == list(choices.DEFAULT_QUICK)
    assert "my_coffee" in [p.code for p in more]  # a measure with no place waits in "More"


def test_a_choice_for_a_measure_the_backup_lacks_refuses_the_backup(person):
    arranged(person)
    document = json.loads(json.dumps(export_user_data(person)))
    document["measure_choices"].append(
        {
            "measure": "my_nothing",
            "placement": "quick",
            "position": 0,
            "label": "",
            "direction": None,
        }
    )
    target = make_person("restored", person.time_zone)
    with pytest.raises(RestoreRefused):
        restore(target, document)
    assert not Measure.objects.filter(owner=target).exists()


def test_choices_and_hidden_cards_go_with_the_account(person):
    arranged(person)
    person.delete()
    assert not MeasureChoice.objects.exists() and not HiddenCard.objects.exists()
