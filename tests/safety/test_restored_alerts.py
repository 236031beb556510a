"""The alerts a restored backup calls for (vagus/safety/restored_alerts.py; hazards H1, H10).

A restore never brings a self-harm answer or crisis-language text back silently: an alert the
backup lacks is raised unread, one it has keeps its state, and none is doubled.
"""

from __future__ import annotations

import json

import pytest
from tests.helpers.db import make_person

from vagus.backup.export import export_user_data
from vagus.backup.restore import restore
from vagus.questionnaires import actions as questionnaires
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert
from vagus.tools import actions as tools

pytestmark = pytest.mark.django_db


@pytest.fixture
def target():
    return make_person("restored", "UTC")


def _document(person) -> dict:
    return json.loads(json.dumps(export_user_data(person)))


def _phq9(person, answers) -> dict:
    questionnaires.record_response(person, "phq9", answers)
    return _document(person)


def test_a_self_harm_answer_without_its_alert_gets_one(person, target, client_of):
    document = _phq9(person, [0] * 8 + [3])
    document["safety_alerts"] = []
    restore(target, document)
    alert = SafetyAlert.objects.get(owner=target)
    assert alert.source == "questionnaire" and alert.acknowledged_at is None
    assert alert.response == QuestionnaireResponse.objects.get(owner=target)
    page = client_of(target).get("/today/")
    assert page.status_code == 302 and page["Location"] == "/questionnaires/crisis/"


def test_an_acknowledged_alert_stays_acknowledged(person, target):
    questionnaires.record_response(person, "phq9", [0] * 8 + [3])
    questionnaires.acknowledge_alerts(person)
    restore(target, _document(person))
    alert = SafetyAlert.objects.get(owner=target)
    assert alert.acknowledged_at is not None


def test_crisis_language_in_the_tools_without_an_alert_gets_one(person, target):
    tools.save_journal_entry(person, "I want to die")
    document = _document(person)
    document["safety_alerts"] = []
    restore(target, document)
    alert = SafetyAlert.objects.get(owner=target)
    assert (alert.source, alert.response, alert.acknowledged_at) == ("tools", None, None)


def test_a_restored_tools_alert_is_not_doubled(person, target):
    tools.save_journal_entry(person, "I want to die")
    questionnaires.acknowledge_alerts(person)
    restore(target, _document(person))
    alert = SafetyAlert.objects.get(owner=target)
    assert alert.source == "tools" and alert.acknowledged_at is not None
