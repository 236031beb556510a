"""A person with a row in every table that holds personal data, built by each app's module here.

Each module in this package has ``build(user, secret) -> None`` that creates at least one row
of every model its app owns, with ``secret`` inside any free text, so that the isolation and
export tests cover new apps by adding one module, never by editing those tests.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def build_world(user: Any, secret: str) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}").build(user, secret)
