"""Two-factor sign-in for professional accounts (set-up and the code asked at sign-in)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from vagus.accounts.roles import second_factor_proven
from vagus.ownership import AuthenticatedHttpRequest


@login_required
def two_factor(request: AuthenticatedHttpRequest) -> HttpResponse:
    proven = second_factor_proven(request.user)
    return render(request, "accounts/two_factor.html", {"proven": proven})
