"""The tools in a real browser at phone size, keyboard only, with the page clock fast-forwarded."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD
from tests.helpers.db import make_person

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches: proves it is reachable by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def rate(page, name: str, value: int) -> None:
    """Choose a 0–10 rating with the arrow keys (the group starts at "–", skip)."""
    tab_to(page, f"input[name={name}]")
    for _ in range(value + 1):
        page.keyboard.press("ArrowRight")
    assert page.locator(f"input[name={name}]:checked").get_attribute("value") == str(value)


def open_tool(page, live_server, login, username: str, path: str) -> object:
    person = make_person(username)
    login(page, username, PASSWORD)
    page.clock.install()
    page.goto(f"{live_server.url}{path}")
    page.keyboard.press("Tab")  # "Skip to content"
    page.keyboard.press("Enter")
    return person


def test_breathing_session_keyboard_only(page, live_server, login):
    person = open_tool(page, live_server, login, "bree", "/tools/breathing/")
    rate(page, "anxiety_before", 6)
    tab_to(page, "select[name=minutes]")
    for _ in range(4):
        page.keyboard.press("ArrowUp")  # 5 minutes → 1 minute
    assert page.locator("select[name=minutes]").input_value() == "1"
    tab_to(page, "#start")
    page.keyboard.press("Enter")

    pacer = page.locator("#pacer")
    assert pacer.is_visible()
    page.clock.run_for(2_000)
    assert page.locator("#cue").inner_text() == "Breathe in"
    assert "big" in page.locator("#shape").get_attribute("class")  # growing: motion allowed
    assert not page.locator("#counter").is_visible()
    page.clock.run_for(4_000)
    assert page.locator("#cue").inner_text() == "Breathe out"
    assert "big" not in page.locator("#shape").get_attribute("class")
    page.clock.run_for(55_000)

    assert page.locator("#after").is_visible() and not pacer.is_visible()
    assert page.evaluate("document.activeElement.id") == "after-heading"
    assert "1 minute" in page.locator("#duration-note").inner_text()
    rate(page, "anxiety_after", 4)
    tab_to(page, "#save")
    page.keyboard.press("Enter")
    page.locator(".messages").wait_for()
    assert "Anxiety 6 → 4" in page.locator(".messages").inner_text()
    session = person.tool_sessions.get()
    assert (session.duration_seconds, session.anxiety_before, session.anxiety_after) == (60, 6, 4)
    assert session.settings["pattern"] == "slow"
    assert person.observations.get(source="tool").value == 1.0


def test_a_few_seconds_of_breathing_is_not_saved(page, live_server, login):
    person = open_tool(page, live_server, login, "brief", "/tools/breathing/")
    page.click("#start")
    page.clock.run_for(5_000)
    page.click("#stop")  # "Finish now"
    note = page.locator("#duration-note").inner_text()
    assert "a few seconds" in note and "0.1" not in note
    page.click("#save")
    page.locator(".messages").wait_for()
    assert "That was a few seconds — nothing saved." in page.locator(".messages").inner_text()
    assert not person.tool_sessions.exists()
    assert not person.observations.exists()


def test_relaxation_session_keyboard_only(page, live_server, login):
    person = open_tool(page, live_server, login, "pim", "/tools/relaxation/")
    rate(page, "anxiety_before", 5)
    tab_to(page, "#start")
    page.keyboard.press("Enter")
    page.clock.run_for(1_000)
    assert page.locator("#pmr-step").inner_text() == "Hands and forearms"
    assert page.locator("#cue").inner_text() == "Tense"
    page.clock.run_for(5_000)
    assert page.locator("#cue").inner_text().startswith("Let go")
    page.clock.run_for(20_000)
    assert page.locator("#pmr-progress").inner_text() == "Step 2 of 11"
    page.clock.run_for(200_000)
    assert page.locator("#after").is_visible()
    rate(page, "anxiety_after", 3)
    tab_to(page, "#save")
    page.keyboard.press("Enter")
    page.locator(".messages").wait_for()
    session = person.tool_sessions.get()
    assert (session.tool, session.duration_seconds, session.change) == ("relaxation", 220, -2)


def test_thought_record_keyboard_only(page, live_server, login):
    person = open_tool(page, live_server, login, "theo", "/tools/thoughts/new/")
    rate(page, "anxiety_before", 7)
    for name, text in [
        ("situation", "Cramps before the meeting"),
        ("automatic_thought", "I will have to run out"),
        ("emotions", "scared"),
        ("intensity_before", "80"),
    ]:
        tab_to(page, f"[name={name}]")
        page.keyboard.type(text)
    tab_to(page, "input[value=catastrophising]")
    page.keyboard.press("Space")
    for name, text in [
        ("evidence_for", "It happened once"),
        ("evidence_against", "Most meetings were fine"),
        ("balanced_thought", "I can step out if I need to"),
        ("intensity_after", "40"),
    ]:
        tab_to(page, f"[name={name}]")
        page.keyboard.type(text)
    rate(page, "anxiety_after", 5)
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.locator(".messages").wait_for()
    assert "/tools/thoughts/new/" not in page.url
    assert "I can step out if I need to" in page.locator("main").inner_text()
    record = person.thought_records.get()
    assert record.patterns == ["catastrophising"]
    assert (record.intensity_before, record.intensity_after) == (80, 40)
    assert person.tool_sessions.get().change == -2


def test_grounding_steps_keyboard_only(page, live_server, login):
    person = open_tool(page, live_server, login, "gina", "/tools/grounding/")
    tab_to(page, "#start")
    page.keyboard.press("Enter")
    assert page.locator("#ground-step").inner_text() == "Notice 5 things you can see"
    for _ in range(4):
        tab_to(page, "#next")
        page.keyboard.press("Enter")
    assert page.locator("#ground-step").inner_text() == "Notice 1 thing you can taste"
    page.clock.run_for(90_000)
    tab_to(page, "#next")
    page.keyboard.press("Enter")  # "Done"
    assert page.locator("#after").is_visible()
    tab_to(page, "#save")
    page.keyboard.press("Enter")
    page.locator(".messages").wait_for()
    assert person.tool_sessions.get().duration_seconds >= 90


def test_mindfulness_timer_rings_its_bells(page, live_server, login):
    person = open_tool(page, live_server, login, "mina", "/tools/mindfulness/")
    page.select_option("select[name=minutes]", "2")
    page.select_option("select[name=bell_every]", "1")
    page.click("#start")
    page.clock.run_for(61_000)
    assert page.locator("#pacer").get_attribute("data-bells") == "2"  # start, one minute
    page.clock.run_for(60_000)
    assert page.locator("#pacer").get_attribute("data-bells") == "3"  # and the end
    page.click("#save")
    page.locator(".messages").wait_for()
    assert person.tool_sessions.get().duration_seconds == 120


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_shows_a_counter_instead_of_motion(
    browser, live_server, login, transactional_db, motion
):
    context = browser.new_context(viewport=PHONE, reduced_motion=motion, locale="en-GB")
    page = context.new_page()
    try:
        make_person("remy")
        login(page, "remy", PASSWORD)
        page.clock.install()
        page.goto(f"{live_server.url}/tools/breathing/")
        page.click("#start")
        shape, counter = page.locator("#shape"), page.locator("#counter")
        for _ in range(4):
            page.clock.run_for(1_500)
            grown = "big" in (shape.get_attribute("class") or "")
            if motion == "reduce":
                assert not grown and counter.is_visible()
                assert counter.inner_text() in {"1", "2", "3", "4", "5"}
            else:
                assert not counter.is_visible()
        if motion == "reduce":
            assert (
                page.evaluate(
                    "getComputedStyle(document.getElementById('shape')).transitionDuration"
                )
                == "0s"
            )
    finally:
        context.close()


def test_without_javascript_the_guide_and_form_work(browser, live_server, login, transactional_db):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        person = make_person("nojo")
        login(page, "nojo", PASSWORD)
        page.goto(f"{live_server.url}/tools/breathing/")
        assert page.get_by_text("Breathe in for 5 seconds.").is_visible()
        assert not page.locator("#start").is_visible()
        page.fill("input[name=minutes_done]", "5")
        page.click("#save")
        page.locator(".messages").wait_for()
        assert person.tool_sessions.get().duration_seconds == 300
    finally:
        context.close()
