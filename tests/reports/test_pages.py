"""The report page: choose the days, the paper and any writing, then download PDF or FHIR."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader
from tests.reports.conftest import SECRET, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(reported, client_of):
    """Signed in, with the world's safety alert read (until then every page is the crisis page)."""
    from vagus.questionnaires import actions

    actions.acknowledge_alerts(reported.person)
    return client_of(reported.person)


def test_the_page_offers_the_last_twelve_weeks_by_default(reported, signed_in):
    html = signed_in.get(reverse("reports:index")).content.decode()
    assert f'value="{reported.start.isoformat()}"' in html
    assert f'value="{reported.end.isoformat()}"' in html
    assert "Journal entries" in html and "Download the PDF" in html
    assert reverse("learn:professional_help") in html


def test_download_pdf_with_the_chosen_days_paper_and_writing(reported, signed_in):
    response = signed_in.get(
        reverse("reports:pdf"),
        {
            "start": reported.start.isoformat(),
            "end": reported.end.isoformat(),
            "paper": "letter",
            "name": "Ann Smith",
            "include": ["worries"],
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    assert round(float(reader.pages[0].mediabox.height)) == 792
    pages = pdf_text(response.content)
    assert pages[0].startswith("Vagus report: Ann Smith")
    assert f"worry {SECRET}" in pages[1]
    assert f"journal {SECRET}" not in " ".join(pages)


def test_without_choices_the_pdf_is_the_default_report(reported, signed_in):
    response = signed_in.get(reverse("reports:pdf"))
    assert response.status_code == 200
    [page] = pdf_text(response.content)
    assert "12 weeks" in page and SECRET not in page


def test_a_wrong_period_is_explained_on_the_page(reported, signed_in):
    backwards = signed_in.get(
        reverse("reports:pdf"), {"start": "2026-05-10", "end": "2026-05-01", "paper": "a4"}
    )
    assert backwards.status_code == 400
    assert "The last day must be on or after the first day." in backwards.content.decode()
    too_long = signed_in.get(
        reverse("reports:pdf"), {"start": "2025-01-01", "end": "2025-12-31", "paper": "a4"}
    )
    assert "at most 26 weeks" in too_long.content.decode()


def test_download_fhir(reported, signed_in):
    response = signed_in.get(
        reverse("reports:fhir"),
        {"start": reported.start.isoformat(), "end": reported.end.isoformat(), "paper": "a4"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    bundle = json.loads(response.content)
    assert bundle["type"] == "document"
    assert bundle["entry"][0]["resource"]["resourceType"] == "Composition"


def test_needs_a_login(visitor):
    for name in ("reports:index", "reports:pdf", "reports:fhir"):
        assert reverse("accounts:login") in visitor.get(reverse(name))["Location"]


def test_linked_from_settings_more_and_results(person, person_client):
    from vagus.questionnaires import actions

    report = reverse("reports:index")
    assert report in person_client.get(reverse("accounts:settings")).content.decode()
    assert report in person_client.get(reverse("more")).content.decode()
    response = actions.record_response(person, "gad7", [2, 2, 2, 2, 1, 1, 1]).response
    result = person_client.get(reverse("questionnaires:result", args=[response.uuid]))
    assert report in result.content.decode()
    summary = person_client.get(reverse("questionnaires:summary")).content.decode()
    assert report in summary
