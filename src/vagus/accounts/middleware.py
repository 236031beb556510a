"""Request-wide rules: times in the person's own zone; personal pages never cached."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control


class UserTimeZoneMiddleware:
    """Show every time in the signed-in person's own time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user.zone())
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response that may carry personal data.

    Pages, API answers, redirects and errors alike: a shared computer's browser cache or a
    proxy must never keep a diary page. Only the public learn pages seen without a login may
    be cached (static files are answered earlier, by WhiteNoise, and are not seen here).
    """

    PUBLIC_PREFIXES = ("/learn/",)

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not self._public(request):
            patch_cache_control(response, no_store=True, private=True)
        return response

    def _public(self, request: HttpRequest) -> bool:
        if not request.path_info.startswith(self.PUBLIC_PREFIXES):
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated
