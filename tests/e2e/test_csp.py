"""Under the Content-Security-Policy, real pages in Chromium raise no violation: nothing the
pages need (their scripts, styles, the pacer's motion, a job's polling) is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.helpers import PASSWORD
from tests.helpers.db import make_person

pytestmark = pytest.mark.e2e

# Installed before any page script runs; Playwright's init scripts are not subject to the CSP.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


def test_pages_raise_no_csp_violation(page, live_server, login):
    from vagus.diary import actions
    from vagus.interop.models import ImportJob

    person = make_person("cleo")
    today = person.today()
    for offset in range(10):
        actions.save_checkin(person, today - timedelta(days=offset), {"anxiety": offset % 7})
    job = ImportJob.objects.create(
        owner=person,
        format="apple-health",
        filename="export.zip",
        status="importing",
        progress=0.3,
    )
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or message.text.startswith("Refused to")
            else None
        ),
    )
    page.add_init_script(LISTEN)
    login(page, "cleo", PASSWORD)

    def visit(path: str) -> None:
        response = page.goto(f"{live_server.url}{path}")
        policy = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, path
        assert "no-store" in response.headers.get("cache-control", ""), path

    def violations(path: str) -> list[str]:
        return [f"{path}: {v}" for v in page.evaluate("window.__cspViolations")]

    found: list[str] = []
    visit("/insights/calendar/")
    swatches = page.locator(".legend .swatch")
    assert swatches.count() == 5
    colours = swatches.evaluate_all("els => els.map(e => getComputedStyle(e).backgroundColor)")
    assert len(set(colours)) == 5 and "rgba(0, 0, 0, 0)" not in colours  # shaded, each its own
    found += violations("/insights/calendar/")
    for path in ("/today/", "/accounts/settings/", "/learn/", "/api/docs"):
        visit(path)
        page.wait_for_load_state("networkidle")
        found += violations(path)

    visit("/tools/breathing/")
    page.locator("#start").click()
    page.locator("#cue").wait_for()
    page.wait_for_timeout(1_500)  # the pacer sets its own timing on the shape as it runs
    found += violations("/tools/breathing/")

    visit(f"/data/jobs/{job.uuid}/")
    ImportJob.objects.filter(pk=job.pk).update(status="done", message="Added 7", progress=1)
    page.get_by_role("heading", name="Imported").wait_for()  # job.js polled and updated
    found += violations(f"/data/jobs/{job.uuid}/")

    assert found == []
    assert refused == []
