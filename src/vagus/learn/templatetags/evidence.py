"""``{% evidence_link "entry-id" %}``: the one way a page links a suggestion to its evidence.

An unknown id is a bug in the page that uses it. With ``VAGUS_STRICT_EVIDENCE`` (set in the
tests) it raises, so the test that renders the page fails; in production the suggestion still
shows, as plain text without a link, and the error is logged for the operator.
"""

from __future__ import annotations

import logging

from django import template
from django.conf import settings
from django.urls import reverse

from vagus.science import evidence

register = template.Library()
logger = logging.getLogger(__name__)


@register.inclusion_tag("learn/evidence_link.html")
def evidence_link(entry_id: str, text: str = "What the research says") -> dict[str, object]:
    if not evidence.exists(entry_id):
        if getattr(settings, "VAGUS_STRICT_EVIDENCE", False):
            raise evidence.UnknownEvidenceError(entry_id)
        logger.error("evidence_link: no evidence entry %r; rendered as plain text", entry_id)
        return {"url": None, "text": text, "entry_id": entry_id, "grade": None}
    entry = evidence.get(entry_id)
    return {
        "url": reverse("learn:entry", kwargs={"entry_code": entry_id}),
        "text": text,
        "entry_id": entry_id,
        "grade": entry.grade_label,
    }
