"""In a real browser on a phone-sized screen: PHQ-9 item 9 above 0 shows the crisis page first."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD

pytestmark = pytest.mark.e2e


def login(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/today/")


def test_phq9_item_9_shows_the_crisis_page_first(page, live_server):
    from vagus.accounts.models import User

    person = User.objects.create_user("carol", password=PASSWORD, time_zone="Europe/London")
    login(page, live_server, person)
    page.goto(f"{live_server.url}/questionnaires/phq9/")
    for item in range(1, 9):
        # Tap the visible segment (the radio itself is visually hidden under it).
        page.locator(f"label[for='id_item_{item}_0']").click()
    page.locator("label[for='id_item_9_1']").click()  # "Several days"
    page.get_by_role("button", name="See my result").click()

    page.wait_for_url(f"{live_server.url}/questionnaires/crisis/")
    assert page.get_by_role("heading", level=1).inner_text() == "Help is available now"
    assert page.get_by_text("116 123").first.is_visible()  # a London person: Samaritans
    # One tap calls or texts: the numbers are tel: and sms: links.
    call = page.get_by_role("link", name="Call 116 123").first
    assert call.is_visible() and call.get_attribute("href") == "tel:116123"
    text = page.get_by_role("link", name="Text SHOUT to 85258")
    assert text.get_attribute("href") == "sms:85258?&body=SHOUT"
    assert page.get_by_role("link", name="999", exact=True).get_attribute("href") == "tel:999"

    # Coming back later still shows it first, until "I have read this".
    page.goto(f"{live_server.url}/today/")
    page.wait_for_url(f"{live_server.url}/questionnaires/crisis/")
    page.get_by_role("button", name="I have read this").click()
    page.wait_for_url(f"{live_server.url}/questionnaires/responses/**")
    page.goto(f"{live_server.url}/today/")
    assert page.url == f"{live_server.url}/today/"


def test_item_9_with_a_question_left_blank_still_shows_the_crisis_page(page, live_server):
    from vagus.accounts.models import User
    from vagus.questionnaires.models import SafetyAlert

    person = User.objects.create_user("dora", password=PASSWORD, time_zone="Europe/London")
    login(page, live_server, person)
    page.goto(f"{live_server.url}/questionnaires/phq9/")
    for item in (1, 2, 4, 5, 6, 7, 8):  # question 3 left blank
        page.locator(f"label[for='id_item_{item}_0']").click()
    page.locator("label[for='id_item_9_3']").click()  # "Nearly every day"
    page.get_by_role("button", name="See my result").click()

    page.wait_for_url(f"{live_server.url}/questionnaires/crisis/")
    assert page.get_by_role("heading", level=1).inner_text() == "Help is available now"
    assert page.get_by_text("your answers are not saved").is_visible()
    assert SafetyAlert.objects.filter(owner=person, response__isnull=True).count() == 1
