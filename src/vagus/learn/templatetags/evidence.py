"""``{% evidence_link "entry-id" %}``: the one way a page links a suggestion to its evidence."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("learn/evidence_link.html")
def evidence_link(entry_id: str, text: str = "What the research says") -> dict[str, str]:
    return {"url": f"/learn/evidence/{entry_id}/", "text": text, "entry_id": entry_id}
