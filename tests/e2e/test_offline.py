"""On a phone: installable (manifest, service worker), and a check-in or meal saved without a
connection is kept on the device and stored once when the connection is back."""

from __future__ import annotations

import json

import pytest
from tests.helpers import PASSWORD, serious, zone_far_from_midnight
from tests.helpers.db import make_person

from vagus.diary.models import Meal, Observation
from vagus.offline.models import SyncedKey

pytestmark = pytest.mark.e2e


def signed_in(page, live_server, login) -> None:
    make_person("nia", zone_far_from_midnight())
    login(page, "nia", PASSWORD)
    # The service worker is installed and controls the page.
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    if page.evaluate("() => navigator.serviceWorker.controller === null"):
        # The worker finished installing during the navigation here: the next page is its.
        page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def checkin_rows() -> int:
    return Observation.objects.filter(owner__username="nia", source="checkin").count()


def test_the_manifest_is_linked_and_names_the_icons(page, live_server, login):
    signed_in(page, live_server, login)
    href = page.locator("link[rel=manifest]").get_attribute("href")
    answer = page.request.get(f"{live_server.url}{href}")
    assert answer.headers["content-type"].startswith("application/manifest+json")
    manifest = json.loads(answer.text())
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/today/"
    assert manifest["scope"] == "/"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        image = page.request.get(f"{live_server.url}{icon['src']}")
        assert image.ok and image.headers["content-type"] == "image/png", icon
    touch = page.locator("link[rel=apple-touch-icon]").get_attribute("href")
    assert page.request.get(f"{live_server.url}{touch}").ok
    theme = page.locator("meta[name=theme-color]").get_attribute("content")
    assert theme == manifest["theme_color"]
    worker = page.evaluate("navigator.serviceWorker.controller.scriptURL")
    assert worker == f"{live_server.url}/sw.js"


def test_a_check_in_saved_offline_is_kept_then_stored_once(page, live_server, login):
    signed_in(page, live_server, login)
    sent: list[str] = []

    def keep_sync_body(request) -> None:
        if request.url.endswith("/api/offline/checkin"):
            sent.append(request.post_data or "")

    page.on("request", keep_sync_body)

    page.context.set_offline(True)
    page.get_by_role("group", name="Anxiety").get_by_role("radio", name="6", exact=True).click()
    page.get_by_role("group", name="Gut pain").get_by_role("radio", name="3", exact=True).click()
    page.get_by_role("button", name="Save today").click()
    status = page.get_by_role("status").filter(has_text="Saved on this phone, will sync")
    status.wait_for()
    assert checkin_rows() == 0

    page.context.set_offline(False)  # the page hears "online" and sends what it kept
    page.get_by_role("status").filter(has_text="Synced").wait_for()
    assert checkin_rows() == 2
    assert SyncedKey.objects.filter(owner__username="nia").count() == 1

    # The same queued save sent again (a lost answer, a retry) is stored once.
    [body] = sent
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    again = page.request.post(
        f"{live_server.url}/api/offline/checkin",
        data=body,
        headers={"Content-Type": "application/json", "X-CSRFToken": token},
    )
    assert again.ok and again.json()["already_synced"] is True
    assert checkin_rows() == 2
    values = dict(
        Observation.objects.filter(owner__username="nia", source="checkin").values_list(
            "measure__code", "value"
        )
    )
    assert values == {"anxiety": 6.0, "gut_pain": 3.0}


def test_a_meal_saved_offline_is_sent_on_the_next_page_load(page, live_server, login):
    signed_in(page, live_server, login)
    page.goto(f"{live_server.url}/meals/")
    page.context.set_offline(True)
    page.fill("#id_text", "toast with miso")
    page.get_by_role("button", name="Save meal").click()
    page.get_by_role("status").filter(has_text="Saved on this phone, will sync").wait_for()
    assert not Meal.objects.filter(owner__username="nia").exists()
    # The app is closed while offline and opened again later, online.
    context = page.context
    page.close()
    context.set_offline(False)
    page = context.new_page()
    page.goto(f"{live_server.url}/today/")
    page.get_by_role("status").filter(has_text="Synced").wait_for()
    assert list(Meal.objects.filter(owner__username="nia").values_list("text", flat=True)) == [
        "toast with miso"
    ]


def test_a_server_page_shows_the_offline_page_without_a_connection(page, live_server, login):
    signed_in(page, live_server, login)
    page.context.set_offline(True)
    page.goto(f"{live_server.url}/insights/")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "No connection"
    assert "kept on this phone" in page.locator("main").inner_text()
    assert "nia" not in page.content()  # the cached page is nobody's
    assert serious(page) == []
