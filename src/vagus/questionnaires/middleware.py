"""While a safety alert is unread, the crisis page comes before any other page.

A self-harm signal must reach crisis resources whatever else happens: if the person closes the
tab, logs out or comes back tomorrow, the next page they open is the crisis page, until they
press "I have read this". API calls, the crisis page itself, logging out and the data export
are never redirected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from vagus.questionnaires.queries import has_open_alert

# (app_name, url_name) pairs that stay reachable while an alert is open.
ALLOWED = {
    ("questionnaires", "crisis"),
    ("questionnaires", "crisis_read"),
    ("accounts", "logout"),
    # A person's own data is never held back, not even by the crisis page.
    ("accounts", "export"),
}


class SafetyAlertMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if request.method not in {"GET", "HEAD"}:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        match = request.resolver_match
        if match is None or match.namespace == "api" or "api" in match.namespaces:
            return None
        if (match.app_name, match.url_name) in ALLOWED:
            return None
        if has_open_alert(user):
            return redirect("questionnaires:crisis")
        return None
