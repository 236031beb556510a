"""The Import & export page: upload, check, map moods, confirm, follow progress, download."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from vagus.backup.export import export_user_data
from vagus.interop import csv_export, fhir_export, jobs
from vagus.interop.forms import MoodMapForm, RemoveSourceForm, UploadForm
from vagus.interop.importing import imported_sources, remove_source
from vagus.interop.models import ImportJob
from vagus.interop.parsers import FORMATS
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404


def _index(request: AuthenticatedHttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "jobs": ImportJob.objects.owned_by(request.user)[:5],
        "sources": imported_sources(request.user),
    }
    return render(request, "interop/index.html", context, status=status)


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _index(request, UploadForm())


@login_required
@require_POST
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _index(request, form, status=400)
    fmt = form.cleaned_data["format"]
    options = {"create_measures": form.cleaned_data["create_measures"]} if fmt == "csv" else {}
    try:
        job = jobs.create_job(request.user, fmt, form.cleaned_data["file"], options)
    except jobs.ImportLimit as exc:
        form.add_error(None, str(exc))
        return _index(request, form, status=429)
    return redirect("interop:job", job_id=job.uuid)


@login_required
@require_GET
def job(request: AuthenticatedHttpRequest, job_id: str) -> HttpResponse:
    found = owned_or_404(ImportJob, request.user, uuid=job_id)
    mood_form = _mood_form(found) if found.status == ImportJob.NEEDS_MAPPING else None
    return _job_page(request, found, mood_form)


def _mood_form(found: ImportJob, data: Any = None) -> MoodMapForm:
    return MoodMapForm(found.unmapped, data, counts=found.counts.get("unmapped_entries", {}))


def _job_page(
    request: HttpRequest, found: ImportJob, mood_form: MoodMapForm | None, status: int = 200
) -> HttpResponse:
    context = {
        "job": found,
        "format_name": FORMATS.get(found.format, found.format),
        "stale": jobs.is_stale(found),
        "mood_form": mood_form,
    }
    return render(request, "interop/job.html", context, status=status)


@login_required
@require_GET
def job_status(request: AuthenticatedHttpRequest, job_id: str) -> JsonResponse:
    found = owned_or_404(ImportJob, request.user, uuid=job_id)
    running = found.running and not jobs.is_stale(found)
    return JsonResponse({"status": found.status, "percent": found.percent, "running": running})


@login_required
@require_POST
def job_map(request: AuthenticatedHttpRequest, job_id: str) -> HttpResponse:
    found = owned_or_404(ImportJob, request.user, uuid=job_id)
    if found.status != ImportJob.NEEDS_MAPPING:
        return redirect("interop:job", job_id=found.uuid)
    form = _mood_form(found, request.POST)
    if not form.is_valid():
        return _job_page(request, found, form, status=400)
    jobs.remap(found, form.mapping())
    return redirect("interop:job", job_id=found.uuid)


@login_required
@require_POST
def job_confirm(request: AuthenticatedHttpRequest, job_id: str) -> HttpResponse:
    found = owned_or_404(ImportJob, request.user, uuid=job_id)
    try:
        jobs.confirm(found)
    except jobs.ImportLimit as exc:
        messages.error(request, str(exc))
    return redirect("interop:job", job_id=found.uuid)


@login_required
@require_POST
def remove(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RemoveSourceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose which imported data to remove.")
        return redirect("interop:index")
    source = form.cleaned_data["source"]
    removed = remove_source(request.user, source)
    messages.success(request, f"Removed {removed} values and entries imported from {source}.")
    return redirect("interop:index")


def _attachment(response: HttpResponse, user: object, suffix: str) -> HttpResponse:
    stamp = timezone.now().strftime("%Y-%m-%d")
    name = f"vagus-{getattr(user, 'username', 'export')}-{stamp}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def export_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    text = json.dumps(export_user_data(request.user), indent=2, ensure_ascii=False)
    return _attachment(HttpResponse(text, content_type="application/json"), request.user, "json")


@login_required
@require_GET
def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = csv_export.csv_zip(request.user)
    return _attachment(HttpResponse(data, content_type="application/zip"), request.user, "csv.zip")


@login_required
@require_GET
def export_fhir(request: AuthenticatedHttpRequest) -> HttpResponse:
    text = json.dumps(fhir_export.bundle(request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(text, content_type="application/fhir+json")
    return _attachment(response, request.user, "fhir.json")
