"""Pages and the Today card make the same number of queries with one or many experiments."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vagus.experiments import actions

pytestmark = pytest.mark.django_db

OUTCOMES = ["anxiety", "gut_pain", "bloating", "urgency", "mood"]


def _count(client, url: str) -> int:
    # The first page of a visit also notes that the person came back (once per few minutes).
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/experiments/", "/today/"])
def test_flat_query_count(person, person_client, make_experiment, url):
    first = make_experiment(person, outcome=OUTCOMES[0])
    actions.record_adherence(person, first, True)
    one = _count(person_client, url)
    for outcome in OUTCOMES[1:]:
        experiment = make_experiment(person, outcome=outcome)
        actions.record_adherence(person, experiment, False)
    assert _count(person_client, url) == one


def test_detail_page_query_count_does_not_grow_with_answers(
    person, person_client, make_experiment, move_start
):
    from datetime import timedelta

    experiment = make_experiment(person, days_ago=1)
    actions.record_adherence(person, experiment, True, person.today() - timedelta(days=1))
    one = _count(person_client, f"/experiments/{experiment.uuid}/")
    actions.record_adherence(person, experiment, True)
    assert _count(person_client, f"/experiments/{experiment.uuid}/") == one
