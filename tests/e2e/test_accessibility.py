"""axe-core scans of the main pages: no serious or critical accessibility violations."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

from vagus.diary import actions

pytestmark = pytest.mark.e2e


def test_login_page(any_page, live_server):
    any_page.goto(f"{live_server.url}/accounts/login/")
    assert serious(any_page) == []


PAGES = ["/today/", "/timeline/?days=90", "/meals/", "/accounts/settings/"]


def test_the_scan_can_fail(page):
    page.set_content("<html lang=en><title>x</title><main><input type=text></main></html>")
    assert any(v.startswith("label ") for v in serious(page))


@pytest.mark.parametrize("path", PAGES)
def test_pages_of_a_person_with_data(any_page, live_server, login, path):
    person = make_person("gale")
    today = person.today()
    actions.save_checkin(person, today, {"anxiety": 5, "gut_pain": 2, "stool_form": 4})
    login(any_page, "gale", PASSWORD)
    any_page.goto(f"{live_server.url}{path}")
    assert serious(any_page) == []


def test_check_in_page_after_saving(page, live_server, login):
    make_person("hal")
    login(page, "hal", PASSWORD)
    page.get_by_role("button", name="Save today").click()
    page.locator("#saved").wait_for()
    assert serious(page) == []
