"""First steps as a new person takes them, in a real browser: a library experiment starts
in one click, and a failed save moves focus to a summary that links to the answer to fix."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

pytestmark = pytest.mark.e2e


def test_a_library_experiment_starts_in_one_click(page, live_server, login):
    from vagus.experiments.models import Experiment

    person = make_person("nadia")
    login(page, "nadia", PASSWORD)
    page.goto(f"{live_server.url}/experiments/")
    page.locator("a[href$='?library=fermented']").click()
    tomorrow = page.locator("#id_start").input_value()
    assert tomorrow != ""  # the browser kept the date the server wrote
    assert page.get_by_text("Library", exact=True).count() == 0
    page.get_by_role("button", name="Start the experiment").click()
    page.get_by_role("heading", name="A fermented food every day").wait_for()
    experiment = Experiment.objects.get(owner=person)
    assert experiment.started.isoformat() == tomorrow


def test_a_failed_save_focuses_the_summary_and_links_to_the_field(page, live_server, login):
    make_person("omar")
    login(page, "omar", PASSWORD)
    page.locator(".checkin-more > summary").click()  # sleep hours are under "More"
    page.fill("#id_sleep_hours", "30")
    page.get_by_role("button", name="Save today").click()
    page.locator(".error-summary").wait_for()
    focused = page.evaluate("document.activeElement.id")
    assert focused == "error-summary-title"
    assert page.locator("#error-summary-title").is_visible()  # scrolled into view
    page.get_by_role("link", name="Sleep last night must be between 0 and 24 hours.").click()
    assert page.evaluate("document.activeElement.id") == "id_sleep_hours"
    assert serious(page) == []


def test_the_not_found_page_has_the_menu(page, live_server, login):
    make_person("pia")
    login(page, "pia", PASSWORD)
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert page.get_by_role("heading", name="This page isn't here").is_visible()
    assert serious(page) == []
