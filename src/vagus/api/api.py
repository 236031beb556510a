"""The API object: authentication, error shapes, and the list of the apps' routers."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.parser import Parser

import vagus
from vagus.api.auth import API_AUTH
from vagus.api.docs import VagusDocs
from vagus.api.schemas import ERROR_RESPONSES, error_responses_for
from vagus.diary.actions import DiaryInputError
from vagus.diary.api import router as diary_router
from vagus.experiments.api import router as experiments_router
from vagus.insights.api import router as insights_router
from vagus.interop.api import router as interop_router
from vagus.learn.api import router as learn_router
from vagus.offline.api import router as offline_router
from vagus.push.api import router as push_router
from vagus.questionnaires.api import router as questionnaires_router
from vagus.sharing.api import router as sharing_router
from vagus.text import UnsafeTextError, refuse_unsafe_text
from vagus.tools.api import router as tools_router

# Python refuses to read an integer of more digits than this (ValueError: Exceeds the limit).
_MAX_INT_DIGITS = 4000


def _integer(literal: str) -> int | float:
    """A JSON integer; one too long to be a number anyone means is read as ±infinity, which
    every field's range check then refuses naming the field (instead of one unnamed 400)."""
    if len(literal.lstrip("-")) > _MAX_INT_DIGITS:
        return float("-inf") if literal.startswith("-") else float("inf")
    return int(literal)


class _JsonParser(Parser):
    """JSON bodies, refusing text that cannot be stored (a NUL, a lone UTF-16 surrogate)
    anywhere in them, so no route can store it and every route names the field."""

    def parse_body(self, request: HttpRequest) -> dict:
        data = json.loads(request.body, parse_int=_integer)
        # django-ninja turns any parser error into 400 "Cannot parse request body", keeping the
        # error as its cause; _http_error below answers with the field instead.
        refuse_unsafe_text(data, "")
        return data


class _VagusAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """The generated schema, with the error answers every route can give (400 bad input,
        422 wrong types, 404 no such row of yours) declared where a route takes input."""
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {}).update(ERROR_RESPONSES)
        for methods in schema.get("paths", {}).values():
            for operation in methods.values():
                responses = operation.setdefault("responses", {})
                for status, answer in error_responses_for(operation).items():
                    if status not in responses and str(status) not in responses:
                        responses[status] = answer
        return schema


api = _VagusAPI(
    parser=_JsonParser(),
    title="Vagus API",
    version=vagus.__version__,
    description=(
        "Your diary as JSON. Authenticate with a personal access token "
        "(`Authorization: Bearer vgs_…`, made on the Settings page) or your browser session. "
        "Every route answers only with the calling person's own data, except a clinician's "
        "routes (`/clinician/…`), which answer with what people chose to share with that "
        "clinician, read-only, each read recorded for the person. A clinician's token works "
        "only once two-factor sign-in is set up.\n\n"
        "Bad input writes nothing and answers 400 with `errors` naming each field, or 422 (a "
        "value of the wrong type, with `loc` naming it). Days and times are in your own time "
        "zone: a day or time in the future where you are, or before 1900, is refused (400). "
        "Text may not hold a NUL character or a lone UTF-16 surrogate (400)."
    ),
    auth=API_AUTH,
    urls_namespace="api",
    docs=VagusDocs(),
)


@api.exception_handler(DiaryInputError)
def _bad_input(request: HttpRequest, exc: DiaryInputError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc), "errors": exc.errors}, status=400)


@api.exception_handler(UnsafeTextError)
def _unsafe_text(request: HttpRequest, exc: UnsafeTextError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc), "errors": exc.errors}, status=400)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, UnsafeTextError):  # raised by _JsonParser
        return _unsafe_text(request, exc.__cause__)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


# Each app owns its routes in vagus/<app>/api.py; this list is every router the API serves.
ROUTERS = [
    diary_router,
    questionnaires_router,
    insights_router,
    experiments_router,
    tools_router,
    interop_router,
    learn_router,
    offline_router,
    push_router,
    sharing_router,
]
for _router in ROUTERS:
    api.add_router("/", _router)
