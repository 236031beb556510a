"""Account pages: sign-up, settings, tokens, export and erase."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from vagus.accounts import actions
from vagus.accounts.forms import (
    INVITE_REFUSED,
    CheckedPasswordChangeForm,
    DeleteAccountForm,
    InviteSignUpForm,
    SettingsForm,
    SignUpForm,
    TokenForm,
)
from vagus.accounts.models import AccessToken
from vagus.accounts.roles import is_professional
from vagus.accounts.two_factor import has_second_factor
from vagus.backup.export import export_user_data
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("diary:today")
    mode = settings.SIGNUP_MODE
    if mode == "closed":
        status = 403 if request.method == "POST" else 200
        return render(request, "accounts/signup_closed.html", status=status)
    form_class = InviteSignUpForm if mode == "invite" else SignUpForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["invite_code"] if mode == "invite" else None
        try:
            user = actions.sign_up(form, invite_code=code)
        except actions.InviteRefused:
            form.add_error("invite_code", INVITE_REFUSED["used"])
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if is_professional(user):
                return redirect("accounts:two_factor")
            messages.success(
                request, "Welcome to Vagus. Your account is ready; here is today's check-in."
            )
            return redirect("diary:today")
    return render(request, "accounts/signup.html", {"form": form, "mode": mode})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "signup_mode": settings.SIGNUP_MODE}

    def get_success_url(self) -> str:
        """A professional goes on to the second check (or to set it up) before anything else."""
        wanted = super().get_success_url()
        if is_professional(self.request.user):
            return f"{reverse('accounts:two_factor')}?{urlencode({'next': wanted})}"
        return wanted


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = CheckedPasswordChangeForm
    template_name = "accounts/password_change.html"

    def get_form_kwargs(self) -> dict[str, object]:
        return {**super().get_form_kwargs(), "request": self.request}


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
    if is_professional(request.user) and not has_second_factor(request.user):
        messages.error(request, "Set up two-factor sign-in first: a token works only after it.")
        return redirect("accounts:two_factor")
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
    form = DeleteAccountForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        actions.delete_account(request.user)
        logout(request)
        return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form})
