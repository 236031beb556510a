"""The API object: authentication, error shapes, and the list of the apps' routers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.parser import Parser

import vagus
from vagus.api.auth import API_AUTH
from vagus.api.docs import VagusDocs
from vagus.diary.actions import DiaryInputError
from vagus.diary.api import router as diary_router
from vagus.experiments.api import router as experiments_router
from vagus.insights.api import router as insights_router
from vagus.interop.api import router as interop_router
from vagus.learn.api import router as learn_router
from vagus.questionnaires.api import router as questionnaires_router
from vagus.text import NUL
from vagus.tools.api import router as tools_router


class _JsonParser(Parser):
    """JSON bodies, refusing a NUL character anywhere (PostgreSQL cannot store one)."""

    def parse_body(self, request: HttpRequest) -> dict:
        if b"\\u0000" in request.body or NUL.encode() in request.body:
            # django-ninja answers any parser error with 400 "Cannot parse request body".
            raise HttpError(400, "The request contains a NUL character, which cannot be stored.")
        return super().parse_body(request)


api = NinjaAPI(
    parser=_JsonParser(),
    title="Vagus API",
    version=vagus.__version__,
    description=(
        "Your diary as JSON. Authenticate with a personal access token "
        "(`Authorization: Bearer vgs_…`, made on the Settings page) or your browser session. "
        "Every route answers only with the calling person's own data."
    ),
    auth=API_AUTH,
    urls_namespace="api",
    docs=VagusDocs(),
)


@api.exception_handler(DiaryInputError)
def _bad_input(request: HttpRequest, exc: DiaryInputError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc), "errors": exc.errors}, status=400)


# Each app owns its routes in vagus/<app>/api.py; this list is every router the API serves.
ROUTERS = [
    diary_router,
    questionnaires_router,
    insights_router,
    experiments_router,
    tools_router,
    interop_router,
    learn_router,
]
for _router in ROUTERS:
    api.add_router("/", _router)
