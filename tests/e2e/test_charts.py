"""Charts read on a phone and on a desktop: every piece of chart text is drawn at 12 px or
more on screen, tapping (or clicking) a day reads its value out, and axe finds nothing serious.

Measured as the eye sees it: the text's computed font size times the SVG's scale on screen.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person
from tests.helpers.diaries import plant_diary
from tests.helpers.experiments import started_experiment

pytestmark = pytest.mark.e2e

VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}

# Every chart text's size on screen, in CSS px: font size × the SVG's screen scale.
RENDERED_SIZES = """() => Array.from(document.querySelectorAll("svg.chart.vchart")).flatMap(svg => {
  const scale = svg.getScreenCTM().a;
  return Array.from(svg.querySelectorAll("text")).map(t => ({
    text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale,
    height: t.getBoundingClientRect().height,
  }));
})"""


def _experiment(person: Any) -> Any:
    return started_experiment(
        person,
        library_key="breathing",
        hypothesis="Calmer.",
        days_ago=40,
        pairs=2,
        period_days=7,
        washout_days=1,
    )


def _questionnaire(person: Any) -> Any:
    from django.utils import timezone

    from vagus.questionnaires import actions

    response = None
    for days_ago, item in ((60, 2), (30, 1), (2, 1)):
        when = timezone.now() - timedelta(days=days_ago)
        response = actions.record_response(person, "gad7", [item] * 7, when).response
    return response


@pytest.fixture
def pages(transactional_db: None, live_server: Any) -> dict[str, str]:
    person = make_person("cara")
    plant_diary(person, days=120)
    experiment = _experiment(person)
    response = _questionnaire(person)
    return {
        "timeline": "/timeline/?days=365",
        "insights": "/insights/",
        "weekly": "/insights/weekly/",
        "levels": "/insights/levels/?outcome=anxiety&factor=sleep_hours&lag=0",
        "questionnaire": reverse("questionnaires:result", args=[response.uuid]),
        "experiment": reverse("experiments:result", args=[experiment.uuid]),
    }


@pytest.mark.parametrize("size", VIEWPORTS)
def test_chart_text_is_at_least_12px_taps_read_values_and_axe_passes(
    browser, live_server, pages, size
):
    context = browser.new_context(**VIEWPORTS[size], locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", "cara")
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url("**/today/**")
        smallest = {}
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            page.locator("svg.chart.vchart").first.wait_for()
            texts = page.evaluate(RENDERED_SIZES)
            assert texts, f"{name}: no chart text"
            small = [t for t in texts if t["size"] < 12 or t["height"] < 12]
            assert small == [], f"{name} at {size}: {small[:3]}"
            smallest[name] = round(min(t["size"] for t in texts), 1)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= VIEWPORTS[size]["viewport"]["width"], f"{name} is too wide"
            _tap_reads_a_value(page, name, touch=size == "phone")
            assert serious(page) == [], name
        print(f"\nsmallest chart text at {size} (px): {smallest}")
    finally:
        context.close()


def _tap_reads_a_value(page: Any, name: str, *, touch: bool) -> None:
    """Tap the middle mark of the first chart; the readout says that mark's value."""
    marks = page.locator("svg.chart.vchart").first.locator(".mark")
    target = marks.nth(marks.count() // 2)
    target.scroll_into_view_if_needed()
    title = target.locator("title").text_content()
    box = target.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if touch:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.move(x, y)
    readout = page.locator(".chart-readout").first
    value = title.split(": ", 1)[1]
    when = title.split(": ", 1)[0]
    page.wait_for_function(
        "([el, when]) => el.textContent.startsWith(when)", arg=[readout.element_handle(), when]
    )
    said = readout.text_content()
    # On the timeline a day reads across all its panels: "Tue 3 Mar: Anxiety 4, Mood 6, ...".
    assert value in said, f"{name}: {said!r} lacks {value!r}"
    assert target.get_attribute("class") == "mark is-current"
