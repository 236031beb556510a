"""Learn in a browser at phone size: pages load, the disclaimer shows, axe finds nothing serious."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD, open_from_menu, serious
from tests.helpers.db import make_person

pytestmark = pytest.mark.e2e


PAGES = [
    "/learn/",
    "/learn/both-ways/",
    "/learn/what-may-help/",
    "/learn/evidence/",
    "/learn/evidence/probiotics-anxiety/",
]


def test_learn_pages_on_a_phone(page, live_server, login):
    make_person("lena")
    login(page, "lena", PASSWORD)
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        assert page.get_by_text("Vagus does not replace professional care.").is_visible(), path
        # Nothing wider than the phone: no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert serious(page) == [], path


def test_from_the_menu_to_an_entry_and_its_filter(page, live_server, login):
    make_person("luis")
    login(page, "luis", PASSWORD)
    open_from_menu(page, "Learn")
    page.get_by_role("link", name="The evidence library", exact=True).first.click()
    page.select_option("#grade", "strong")
    page.get_by_role("button", name="Show").click()
    page.get_by_role(
        "link", name="Cognitive behavioural therapy (CBT) helps anxiety disorders"
    ).click()
    assert page.get_by_role("heading", name="What it does not show").is_visible()
