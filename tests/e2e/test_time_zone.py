"""Sign-up in a real browser: the device's zone comes first and is chosen; search narrows."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def auckland_page(browser, transactional_db):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-NZ", timezone_id="Pacific/Auckland"
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_the_device_zone_is_first_and_search_finds_a_city(auckland_page, live_server):
    from vagus.accounts.models import User

    page = auckland_page
    page.goto(f"{live_server.url}/accounts/signup/")
    select = page.locator("#id_time_zone")
    assert select.input_value() == "Pacific/Auckland"
    first = select.locator("optgroup").first
    assert first.get_attribute("label") == "Your device's time zone"
    assert first.locator("option").get_attribute("value") == "Pacific/Auckland"

    page.get_by_label("Search for your country or city").fill("oslo")
    values = select.locator("option").evaluate_all("all => all.map(o => o.value)")
    assert "Europe/Oslo" in values and len(values) <= 3  # the match, and the zone chosen
    select.select_option("Europe/Oslo")

    page.fill("#id_username", "nora")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(f"{live_server.url}/today/")
    assert User.objects.get(username="nora").time_zone == "Europe/Oslo"
