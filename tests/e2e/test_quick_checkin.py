"""The quick check-in on a phone and a desktop: one screen with Save, shaped by the person."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from tests.helpers import PASSWORD, serious, zone_far_from_midnight
from tests.helpers.db import make_person

from vagus.diary import actions
from vagus.diary.models import Observation

pytestmark = pytest.mark.e2e
DEFAULT_QUICK = ["Anxiety", "Mood", "Gut pain", "Stool form", "Sleep quality"]


def quick_legends(page) -> list[str]:
    return page.locator("form.checkin > fieldset.question > legend").all_inner_texts()


def box(page, selector: str) -> dict[str, float]:
    found = page.locator(selector).bounding_box()
    assert found is not None, selector
    return found


def with_a_meal(person, days_ago: int = 0) -> None:
    noon = datetime.combine(person.today(), time(12, 0), tzinfo=person.zone())
    moment = noon - timedelta(days=days_ago, hours=2)
    actions.add_meal(person, "porridge with banana and kefir", moment)


@pytest.mark.parametrize("with_data", [False, True])
def test_the_quick_check_in_fits_one_screen_with_save(any_page, live_server, login, with_data):
    page = any_page
    person = make_person("quinn", zone_far_from_midnight())
    if with_data:
        with_a_meal(person)
        actions.save_checkin(person, person.today() - timedelta(days=1), {"anxiety": 4})
    login(page, "quinn", PASSWORD)
    assert quick_legends(page) == DEFAULT_QUICK
    assert page.evaluate("window.scrollY") == 0
    height = page.viewport_size["height"]
    save = box(page, "form.checkin .sticky-save button")
    assert save["y"] >= 0 and save["y"] + save["height"] <= height
    # Every quick question is whole on the first screen, above the Save button.
    questions = page.locator("form.checkin > fieldset.question")
    for i in range(questions.count()):
        question = questions.nth(i).bounding_box()
        assert question["y"] >= 0 and question["y"] + question["height"] <= save["y"], i
    # "More" is folded away until opened.
    assert not page.locator("#id_bloating").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    # One tap each and Save: six taps.
    for name, value in (
        ("Anxiety", "3"),
        ("Mood", "7"),
        ("Gut pain", "2"),
        ("Stool form", "4"),
        ("Sleep quality", "6"),
    ):
        page.get_by_role("group", name=name).get_by_role("radio", name=value, exact=True).click()
    assert page.evaluate("window.scrollY") == 0  # nothing needed scrolling
    page.get_by_role("button", name="Save today").click()
    page.locator("#saved").wait_for()
    stored = Observation.objects.filter(owner=person, day=person.today(), source="checkin")
    assert dict(stored.values_list("measure__code", "value")) == {
        "anxiety": 3.0,
        "mood": 7.0,
        "gut_pain": 2.0,
        "stool_form": 4.0,
        "sleep_quality": 6.0,
    }


def test_more_holds_the_rest_and_saves_with_the_quick_answers(page, live_server, login):
    person = make_person("rosa", zone_far_from_midnight())
    login(page, "rosa", PASSWORD)
    page.get_by_text("More (", exact=False).click()
    page.get_by_role("group", name="Bloating").get_by_role("radio", name="5", exact=True).click()
    page.fill("#id_sleep_hours", "7.5")
    page.get_by_role("group", name="Anxiety").get_by_role("radio", name="2", exact=True).click()
    page.get_by_role("button", name="Save today").click()
    page.locator("#saved").wait_for()
    stored = Observation.objects.filter(owner=person, day=person.today())
    assert dict(stored.values_list("measure__code", "value")) == {
        "bloating": 5.0,
        "sleep_hours": 7.5,
        "anxiety": 2.0,
    }


def test_the_full_check_in_takes_two_phone_screens_and_asks_the_name_only_after_yes(
    page, live_server, login
):
    person = make_person("sami", zone_far_from_midnight())
    login(page, "sami", PASSWORD)
    page.get_by_text("More (", exact=False).click()
    # Top of the page to the end of the form (its Save button): two 844 px screens at most,
    # and never wider than the phone.
    bottom = page.evaluate(
        "document.querySelector('form.checkin').getBoundingClientRect().bottom + window.scrollY"
    )
    assert bottom <= 2 * page.viewport_size["height"]
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    name = page.get_by_label("Which probiotic or supplement? (optional)")
    assert not name.is_visible()
    probiotic = page.get_by_role("group", name="Probiotic or supplement taken")
    probiotic.get_by_role("radio", name="Yes", exact=True).click()
    name.fill("kefir grains")
    page.get_by_role("button", name="Save today").click()
    page.locator("#saved").wait_for()
    # Saved, and shown again on the saved page because a name is stored.
    assert page.get_by_label("Which probiotic or supplement? (optional)").input_value() == (
        "kefir grains"
    )
    stored = Observation.objects.get(owner=person, day=person.today(), measure__code="probiotic")
    assert stored.value == 1.0


def test_customising_changes_the_check_in(any_page, live_server, login):
    page = any_page
    make_person("sam", zone_far_from_midnight())
    login(page, "sam", PASSWORD)
    page.get_by_role("link", name="Customise your check-in").click()
    page.get_by_role("heading", name="Customise your check-in").wait_for()
    page.get_by_role("button", name="Hide (Mood)").click()
    page.get_by_role("button", name="Up (Sleep quality)").click()
    page.get_by_role("button", name="Up (Sleep quality)").click()
    page.get_by_role("button", name="To quick check-in (Bloating)").click()
    for button in ("Down (Anxiety)", "Hide (Anxiety)", "To More (Gut pain)"):
        target = page.get_by_role("button", name=button).bounding_box()
        assert target["height"] >= 44 and target["width"] >= 44, button
    page.get_by_role("link", name="Rename measures or add your own").click()
    page.fill("#id_label", "Cold shower")
    page.select_option("#id_kind", "yesno")
    page.select_option("#id_direction", "better")
    page.get_by_role("button", name="Add measure").click()
    page.get_by_text("Added “Cold shower”.").wait_for()
    page.get_by_role("link", name="Today").first.click()
    page.wait_for_url("**/today/")
    assert quick_legends(page) == [
        "Anxiety",
        "Sleep quality",
        "Gut pain",
        "Stool form",
        "Bloating",
        "Cold shower",
    ]
    assert page.locator("[name=mood]").count() == 0
    # Six questions still fit the first screen with Save.
    save = box(page, "form.checkin .sticky-save button")
    last = page.locator("form.checkin > fieldset.question").last.bounding_box()
    assert last["y"] + last["height"] <= save["y"] <= page.viewport_size["height"]


def test_a_card_is_hidden_for_today(page, live_server, login):
    person = make_person("tess", zone_far_from_midnight())
    with_a_meal(person)
    login(page, "tess", PASSWORD)
    card = page.get_by_role("heading", name="Food and your gut")
    assert card.is_visible()
    button = page.get_by_role("button", name="Hide for today (food and your gut)")
    assert button.bounding_box()["height"] >= 44
    button.click()
    page.get_by_text("Hidden for today. It will be back tomorrow.").wait_for()
    assert page.get_by_role("heading", name="Food and your gut").count() == 0


@pytest.mark.parametrize("path", ["/today/", "/checkin/customise/", "/measures/"])
def test_no_serious_accessibility_problems(any_page, live_server, login, path):
    person = make_person("uma", zone_far_from_midnight())
    with_a_meal(person, days_ago=5)  # the card shows, and today is still empty
    actions.create_measure(person, "Cold shower", "yesno", "better")
    actions.save_checkin(person, person.today() - timedelta(days=5), {"anxiety": 4})
    login(any_page, "uma", PASSWORD)
    any_page.goto(f"{live_server.url}{path}")
    if path == "/today/":
        assert any_page.get_by_text("Welcome back").is_visible()
        assert any_page.get_by_role("heading", name="Food and your gut").is_visible()
        any_page.locator(".checkin-more > summary").click()  # the whole form scanned
    assert serious(any_page) == []
