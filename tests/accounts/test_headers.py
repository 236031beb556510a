"""Response headers: personal pages are never cached, and a Content-Security-Policy allows
scripts and styles from this server only (so a page may carry no inline script or style)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from tests.test_isolation import SESSION_ENDERS, alice_world, fill, routes

from vagus.accounts.models import AccessToken

pytestmark = pytest.mark.django_db
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle=")
NONCE = re.compile(r"<style nonce=\"([^\"]+)\"")
EVENT_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+=", re.IGNORECASE)


def signed_in_alice():
    """Alice with a row in every table, her crisis alert read so pages are not redirected."""
    from django.utils import timezone

    from vagus.questionnaires.models import SafetyAlert

    alice, values = alice_world()
    SafetyAlert.objects.owned_by(alice).update(acknowledged_at=timezone.now())
    browser = Client()
    browser.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    return alice, values, browser


def policy(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    parts = (p.strip().split() for p in header.split(";") if p.strip())
    return {p[0]: p[1:] for p in parts}


def test_every_signed_in_page_and_api_answer_is_no_store_and_under_the_policy():
    alice, values, browser = signed_in_alice()
    _, raw = AccessToken.issue(alice, "headers")
    script = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    checked = pages = 0
    for route, name in routes():
        if name in SESSION_ENDERS:
            continue
        client = script if route.startswith("api/") else browser
        for url in fill(route, values):
            response = client.get(url)
            checked += 1
            assert "no-store" in response.get("Cache-Control", ""), url
            if not response.get("Content-Type", "").startswith("text/html"):
                continue
            pages += 1
            csp = policy(response)
            assert csp.get("default-src") == ["'self'"], url
            assert csp.get("script-src") == ["'self'"], url
            assert csp.get("frame-ancestors") == ["'none'"], url
            body = response.content.decode()
            assert not INLINE_SCRIPT.search(body), f"{url} has an inline script"
            assert not STYLE_ATTRIBUTE.search(body), f"{url} has a style attribute"
            assert not EVENT_ATTRIBUTE.search(body), f"{url} has an event attribute"
            for nonce in NONCE.findall(body):
                assert f"'nonce-{nonce}'" in csp["style-src"], url
            assert "<style>" not in body, f"{url} has a <style> block without the nonce"
    assert checked > 50 and pages > 30


def test_the_experiment_report_style_carries_this_responses_nonce():
    _, values, browser = signed_in_alice()
    report = next(r for r, name in routes() if name == "experiments:report")
    first, second = (browser.get(fill(report, values)[0]) for _ in range(2))
    nonces = [NONCE.search(r.content.decode()).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1]  # a fresh nonce per response
    assert policy(first)["style-src"] == ["'self'", f"'nonce-{nonces[0]}'"]


def test_public_pages_for_visitors_and_static_files_may_be_cached(visitor):
    learn = visitor.get("/learn/")
    assert learn.status_code == 200
    assert "no-store" not in learn.get("Cache-Control", "")
    css = visitor.get("/static/vagus/site.css")
    assert css.status_code == 200
    assert "no-store" not in css.get("Cache-Control", "")
    # Anything else, even for a visitor (a form with its CSRF token, a redirect), is not kept.
    for url in ("/accounts/login/", "/accounts/signup/", "/today/", "/api/days/2026-01-01"):
        assert "no-store" in visitor.get(url).get("Cache-Control", ""), url


def test_learn_pages_are_not_cached_for_someone_signed_in(person_client):
    assert "no-store" in person_client.get("/learn/").get("Cache-Control", "")


def test_the_calendar_legend_shades_in_css_match_the_chart():
    # The legend's swatches take their colour from insights.css (no style attribute under
    # the policy); the chart draws with charts.SHADES. One list, two places: keep them equal.
    from pathlib import Path

    import vagus.insights
    from vagus.insights import charts

    css = (Path(vagus.insights.__file__).parent / "static/insights/insights.css").read_text()
    found = dict(
        re.findall(r'\.swatch\[data-shade="(\d)"\] \{ background: (#[0-9a-f]{6}); \}', css)
    )
    assert found == {str(i): shade for i, shade in enumerate(charts.SHADES)}
