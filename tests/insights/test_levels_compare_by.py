"""Insights "By level of a habit": the "Compare by" select shows and sends the factor compared."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LEVELS = reverse("insights:levels")


def _select(page: str, name: str) -> tuple[list[str], list[str]]:
    """The option values of one select, and the ones marked selected."""
    body = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    options = re.findall(r'<option value="([^"]*)"([^>]*)>', body)
    return [v for v, _ in options], [v for v, attrs in options if "selected" in attrs]


@pytest.mark.parametrize(
    "query",
    [
        {},  # the menu link
        {"outcome": "anxiety"},  # the link from the other Insights views
        {"outcome": "anxiety", "factor": ""},
        {"outcome": "anxiety", "factor": "anxiety"},  # the outcome itself: not a comparison
    ],
)
def test_the_select_shows_the_factor_being_compared(planted, person_client, query):
    page = person_client.get(LEVELS, query).content.decode()
    values, selected = _select(page, "factor")
    assert selected == ["sleep_hours"]
    assert "anxiety" not in values
    assert "by sleep" in page  # the chart compares by sleep, as the select says


def test_a_chosen_factor_stays_chosen(planted, person_client):
    query = {"outcome": "anxiety", "factor": "fermented_servings", "lag": "1"}
    page = person_client.get(LEVELS, query).content.decode()
    assert _select(page, "factor")[1] == ["fermented_servings"]
    assert _select(page, "lag")[1] == ["1"]
    assert "by fermented food" in page


def test_the_outcome_is_never_offered_as_its_own_factor(planted, person_client):
    page = person_client.get(LEVELS, {"outcome": "sleep_hours"}).content.decode()
    values, selected = _select(page, "factor")
    assert "sleep_hours" not in values
    assert "anxiety" in values
    assert len(selected) == 1 and selected[0] in values
