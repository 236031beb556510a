"""The evidence_link tag: a link in normal use, loud in tests, quiet but logged in production."""

from __future__ import annotations

import logging

import pytest
from django.template import Context, Template
from django.test import override_settings

from vagus.science import evidence

TEMPLATE = '{% load evidence %}{% evidence_link entry "Why this may help" %}'


def render(entry_id: str) -> str:
    return Template(TEMPLATE).render(Context({"entry": entry_id}))


def test_a_known_id_renders_a_link_with_its_grade():
    html = render("cbt-anxiety")
    assert 'href="/learn/evidence/cbt-anxiety/"' in html
    assert "Why this may help" in html
    assert "strong evidence" in html


def test_the_default_text():
    html = Template('{% load evidence %}{% evidence_link "sleep-anxiety" %}').render(Context())
    assert "What the research says" in html


@override_settings(VAGUS_STRICT_EVIDENCE=True)
def test_strict_mode_raises_on_an_unknown_id():
    with pytest.raises(evidence.UnknownEvidenceError):
        render("no-such-claim")


@override_settings(VAGUS_STRICT_EVIDENCE=False)
def test_lenient_mode_renders_plain_text_and_logs(caplog):
    with caplog.at_level(logging.ERROR, logger="vagus.learn.templatetags.evidence"):
        html = render("no-such-claim")
    assert "<a" not in html and "Why this may help" in html
    assert any("no-such-claim" in r.getMessage() for r in caplog.records)
