"""Account pages: sign-up, settings, tokens, export and erase."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from vagus.accounts import actions
from vagus.accounts.export import export_user_data
from vagus.accounts.forms import DeleteAccountForm, SettingsForm, SignUpForm, TokenForm
from vagus.accounts.models import AccessToken
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("diary:today")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, "Welcome to Vagus. Your account is ready; here is today's check-in."
        )
        return redirect("diary:today")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def settings_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = SettingsForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved. Your days now follow {user.time_zone}.")
        return redirect("accounts:settings")
    return _settings(request, form)


def _settings(
    request: AuthenticatedHttpRequest, form: SettingsForm, new_token: str | None = None
) -> HttpResponse:
    return render(
        request,
        "accounts/settings.html",
        {
            "form": form,
            "token_form": TokenForm(),
            "tokens": AccessToken.objects.owned_by(request.user),
            "new_token": new_token,
        },
    )


@never_cache
@login_required
@require_POST
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the token a name of up to 100 characters.")
        return redirect("accounts:settings")
    _, raw = AccessToken.issue(request.user, form.cleaned_data["name"])
    # Shown once, in this response only (never cached, never kept in the session); only the
    # hash is stored.
    return _settings(request, SettingsForm(instance=request.user), new_token=raw)


@login_required
@require_POST
def token_revoke(request: AuthenticatedHttpRequest, token_id: str) -> HttpResponse:
    token = owned_or_404(AccessToken, request.user, uuid=token_id)
    token.delete()
    messages.success(request, f"Token “{token.name}” revoked. Scripts using it will stop working.")
    return redirect("accounts:settings")


@login_required
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    document = export_user_data(request.user)
    today = request.user.today().isoformat()
    response = HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="vagus-export-{today}.json"'
    return response


@login_required
def delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        actions.delete_account(request.user)
        logout(request)
        return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form})
