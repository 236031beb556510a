"""A person with a row in every table that holds personal data, built by each app's module here.

Each module in this package has ``build(user, secret) -> None`` that creates at least one row
of every model its app owns, with ``secret`` inside any free text, so that the isolation and
export tests cover new apps by adding one module, never by editing those tests.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def _modules() -> list[Any]:
    infos = sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
    return [importlib.import_module(f"{__name__}.{info.name}") for info in infos]


def build_world(user: Any, secret: str) -> None:
    for module in _modules():
        module.build(user, secret)


def public_params() -> dict[str, list[str]]:
    """Path parameters naming public things (not anyone's rows), with values that exist.

    A module may set ``PUBLIC_PARAMS = {"code": ["gad7"]}`` for the routes of its app.
    """
    params: dict[str, list[str]] = {}
    for module in _modules():
        params.update(getattr(module, "PUBLIC_PARAMS", {}))
    return params


def public_routes() -> set[str]:
    """Route names anyone may open without logging in ("app:name" or "app:*").

    A module may set ``PUBLIC_ROUTES = {"learn:*"}`` for an app of public pages.
    """
    routes: set[str] = set()
    for module in _modules():
        routes |= set(getattr(module, "PUBLIC_ROUTES", ()))
    return routes
