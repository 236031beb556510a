"""The participant's pages: joining by a study link, their studies, re-consent, withdrawal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from vagus.accounts.roles import Role
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.studies import actions, eligibility, queries, wording
from vagus.studies.forms import ConsentForm, JoinForm, ParticipantSignUpForm
from vagus.studies.models import Enrolment


def join(request: HttpRequest, invite_code: str) -> HttpResponse:
    """The study link: read about the study, answer the screener, consent, and join, with a
    new account or the one already signed in."""
    study = queries.study_to_join(invite_code)
    protocol = queries.protocol_of(study)
    user = request.user if request.user.is_authenticated else None
    if user is not None and getattr(user, "role", Role.PERSON) != Role.PERSON:
        # Professionals keep no diary here, so they cannot take part.
        return render(request, "studies/join.html", {"study": study, "professional": True})
    if user is not None and queries.enrolments_of(user).filter(study=study).exists():
        messages.info(request, wording.ALREADY_ENROLLED)
        return redirect("studies:mine")
    data = request.POST if request.method == "POST" else None
    form = JoinForm(data, rules=protocol.eligibility, existing_user=user is not None)
    signup = ParticipantSignUpForm(data, prefix="account") if user is None else None
    context = {
        "study": study,
        "protocol": protocol,
        "form": form,
        "signup": signup,
        "consent": study.current_consent(),
    }
    if request.method != "POST":
        return render(request, "studies/join.html", context)
    if not form.is_valid() or (signup is not None and not signup.is_valid()):
        return render(request, "studies/join.html", context, status=400)
    if not eligibility.is_eligible(protocol.eligibility, form.screening()):
        return render(
            request,
            "studies/not_eligible.html",
            {"study": study, "message": eligibility.KIND_REFUSAL},
        )
    choices = form.choices()
    with transaction.atomic():
        if signup is not None:
            user = signup.save()
        assert user is not None
        try:
            actions.enrol(
                user,
                study,
                keep_data=choices["keep_data"],
                tell_contact=choices["tell_contact"],
                shares_earlier=bool(form.cleaned_data.get("shares_earlier")),
            )
        except actions.AlreadyEnrolled:
            messages.info(request, wording.ALREADY_ENROLLED)
            return redirect("studies:mine")
    if signup is not None:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, wording.JOINED)
    return redirect("studies:mine")


@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    enrolments = [
        {"enrolment": e, "needs_reconsent": queries.needs_reconsent(e)}
        for e in queries.enrolments_of(request.user)
    ]
    return render(request, "studies/mine.html", {"enrolments": enrolments})


def _enrolment(request: AuthenticatedHttpRequest, enrolment_id: Any) -> Enrolment:
    return owned_or_404(Enrolment, request.user, uuid=enrolment_id)


@login_required
def reconsent(request: AuthenticatedHttpRequest, enrolment_id: Any) -> HttpResponse:
    enrolment = _enrolment(request, enrolment_id)
    if enrolment.withdrawn or not queries.needs_reconsent(enrolment):
        return redirect("studies:mine")
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        choices = form.choices()
        actions.reconsent(
            request.user,
            enrolment,
            keep_data=choices["keep_data"],
            tell_contact=choices["tell_contact"],
        )
        messages.success(request, wording.RECONSENTED)
        return redirect("studies:mine")
    context = {"enrolment": enrolment, "form": form, "consent": enrolment.study.current_consent()}
    return render(request, "studies/reconsent.html", context)


@login_required
def withdraw(request: AuthenticatedHttpRequest, enrolment_id: Any) -> HttpResponse:
    enrolment = _enrolment(request, enrolment_id)
    if enrolment.withdrawn:
        return redirect("studies:mine")
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        actions.withdraw(request.user, enrolment)
        kept = not enrolment.data_removed
        messages.success(request, wording.WITHDRAWN_KEPT if kept else wording.WITHDRAWN_REMOVED)
        return redirect("studies:mine")
    consent = enrolment.latest_consent()
    return render(request, "studies/withdraw.html", {"enrolment": enrolment, "consent": consent})
