"""From a past day's page on a phone: add a meal, see it on that day with what it was read
as, correct a match in place; axe finds nothing serious on the page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from tests.helpers import PASSWORD, serious, zone_far_from_midnight
from tests.helpers.db import make_person

from vagus.diary.models import Meal

pytestmark = pytest.mark.e2e


def test_a_meal_added_from_a_past_day_lands_on_that_day(page, live_server, login):
    person = make_person("dee", zone_far_from_midnight())
    past = person.today() - timedelta(days=4)
    day_path = reverse("diary:day", kwargs={"day": past})
    login(page, "dee", PASSWORD)
    page.goto(live_server.url + day_path)
    assert page.viewport_size == {"width": 390, "height": 844}

    panel = page.locator("#day-meals")
    panel.get_by_label("Add a meal on this day").fill("porridge with kefir and crisps")
    assert panel.get_by_label("When").input_value().startswith(past.isoformat())
    panel.get_by_role("button", name="Save meal").click()
    page.wait_for_url(f"{live_server.url}{day_path}#day-meals")

    assert Meal.objects.get(owner=person).day == past
    read = panel.get_by_role("list", name="What Vagus read in the meal at")
    text = read.inner_text()
    assert "kefir" in text and "Fermented (live cultures)" in text
    assert "crisps" in text and "Ultra-processed" in text
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert serious(page) == []

    panel.get_by_text("Not right? Correct “crisps”").click()
    fix = panel.locator("details.teach[open]")
    fix.get_by_label("What was it?").fill("apple")
    fix.get_by_role("button", name="Use this food").click()
    page.wait_for_url(f"{live_server.url}{day_path}#day-meals")
    assert "porridge with kefir and apple" in panel.inner_text()
    assert "Ultra-processed" not in panel.get_by_role("list", name="What Vagus read").inner_text()
    assert serious(page) == []
