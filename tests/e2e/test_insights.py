"""The Insights pages in a real browser on a phone: findings as sentences, no serious axe issues."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person
from tests.helpers.diaries import plant_diary

pytestmark = pytest.mark.e2e

PAGES = [
    "/insights/",
    "/insights/weekly/",
    "/insights/calendar/?outcome=anxiety&weeks=12",
    "/insights/levels/?outcome=anxiety&factor=fermented_servings&lag=1",
]


def test_findings_read_as_sentences_and_pages_pass_axe(page, live_server, login):
    person = make_person("iris")
    plant_diary(person)
    login(page, "iris", PASSWORD)

    page.get_by_role("link", name="Insights").first.click()
    page.get_by_role("heading", name="What stands out").wait_for()
    sentences = page.locator(".finding .sentence").all_inner_texts()
    assert any(
        s.startswith("On days after a day with one serving more of fermented food")
        for s in sentences
    )
    assert page.get_by_text("This is an association, not proof of cause.").first.is_visible()
    button = page.get_by_role("link", name="Test it with a self-experiment").first
    assert "/experiments/new/?factor=" in button.get_attribute("href")
    # The page fits the phone: nothing wider than the viewport.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.select_option("#id_outcome", "sleep_hours")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/insights/?outcome=sleep_hours")
    page.get_by_role("heading", name="Insights").wait_for()

    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        assert serious(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_compare_by_shows_and_sends_the_factor_compared(page, live_server, login):
    person = make_person("ivo")
    plant_diary(person)
    login(page, "ivo", PASSWORD)

    page.goto(f"{live_server.url}/insights/?outcome=anxiety")
    page.get_by_role("link", name="By level of a habit").click()
    page.get_by_role("heading", name="By level of a habit").wait_for()
    factor = page.locator("#id_factor")
    assert factor.input_value() == "sleep_hours"
    assert factor.locator("option[value=anxiety]").count() == 0

    page.select_option("#id_factor", "fermented_servings")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**factor=fermented_servings**")
    assert page.locator("#id_factor").input_value() == "fermented_servings"
    assert page.locator("table th[scope=col]").first.inner_text() == "Fermented food servings"
