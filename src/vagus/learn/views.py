"""Learn pages: the gut-brain explainer and the evidence library.

They hold no personal data; they ask for a log-in only so that every page of Vagus behaves the
same way (see the report to the lead about making them public).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from vagus.learn import pages
from vagus.science import evidence


def _context(**values: object) -> dict[str, object]:
    # Every Learn page shows the section's own contents list at the bottom.
    return {"learn_pages": pages.PAGES, **values}


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "learn/index.html", _context(pages=pages.PAGES))


def page(request: HttpRequest, slug: str) -> HttpResponse:
    current = pages.BY_SLUG[slug]
    before, after = pages.neighbours(slug)
    return render(
        request,
        "learn/page.html",
        _context(page=current, before=before, after=after),
    )


def evidence_list(request: HttpRequest) -> HttpResponse:
    # Unknown filter values are ignored rather than answered with an error: it is a reading page.
    topic = request.GET.get("topic") or None
    grade = request.GET.get("grade") or None
    topic = topic if topic in evidence.TOPICS else None
    grade = grade if grade in evidence.GRADES else None
    return render(
        request,
        "learn/evidence_list.html",
        _context(
            entries=evidence.select(topic=topic, grade=grade),
            total=len(evidence.entries()),
            topics=evidence.TOPICS.items(),
            grades=[
                (g, evidence.GRADE_LABELS[g], evidence.GRADE_MEANINGS[g]) for g in evidence.GRADES
            ],
            topic=topic,
            grade=grade,
        ),
    )


def evidence_entry(request: HttpRequest, entry_code: str) -> HttpResponse:
    try:
        entry = evidence.get(entry_code)
    except evidence.UnknownEvidenceError:
        raise Http404("No such evidence entry") from None
    return render(request, "learn/evidence_entry.html", _context(entry=entry))
