"""The microbiome pages: samples, upload and confirm, one sample, deleting a sample."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vagus.microbiome import actions, charts, queries, wording
from vagus.microbiome.forms import ConfirmForm, UploadForm
from vagus.microbiome.models import PendingUpload, Sample
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.science import microbiome
from vagus.science.microbiome import MicrobiomeFileError, SampleChoiceNeeded


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    samples = queries.samples_for(request.user)
    changes = queries.changes(request.user, samples)
    rows = [(s, changes[s.id]) for s in reversed(samples)]
    context = {
        "rows": rows,
        "chart": charts.diversity_chart(samples),
        "wording": wording,
    }
    return render(request, "microbiome/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            kept = actions.keep_upload(request.user, file.name, file.read())
        except MicrobiomeFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("microbiome:confirm", upload_id=kept.uuid)
    status = 400 if request.method == "POST" else 200
    return render(request, "microbiome/upload.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request: AuthenticatedHttpRequest, upload_id: str) -> HttpResponse:
    kept = owned_or_404(PendingUpload, request.user, uuid=upload_id)
    data = bytes(kept.data)
    try:
        ids = microbiome.sample_ids(data)
    except MicrobiomeFileError as exc:
        actions.drop_upload(request.user, kept)
        return _unreadable(request, exc)
    initial = {"collected_on": request.user.today(), "method": "unknown"}
    form = ConfirmForm(request.POST or None, sample_ids=ids, initial=initial)
    preview = None
    if len(ids) == 1:
        try:
            preview = actions.import_sample(
                request.user, data, collected_on=request.user.today(), dry_run=True
            )
        except MicrobiomeFileError as exc:
            actions.drop_upload(request.user, kept)
            return _unreadable(request, exc)
        form.initial["method"] = preview.method
    if request.method == "POST" and form.is_valid():
        try:
            outcome = actions.import_sample(
                request.user,
                data,
                collected_on=form.cleaned_data["collected_on"],
                label=form.cleaned_data["label"],
                method=form.cleaned_data["method"],
                sample=form.cleaned_data.get("sample") or None,
            )
        except SampleChoiceNeeded:
            form.add_error(None, "Choose which sample in the table is yours.")
        except MicrobiomeFileError as exc:
            actions.drop_upload(request.user, kept)
            return _unreadable(request, exc)
        else:
            actions.drop_upload(request.user, kept)
            messages.success(request, outcome.summary)
            assert outcome.sample is not None
            return redirect("microbiome:sample", sample_id=outcome.sample.uuid)
    context = {"form": form, "upload": kept, "preview": preview, "samples": ids, "wording": wording}
    status = 400 if request.method == "POST" else 200
    return render(request, "microbiome/confirm.html", context, status=status)


def _unreadable(request: AuthenticatedHttpRequest, exc: MicrobiomeFileError) -> HttpResponse:
    context = {"form": UploadForm(), "problem": str(exc), "errors": exc.errors[:50]}
    return render(request, "microbiome/upload.html", context, status=400)


@login_required
@require_GET
def sample(request: AuthenticatedHttpRequest, sample_id: str) -> HttpResponse:
    found = owned_or_404(Sample, request.user, uuid=sample_id)
    start, end, context_lines = queries.diary_before(request.user, found)
    change = queries.change_from_previous(request.user, found)
    context = {
        "sample": found,
        "phyla": queries.phyla(found),
        "named": queries.named(found),
        "ratio": queries.ratio(found),
        "ratio_evidence": microbiome.RATIO_EVIDENCE,
        "change_text": wording.change_text(change),
        "context_start": start,
        "context_end": end,
        "context_lines": context_lines,
        "method": wording.method_words(found.method),
        "computed_at": wording.computed_at(found.diversity_rank),
        "chao1_missing": wording.chao1_missing(found.value_kind),
        "format": microbiome.FORMATS.get(found.source_format, found.source_format),
        "wording": wording,
    }
    return render(request, "microbiome/sample.html", context)


@login_required
@require_POST
def delete(request: AuthenticatedHttpRequest, sample_id: str) -> HttpResponse:
    found = owned_or_404(Sample, request.user, uuid=sample_id)
    actions.delete_sample(request.user, found)
    messages.success(request, "The sample was deleted.")
    return redirect("microbiome:index")
