"""Every tool page works without JavaScript: a written, timed guide and a plain form."""

from __future__ import annotations

import re

import pytest

from vagus.tools import catalog

pytestmark = pytest.mark.django_db

PAGES = {
    "/tools/": "Tools for anxious moments",
    "/tools/breathing/": "Breathe in for 5 seconds.",
    "/tools/relaxation/": "Hands and forearms.",
    "/tools/grounding/": "Notice 5 things you can see.",
    "/tools/mindfulness/": "Set a timer on your phone",
    "/tools/thoughts/": "New thought record",
    "/tools/thoughts/new/": "Evidence against the thought",
    "/tools/journal/": "Past entries",
    "/tools/worry/": "Park this worry",
    "/tools/what-helps/": "What helps me",
}


@pytest.mark.parametrize(("path", "text"), PAGES.items())
def test_page_renders_with_its_guide(person_client, path, text):
    response = person_client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_menu_has_tools(person_client):
    page = person_client.get("/tools/").content.decode()
    assert re.search(
        r'<a href="/tools/" aria-current="page"><svg [^>]*>.*?</svg><span>Tools</span></a>', page
    )


def test_timed_pages_load_their_own_script_and_no_cdn(person_client):
    for name in ("breathing", "relaxation", "grounding", "mindfulness"):
        script = f"{name}.js"
        page = person_client.get(f"/tools/{name}/").content.decode()
        assert f"/static/tools/{script}" in page and "/static/tools/session.js" in page
        assert '<script src="http' not in page and '<script src="//' not in page


def test_ratings_are_segmented_radios_0_to_10_with_skip(person_client):
    page = person_client.get("/tools/breathing/").content.decode()
    for value in range(11):
        assert f'name="anxiety_before" value="{value}"' in page
    assert 'name="anxiety_before" value=""' in page  # the skip option


def test_every_tool_has_a_page_linked_from_the_index(person_client):
    page = person_client.get("/tools/").content.decode()
    for tool in catalog.TOOLS:
        assert tool.name in page


def test_visitors_are_sent_to_log_in(visitor):
    response = visitor.get("/tools/breathing/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
