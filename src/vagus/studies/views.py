"""The researcher's pages: their own studies only, behind a proven second factor.

Every page or download that shows participants' data records a "study.read" audit row for
each participant it showed (vagus.studies.actions.audit_reads).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from vagus.accounts.roles import Role, professional_required
from vagus.ownership import AuthenticatedHttpRequest
from vagus.studies import actions, charts, queries, tidy, wording
from vagus.studies.forms import ImportForm, StudyForm
from vagus.studies.models import Study
from vagus.studies.protocol import ProtocolError, export_document

researcher_only = professional_required(Role.RESEARCHER)


@researcher_only
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    studies = queries.studies_of(request.user)
    return render(request, "studies/index.html", {"studies": studies, "import_form": ImportForm()})


@researcher_only
def new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StudyForm(request.POST or None, initial={"starts": request.user.today()})
    if request.method == "POST" and form.is_valid():
        try:
            study = actions.create_study(request.user, form.values(), form.cleaned_data["consent"])
        except ProtocolError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Study created. Share its link with people who may join.")
            return redirect("studies:detail", study_id=study.uuid)
    return render(request, "studies/form.html", {"form": form, "study": None})


@researcher_only
def edit(request: AuthenticatedHttpRequest, study_id: Any) -> HttpResponse:
    study = queries.study_of(request.user, study_id)
    initial = StudyForm.initial_of(study, queries.protocol_of(study), study.current_consent().text)
    form = StudyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = actions.update_study(
                request.user, study, form.values(), form.cleaned_data["consent"]
            )
        except ProtocolError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, wording.NEW_CONSENT_VERSION if changed else "Saved.")
            return redirect("studies:detail", study_id=study.uuid)
    return render(request, "studies/form.html", {"form": form, "study": study})


@researcher_only
def detail(request: AuthenticatedHttpRequest, study_id: Any) -> HttpResponse:
    study = queries.study_of(request.user, study_id)
    enrolments = queries.study_participants(study)
    rows = queries.monitor_rows(study, timezone.now(), enrolments)
    events = queries.safety_events(study, enrolments)
    actions.audit_reads(request.user, enrolments, "monitor")
    link = request.build_absolute_uri(reverse("studies:join", args=[study.invite_code]))
    protocol = queries.protocol_of(study)
    return render(
        request,
        "studies/detail.html",
        {
            **_results(request, study, queries.measure_codes(protocol)),
            "study": study,
            "protocol": protocol,
            "consent": study.current_consent(),
            "rows": rows,
            "counts": wording.state_counts([r.progress.state for r in rows]),
            "table": [(r, wording.STATE_LABELS[r.progress.state]) for r in rows],
            "chart": charts.adherence_chart(rows),
            "events": events,
            "link": link,
        },
    )


def _results(request: AuthenticatedHttpRequest, study: Study, codes: list[str]) -> dict[str, Any]:
    """The cohort analysis for the outcome the researcher chose (none until they choose)."""
    from vagus.studies.results import analyse_study

    context: dict[str, Any] = {
        "results": None,
        "outcome": request.GET.get("outcome", ""),
        "outcome_choices": codes,
        "caution": wording.RESULTS_CAUTION,
    }
    if context["outcome"] in codes:
        try:
            context["results"] = analyse_study(study, context["outcome"], reader=request.user)
        except ValueError as exc:
            context["results_problem"] = str(exc)
    return context


def _download(content: str | bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _slug(study: Study) -> str:
    return f"study-{str(study.uuid)[:8]}"


@researcher_only
def protocol_file(request: AuthenticatedHttpRequest, study_id: Any) -> HttpResponse:
    study = queries.study_of(request.user, study_id)
    document = export_document(
        title=study.title,
        description=study.description,
        target_size=study.target_size,
        consent=study.current_consent().text,
        protocol=queries.protocol_of(study),
    )
    return _download(document, f"{_slug(study)}-protocol.json", "application/json")


@researcher_only
def export(request: AuthenticatedHttpRequest, study_id: Any, fmt: str) -> HttpResponse:
    study = queries.study_of(request.user, study_id)
    enrolments = queries.study_participants(study)
    rows = queries.shared_rows(study, enrolments)
    actions.audit_reads(request.user, enrolments, f"export.{fmt}")
    if fmt == "parquet":
        return _download(
            tidy.to_parquet(rows), f"{_slug(study)}.parquet", "application/vnd.apache.parquet"
        )
    return _download(tidy.to_csv(rows), f"{_slug(study)}.csv", "text/csv; charset=utf-8")


@researcher_only
def dictionary(request: AuthenticatedHttpRequest, study_id: Any) -> HttpResponse:
    import json

    study = queries.study_of(request.user, study_id)
    protocol = queries.protocol_of(study)
    measures = queries.dictionary_measures(queries.measure_codes(protocol))
    document = json.dumps(tidy.dictionary(protocol, measures), indent=2, ensure_ascii=False)
    return _download(document + "\n", f"{_slug(study)}-dictionary.json", "application/json")


@researcher_only
@require_POST
def import_protocol(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read(2_000_000).decode("utf-8")
            study = actions.import_protocol(
                request.user,
                text,
                starts=form.cleaned_data["starts"],
                contact=form.cleaned_data["contact"],
            )
        except (ProtocolError, UnicodeDecodeError) as exc:
            message = str(exc) if isinstance(exc, ProtocolError) else "This file is not text."
            form.add_error("file", message)
        else:
            messages.success(
                request, "Study set up from the protocol file. Check it, then share its link."
            )
            return redirect("studies:detail", study_id=study.uuid)
    studies = queries.studies_of(request.user)
    return render(
        request, "studies/index.html", {"studies": studies, "import_form": form}, status=400
    )
