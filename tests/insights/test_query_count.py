"""The insights pages and API read the same few queries however long the diary grows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.helpers.diaries import plant_diary

pytestmark = pytest.mark.django_db

PATHS = [
    "/insights/",
    "/insights/?outcome=gut_pain",
    "/insights/weekly/",
    "/insights/calendar/?weeks=52",
    "/insights/levels/?outcome=anxiety&factor=fermented_servings&lag=1",
    "/api/insights",
    "/api/insights/weekly",
]


def _queries(client, path: str) -> int:
    # The first page of a visit also notes that the person came back (once per few minutes).
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def test_query_count_is_flat_as_the_diary_grows(person, person_client):
    plant_diary(person, days=20, start=person.today() - timedelta(days=400))
    short = {path: _queries(person_client, path) for path in PATHS}
    plant_diary(person, days=300, seed=5, start=person.today() - timedelta(days=360))
    long = {path: _queries(person_client, path) for path in PATHS}

    assert long == short
    # Session, user, measures, the one observation query (the menu and cards add none here).
    assert max(long.values()) <= 6, long
