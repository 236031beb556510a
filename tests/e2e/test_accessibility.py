"""axe-core scans of the main pages: no serious or critical accessibility violations."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

from vagus.diary import actions

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_login_page(any_page, live_server, scheme):
    any_page.emulate_media(color_scheme=scheme)
    any_page.goto(f"{live_server.url}/accounts/login/")
    assert serious(any_page) == []


PAGES = ["/today/", "/timeline/?days=90", "/meals/", "/accounts/settings/"]
# Pages whose look the design system sets; swept in both colour schemes.
STYLED_PAGES = [
    "/more/",
    "/tools/",
    "/tools/breathing/",
    "/data/",
    "/insights/",
    "/questionnaires/",
    "/questionnaires/gad7/",
    "/experiments/",
    "/learn/",
    "/reminders/",
]
SCHEMES = ["light", "dark"]


def test_the_scan_can_fail(page):
    page.set_content("<html lang=en><title>x</title><main><input type=text></main></html>")
    assert any(v.startswith("label ") for v in serious(page))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_pages_of_a_person_with_data(any_page, live_server, login, path, scheme):
    person = make_person("gale")
    today = person.today()
    actions.save_checkin(person, today, {"anxiety": 5, "gut_pain": 2, "stool_form": 4})
    any_page.emulate_media(color_scheme=scheme)
    login(any_page, "gale", PASSWORD)
    any_page.goto(f"{live_server.url}{path}")
    assert serious(any_page) == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_styled_pages_in_both_colour_schemes(any_page, live_server, login, scheme):
    person = make_person("gale")
    actions.save_checkin(person, person.today(), {"anxiety": 5, "mood": 6})
    any_page.emulate_media(color_scheme=scheme)
    login(any_page, "gale", PASSWORD)
    found = {}
    for path in STYLED_PAGES:
        any_page.goto(f"{live_server.url}{path}")
        found[path] = serious(any_page)
    assert found == {path: [] for path in STYLED_PAGES}


def test_check_in_page_after_saving(page, live_server, login):
    make_person("hal")
    login(page, "hal", PASSWORD)
    page.get_by_role("button", name="Save today").click()
    page.locator("#saved").wait_for()
    assert serious(page) == []
