"""Log a meal on a phone, see what Vagus read in it, teach it an unknown food; axe scans."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

from vagus.diary import actions, custom_foods
from vagus.diary.models import Meal, Observation

pytestmark = pytest.mark.e2e


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_log_a_meal_see_its_analysis_and_teach_a_food(page, live_server, login):
    make_person("mo")
    login(page, "mo", PASSWORD)
    page.get_by_role("link", name="Meals").click()
    page.get_by_label("What did you eat or drink?").fill("porridge with kefir and qwerty blorp")
    page.get_by_role("button", name="Save meal").click()
    page.wait_for_url(f"{live_server.url}/meals/")

    items = page.get_by_role("list", name="What Vagus read in this meal").first
    text = items.inner_text()
    assert "porridge" in text and "Whole grain" in text
    assert "kefir" in text and "Fermented (live cultures)" in text
    assert no_sideways_scroll(page)

    page.get_by_text("Vagus didn't recognise “qwerty blorp”").click()
    teach = page.locator("details.teach[open]")
    assert teach.get_by_label("Food name").input_value() == "qwerty blorp"
    teach.get_by_label("Beans, lentils or soy").check()
    teach.get_by_label("Main plant in it (optional)").fill("lentil")
    assert serious(page) == []
    teach.get_by_role("button", name="Teach Vagus “qwerty blorp”").click()
    page.wait_for_url(f"{live_server.url}/meals/")

    assert "Vagus now knows “qwerty blorp”" in page.locator(".messages").inner_text()
    items = page.get_by_role("list", name="What Vagus read in this meal").first
    assert "qwerty blorp" in items.inner_text() and "yours" in items.inner_text()
    assert page.get_by_text("Vagus didn't recognise").count() == 0
    meal = Meal.objects.get(owner__username="mo")
    assert meal.analysis["unknown"] == []
    legumes = Observation.objects.get(
        owner__username="mo", source="meal", measure__code="legume_servings"
    )
    assert legumes.value == 1

    page.get_by_role("link", name="Foods you taught Vagus").click()
    assert "qwerty blorp" in page.locator("main").inner_text()
    assert serious(page) == []


def _person_with_a_week_of_meals(name: str):
    person = make_person(name)
    texts = [
        "porridge with banana and kefir",
        "lentil dal with brown rice and a mystery chutney",
        "frozen pizza and a can of coke",
    ]
    for k in range(7):
        day = person.today() - timedelta(days=k)
        for hour, text in zip((8, 13, 19), texts, strict=True):
            eaten = datetime.combine(day, time(hour), tzinfo=person.zone())
            actions.add_meal(person, text, eaten)
    custom_foods.add_custom_food(person, "mum's stew", ["vegetable", "legume"], "lentil")
    return person


@pytest.mark.parametrize("path", ["/meals/", "/meals/week/", "/foods/", "/today/"])
def test_meal_pages_pass_axe(any_page, live_server, login, path):
    _person_with_a_week_of_meals("noor")
    login(any_page, "noor", PASSWORD)
    any_page.goto(f"{live_server.url}{path}")
    assert serious(any_page) == []
    assert no_sideways_scroll(any_page)


def test_weekly_summary_reads_on_a_phone(page, live_server, login):
    _person_with_a_week_of_meals("ola")
    login(page, "ola", PASSWORD)
    page.goto(f"{live_server.url}/meals/week/")
    table = page.get_by_role("table", name="Servings per day")
    assert table.get_by_role("row", name="Fermented food servings").count() == 1
    assert "What the research says" not in page.locator("main").inner_text()  # named links
    assert page.get_by_role("link", name="Research on plant variety").count() == 1
