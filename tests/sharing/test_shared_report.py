"""A clinician's copy of the one-page report: only under a "reports" share, never with the
person's private writing, and every read recorded for the person."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.helpers.reports import build_report_world
from tests.helpers.sharing import clinician, person, shared, signed_in, token_client

from vagus.audit.models import AuditEvent
from vagus.ownership import Scope

pytestmark = pytest.mark.django_db
SECRET = "PRIVATE-TEXT"


def _reads(owner) -> list[str]:
    rows = AuditEvent.objects.owned_by(owner).filter(action="share.read")
    return [row.detail["what"] for row in rows]


def test_a_clinician_with_reports_gets_the_pdf_and_the_summary_without_private_text():
    ana, lee = person(), clinician()
    build_report_world(ana, secret=SECRET)
    shared(ana, lee, [Scope.REPORTS])
    page = signed_in(lee)
    pdf = page.get(f"/sharing/people/{ana.uuid}/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    scope_page = page.get(f"/sharing/people/{ana.uuid}/reports/")
    assert b"Download the report (PDF)" in scope_page.content

    summary = token_client(lee).get(f"/api/clinician/people/{ana.uuid}/summary")
    assert summary.status_code == 200
    data = summary.json()
    assert data["adherence"]["days_logged"] > 0 and data["appendix"] == []
    assert SECRET not in summary.content.decode()
    api_pdf = token_client(lee).get(f"/api/clinician/people/{ana.uuid}/report.pdf")
    assert api_pdf.status_code == 200 and api_pdf.content.startswith(b"%PDF")
    assert _reads(ana).count("report") == 2 and "report summary" in _reads(ana)
    dashboard = page.get("/sharing/people/")
    assert f"/sharing/people/{ana.uuid}/report.pdf".encode() in dashboard.content


@pytest.mark.parametrize("state", ["active", "revoked", "expired"])
def test_without_the_reports_scope_or_a_live_share_the_report_is_not_found(state):
    ana, lee = person(), clinician()
    build_report_world(ana, days=14, secret=SECRET)
    scopes = [Scope.DIARY] if state == "active" else [Scope.REPORTS]
    shared(ana, lee, scopes, state=state)
    page, script = signed_in(lee), token_client(lee)
    assert page.get(f"/sharing/people/{ana.uuid}/report.pdf").status_code == 404, state
    for client in (page, script):
        for url in (
            f"/api/clinician/people/{ana.uuid}/summary",
            f"/api/clinician/people/{ana.uuid}/report.pdf",
        ):
            assert client.get(url).status_code == 404, (state, url)
    assert _reads(ana) == []


def test_a_person_and_a_stranger_cannot_use_the_clinician_report_routes():
    ana, lee = person(), clinician()
    shared(ana, lee, [Scope.REPORTS])
    for client in (token_client(ana), token_client(person("bob")), Client()):
        answer = client.get(f"/api/clinician/people/{ana.uuid}/summary")
        assert answer.status_code in (401, 404)
