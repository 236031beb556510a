"""The report page and the help page in a real browser, on a phone and a wide screen: choose,
download a real PDF, follow the links; axe finds nothing serious or critical."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tests.helpers import PASSWORD, serious, zone_far_from_midnight
from tests.helpers.db import make_person

pytestmark = pytest.mark.e2e


def test_make_and_download_the_report(any_page, live_server, login):
    from pypdf import PdfReader
    from tests.helpers.reports import build_report_world

    from vagus.questionnaires import actions

    person = make_person("rhea", zone_far_from_midnight())
    build_report_world(person, days=30)
    actions.acknowledge_alerts(person)  # otherwise every page is the crisis page first
    page = any_page
    login(page, "rhea", PASSWORD)
    page.goto(f"{live_server.url}/accounts/settings/")
    page.get_by_role("link", name="A one-page report of your questionnaires and diary").click()
    page.wait_for_url(f"{live_server.url}/reports/")
    assert serious(page) == []
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Touch targets: the ticks and paper choices are whole 44 px rows.
    box = page.locator("label.choice").first.bounding_box()
    assert box["height"] >= 44

    page.get_by_label("US Letter").check()
    page.get_by_label("Name on the report").fill("Rhea")
    page.get_by_label("Parked worries").check()
    # A download is no navigation: do not wait for one; the PDF may take a few seconds.
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the PDF").click(no_wait_after=True)
    path = download.value.path()
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    assert len(reader.pages) == 2  # the report and the ticked worries
    assert "Vagus report: Rhea" in reader.pages[0].extract_text()

    with page.expect_download(timeout=60_000) as fhir:
        fhir_button = page.get_by_role("button", name="Download as FHIR (for health records)")
        fhir_button.click(no_wait_after=True)
    assert fhir.value.suggested_filename.endswith(".fhir.json")

    page.get_by_role("link", name="Getting professional help").click()
    page.wait_for_url(f"{live_server.url}/learn/professional-help/")
    assert page.get_by_role("heading", level=1).inner_text() == "Getting professional help"


def test_a_wrong_period_is_announced_next_to_its_field(page, live_server, login):
    make_person("sami")
    login(page, "sami", PASSWORD)
    page.goto(f"{live_server.url}/reports/")
    page.get_by_label("From", exact=True).fill("2026-05-10")
    page.get_by_label("To", exact=True).fill("2026-05-01")
    page.get_by_role("button", name="Download the PDF").click()
    assert page.get_by_text("The last day must be on or after the first day.").first.is_visible()
    assert serious(page) == []


def test_the_help_page_without_a_login(any_page, live_server):
    page = any_page
    page.goto(f"{live_server.url}/learn/professional-help/?country=US")
    assert page.get_by_role("heading", name="How to get there in the United States").is_visible()
    assert page.get_by_role("link", name="911").get_attribute("href") == "tel:911"
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious(page) == []
    page.select_option("#id_country", "NZ")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_text("Need to talk? 1737").is_visible()
