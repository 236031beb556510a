"""Remember when a person last opened the app: coming back ends a pause of reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

# One write per person per few minutes is plenty to know they came back.
RESOLUTION = timedelta(minutes=5)
SESSION_KEY = "reminders_seen"


class LastSeenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.method == "GET"
            and not request.path.startswith("/api/")
            and 200 <= response.status_code < 400
        ):
            now = timezone.now()
            last = request.session.get(SESSION_KEY)
            if last is None or now.timestamp() - float(last) > RESOLUTION.total_seconds():
                from vagus.reminders.actions import mark_seen

                mark_seen(user, now)
                request.session[SESSION_KEY] = now.timestamp()
        return response
