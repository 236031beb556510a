"""Who is calling: a personal access token (scripts) or the browser session (pages)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from vagus.accounts.models import AccessToken, User


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = AccessToken.user_for(token)
        if user is not None:
            request.user = user
            # A token proves the second factor for professionals (it works only after set-up).
            request.auth_via_token = True  # type: ignore[attr-defined]
        return user


API_AUTH = [TokenAuth(), SessionAuth()]
