"""Two-factor sign-in for professional accounts: set-up, and the code asked at sign-in."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from vagus.accounts import two_factor as second_factor
from vagus.accounts.roles import Role, is_professional, second_factor_proven
from vagus.ownership import AuthenticatedHttpRequest

# Where a professional lands after the code, unless the sign-in asked for a page.
HOME_FOR_ROLE = {Role.CLINICIAN: "sharing:dashboard", Role.RESEARCHER: "studies:index"}


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=40,
        label="Code",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autocapitalize": "none"}
        ),
        error_messages={"required": "Enter the code from your authenticator app."},
    )


def _next(request: AuthenticatedHttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return ""


def _home(request: AuthenticatedHttpRequest) -> str:
    return _next(request) or reverse(HOME_FOR_ROLE.get(Role(request.user.role), "diary:today"))


def _too_soon(seconds: int) -> str:
    return (
        f"That code is not right. Too many wrong codes: wait {seconds} second"
        f"{'s' if seconds != 1 else ''} before the next try."
    )


@never_cache
@login_required
def two_factor(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    context: dict[str, object] = {"next": _next(request), "professional": is_professional(user)}
    if not is_professional(user):
        return render(request, "accounts/two_factor.html", context)
    if second_factor_proven(user):
        context["proven"] = True
        context["recovery_left"] = second_factor.remaining_recovery_codes(user)
        return render(request, "accounts/two_factor.html", context)
    if second_factor.has_second_factor(user):
        return _code_step(request, context)
    return _set_up(request, context)


def _code_step(request: AuthenticatedHttpRequest, context: dict[str, object]) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, wait = second_factor.check(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_home(request))
        form.add_error(
            "code",
            _too_soon(wait)
            if wait
            else "That code is not right. Try the newest one, or a recovery code.",
        )
    return render(request, "accounts/two_factor_code.html", {**context, "form": form})


def _set_up(request: AuthenticatedHttpRequest, context: dict[str, object]) -> HttpResponse:
    device = second_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.confirm(request.user, device, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            # Shown once, in this response only (never cached); django-otp keeps them to check.
            return render(
                request,
                "accounts/two_factor_codes.html",
                {**context, "codes": codes, "home": _home(request)},
            )
        form.add_error("code", "That code is not right. Type the 6 digits your app shows now.")
    uri = device.config_url
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            **context,
            "form": form,
            "secret": second_factor.secret_of(device),
            "uri": uri,
            "qr": mark_safe(second_factor.qr_svg(uri)),
        },
    )
