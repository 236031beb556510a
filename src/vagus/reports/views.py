"""The report page and its two downloads. Every read is the signed-in person's own."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vagus.ownership import AuthenticatedHttpRequest
from vagus.reports.fhir import report_bundle
from vagus.reports.figures import report_figures
from vagus.reports.forms import ReportForm
from vagus.reports.pdf import render_pdf


def _form(request: AuthenticatedHttpRequest) -> ReportForm:
    today = request.user.today()
    if not request.GET:
        return ReportForm.defaults(today)
    return ReportForm(request.GET, today=today)


def _page(request: AuthenticatedHttpRequest, form: ReportForm, status: int = 200) -> HttpResponse:
    return render(request, "reports/index.html", {"form": form}, status=status)


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _form(request) if request.GET else ReportForm(today=request.user.today())
    return _page(request, form)


def _attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _form(request)
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    figures = report_figures(
        request.user,
        data["start"],
        data["end"],
        include_text=frozenset(data["include"]),
        name=data["name"],
    )
    body = render_pdf(figures, data["paper"])
    return _attachment(body, "application/pdf", f"vagus-report-{data['end']:%Y-%m-%d}.pdf")


@login_required
@require_GET
def fhir(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _form(request)
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    bundle = report_bundle(request.user, data["start"], data["end"])
    body = json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")
    return _attachment(
        body, "application/fhir+json", f"vagus-report-{data['end']:%Y-%m-%d}.fhir.json"
    )
