"""Learn pages: the gut-brain explainer and the evidence library.

They hold no personal data; they ask for a log-in only so that every page of Vagus behaves the
same way (see the report to the lead about making them public).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from vagus.learn import pages, professional_help
from vagus.questionnaires import crisis
from vagus.questionnaires.forms import CountryForm
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


def professional_help_page(request: HttpRequest) -> HttpResponse:
    """Readable without a log-in, like the other Learn pages: it holds no personal data, and a
    relative or a person who has not signed up yet may need it. The country follows the crisis
    page's rule (the choice here, the operator's setting, a guess from the time zone)."""
    user = getattr(request, "user", None)
    zone = user.time_zone if user is not None and user.is_authenticated else None
    country = crisis.country_for(
        request.GET.get("country"), getattr(settings, "CRISIS_COUNTRY", ""), zone
    )
    return render(
        request,
        "learn/professional_help.html",
        _context(
            country=country,
            routes=professional_help.ROUTES[country.code],
            signs=professional_help.SIGNS,
            bring=professional_help.WHAT_TO_BRING,
            online=professional_help.ONLINE_THERAPY,
            checked=professional_help.CHECKED,
            country_form=CountryForm(initial={"country": country.code}),
        ),
    )
