"""Sharing pages: the person's (invite, list, revoke, who looked) and the clinician's
(accept, the people who shared, each person's shared pages, read-only)."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from vagus.accounts.roles import Role, professional_required
from vagus.ownership import AuthenticatedHttpRequest, Scope, grant_for, owned_or_404
from vagus.sharing import actions, queries
from vagus.sharing.forms import AcceptForm, InvitationForm
from vagus.sharing.models import SCOPE_LABELS, Share
from vagus.sharing.reports import report_pdf_response, shared_report

clinician_only = professional_required(Role.CLINICIAN)


@never_cache
@login_required
def shares(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = InvitationForm(request.POST or None, today=user.today())
    made = None
    if request.method == "POST" and form.is_valid():
        try:
            share, code = actions.create_invitation(
                user, form.chosen_scopes(), form.cleaned_data["ends"]
            )
        except actions.ShareRefused as refused:
            form.add_error(refused.field, str(refused))
        else:
            # Shown once, in this response only: only the code's hash is stored.
            link = request.build_absolute_uri(reverse("sharing:accept") + f"?code={code}")
            made = {"share": share, "code": code, "link": link}
            form = InvitationForm(today=user.today())
    return render(
        request,
        "sharing/shares.html",
        {"form": form, "made": made, "shares": queries.shares_of(user), "labels": SCOPE_LABELS},
    )


@login_required
@require_POST
def revoke(request: AuthenticatedHttpRequest, share_id: str) -> HttpResponse:
    share = owned_or_404(Share, request.user, uuid=share_id)
    actions.revoke(request.user, share)
    messages.success(request, "Sharing stopped. Your clinician can no longer see anything.")
    return redirect("sharing:shares")


@login_required
@require_safe
def audit(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "sharing/audit.html", {"events": queries.audit_rows(request.user)})


@login_required
@require_safe
def audit_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["at", "action", "who", "what", "address", "share"])
    writer.writeheader()
    writer.writerows(queries.audit_rows(request.user))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    day = request.user.today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="vagus-who-looked-{day}.csv"'
    return response


@never_cache
@clinician_only
def accept(request: AuthenticatedHttpRequest) -> HttpResponse:
    initial = {"code": request.GET.get("code", "")[:100]}
    form = AcceptForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        share = actions.accept(request.user, form.cleaned_data["code"])
        if share is not None:
            messages.success(request, "Accepted. You can now see what this person shares.")
            return redirect("sharing:person", person_id=share.owner.uuid)
        form.add_error(
            "code", "That code does not work: it may be mistyped, used already or expired."
        )
    return render(request, "sharing/accept.html", {"form": form})


@clinician_only
@require_safe
@transaction.atomic
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = queries.people_for(request.user)
    for row in rows:
        actions.record_read(request, queries.share_grant(row.share), "people list")
    return render(request, "sharing/dashboard.html", {"rows": rows})


@clinician_only
@require_safe
@transaction.atomic
def person(request: AuthenticatedHttpRequest, person_id: str) -> HttpResponse:
    grant = grant_for(request.user, person_id)
    if grant.is_owner or grant.share_uuid is None:
        raise Http404("Not found")
    share = Share.objects.active().get(uuid=grant.share_uuid)
    row = queries.person_row(share)
    actions.record_read(request, grant, "overview")
    actions.mark_visit(grant)
    scopes = [(s, SCOPE_LABELS[s]) for s in Scope if grant.allows(s)]
    return render(request, "sharing/person.html", {"row": row, "scopes": scopes})


@clinician_only
@require_safe
@transaction.atomic
def person_scope(request: AuthenticatedHttpRequest, person_id: str, scope: str) -> HttpResponse:
    try:
        chosen = Scope(scope)
    except ValueError as exc:
        raise Http404("Not found") from exc
    grant = grant_for(request.user, person_id, chosen)
    if grant.is_owner:
        raise Http404("Not found")
    context = queries.scope_page(grant, chosen)
    actions.record_read(request, grant, chosen.value)
    actions.mark_visit(grant)
    return render(
        request,
        f"sharing/scope_{chosen.value}.html",
        {**context, "person": grant.owner, "scope": chosen, "label": SCOPE_LABELS[chosen]},
    )


@clinician_only
@require_safe
@transaction.atomic
def person_report_pdf(request: AuthenticatedHttpRequest, person_id: str) -> HttpResponse:
    grant = grant_for(request.user, person_id, Scope.REPORTS)
    figures = shared_report(grant)
    actions.record_read(request, grant, "report")
    actions.mark_visit(grant)
    return report_pdf_response(figures)
