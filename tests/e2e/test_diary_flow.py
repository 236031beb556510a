"""A new person signs up, fills a check-in and sees it on the timeline, on a phone and a desktop."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD, open_from_menu
from tests.helpers.db import make_person

from vagus.diary.models import Observation

pytestmark = pytest.mark.e2e


def test_sign_up_check_in_and_see_it_on_the_timeline(any_page, live_server):
    page = any_page
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Create an account").click()
    page.fill("#id_username", "erin")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.select_option("#id_time_zone", "Europe/London")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(f"{live_server.url}/today/")

    # A tap lands on the radio button itself, which covers its segment.
    page.get_by_role("group", name="Anxiety").get_by_role("radio", name="6", exact=True).click()
    page.get_by_role("group", name="Gut pain").get_by_role("radio", name="3", exact=True).click()
    # Stool form is one tap on the quick check-in; sleep hours wait under "More".
    page.get_by_role("group", name="Stool form").get_by_role("radio", name="4", exact=True).click()
    page.locator(".checkin-more > summary").click()
    page.fill("#id_sleep_hours", "7.5")
    page.get_by_role("button", name="Save today").click()

    saved = page.locator("#saved")
    saved.wait_for()
    text = saved.inner_text()
    assert "Anxiety: 6 out of 10" in text
    assert "Gut pain: 3 out of 10" in text
    assert "Sleep last night: 7.5 h" in text
    assert "Type 4" in text
    assert Observation.objects.filter(owner__username="erin").count() == 4

    open_from_menu(page, "Timeline")
    row = page.locator("tbody tr").first
    assert row.locator("td").first.inner_text() == "6"
    # The anxiety panel drew the value (a lone day is a dot) and says it in the dot's title.
    anxiety = page.locator("svg.chart", has=page.locator("title", has_text="Anxiety")).first
    assert anxiety.locator(".mark title").first.text_content().endswith(": Anxiety 6")
    # Nothing spills sideways on a phone.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_check_in_with_the_keyboard_alone(page, live_server, login):
    make_person("fran")
    login(page, "fran", PASSWORD)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    # Tab to the first answer of the first question, then choose with the arrow keys.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "anxiety":
            break
    for _ in range(5):  # "–" → 0 → 1 → 2 → 3 → 4
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")  # next question: mood
    assert page.evaluate("document.activeElement.name") == "mood"
    for _ in range(8):  # → 7
        page.keyboard.press("ArrowRight")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    page.locator("#saved").wait_for()
    values = dict(
        Observation.objects.filter(owner__username="fran").values_list("measure__code", "value")
    )
    assert values == {"anxiety": 4.0, "mood": 7.0}
