"""Medication is never a finding: left out as factor and as outcome on every page, API and CLI.

Confounding by indication: a medicine taken as needed is taken on anxious days, so it goes
with higher anxiety although it may help. The diary below plants exactly that link and first
shows that the statistics alone would flag it.
"""

from __future__ import annotations

import argparse
import io

import pytest
from django.urls import reverse
from rich.console import Console

from vagus.diary import actions as diary_actions
from vagus.diary.models import Measure, Observation
from vagus.insights import commands, queries, wording
from vagus.insights.queries import daily_frame
from vagus.science import insights as science

pytestmark = pytest.mark.django_db

MEDICATION_CODES = ("medication_as_prescribed", "my_propranolol", "my_sertraline_side_effects")
MEDICATION_LABELS = ("Medication taken as prescribed", "Propranolol", "Sertraline side effects")
NOTE = "Medication is not analysed here."


@pytest.fixture
def medicated(planted):
    """The planted diary plus medicine taken (and counted) on the anxious days."""
    builtin = Measure.objects.get(owner__isnull=True, code="medication_as_prescribed")
    propranolol = diary_actions.create_measure(planted, "Propranolol", "count", "")
    side_effects = diary_actions.create_measure(planted, "Sertraline side effects", "scale", "")
    rows = []
    anxieties = Observation.objects.filter(owner=planted, measure__code="anxiety")
    for anxiety in anxieties:
        anxious = anxiety.value >= 5.5
        for measure, value in (
            (builtin, float(anxious)),
            (propranolol, 2.0 if anxious else 0.0),
            (side_effects, 6.0 if anxious else 2.0),
        ):
            rows.append(Observation(owner=planted, measure=measure, day=anxiety.day, value=value))
    Observation.objects.bulk_create(rows)
    return planted


def test_the_planted_link_would_be_flagged_without_the_rule(medicated):
    # The control: the statistics on their own find the medicine "goes with" anxiety.
    results = science.associations(daily_frame(medicated), "anxiety", lags=(0,), min_days=14)
    flagged = {a.factor for a in results if a.significant}
    assert set(MEDICATION_CODES) <= flagged


def test_the_report_leaves_medication_out_everywhere(medicated):
    report = queries.insights_for(medicated, "anxiety")
    listed = {f.association.factor for f in report.estimated} | {
        w.measure.code for w in report.waiting
    }
    assert listed.isdisjoint(MEDICATION_CODES)
    assert "sleep_hours" in {f.association.factor for f in report.found}  # the rest still works


@pytest.mark.parametrize("name", ["index", "weekly", "calendar", "levels"])
def test_no_insights_page_shows_or_offers_medication(medicated, person_client, name):
    page = person_client.get(reverse(f"insights:{name}")).content.decode()
    for code, label in zip(MEDICATION_CODES, MEDICATION_LABELS, strict=True):
        assert code not in page, (name, code)
        assert label not in page, (name, label)


def test_the_insights_page_says_once_why(medicated, person_client):
    page = person_client.get(reverse("insights:index")).content.decode()
    assert page.count(NOTE) == 1
    assert "whoever prescribes it" in page


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("index", {"outcome": "my_sertraline_side_effects"}),
        ("weekly", {"outcome": "my_propranolol"}),
        ("calendar", {"outcome": "my_propranolol"}),
        ("levels", {"outcome": "anxiety", "factor": "medication_as_prescribed"}),
        ("levels", {"outcome": "anxiety", "factor": "my_propranolol"}),
    ],
)
def test_medication_cannot_be_chosen_on_a_page(medicated, person_client, name, query):
    response = person_client.get(reverse(f"insights:{name}"), query)
    assert response.status_code == 400


def test_the_api_leaves_medication_out_and_says_why(medicated, api):
    body = api("get", "/api/insights?outcome=anxiety&lags=0,1").json()
    listed = {a["factor"] for a in body["significant"] + body["not_clear"]}
    listed |= {w["factor"] for w in body["too_few_days"]}
    assert listed.isdisjoint(MEDICATION_CODES)
    assert "sleep_hours" in listed
    assert body["medication_note"] == wording.NOT_MEDICATION


@pytest.mark.parametrize("path", ["/api/insights", "/api/insights/weekly"])
def test_the_api_refuses_medication_as_the_outcome(medicated, api, path):
    response = api("get", f"{path}?outcome=my_sertraline_side_effects")
    assert response.status_code == 400
    assert "medication" in response.json()["detail"]


def test_the_cli_leaves_medication_out_and_says_why(medicated):
    out = io.StringIO()
    code = commands.print_insights(
        medicated.username, "anxiety", "0,1", Console(file=out, width=300)
    )
    text = " ".join(out.getvalue().split())
    assert code == 0
    assert "Sleep last night" in text
    for label in MEDICATION_LABELS:
        assert label not in text
    assert NOTE in text


def test_the_cli_refuses_medication_as_the_outcome(medicated, capsys):
    parser = argparse.ArgumentParser(prog="vagus")
    commands.add_commands(parser.add_subparsers(dest="command"), setup=lambda: None)
    args = parser.parse_args(
        ["insights", "--user", medicated.username, "--outcome", "my_propranolol"]
    )
    assert args.func(args) == 1
    assert "medication" in capsys.readouterr().err
