"""The app shell a device keeps: which files, and the version that names their cache.

Only public files: Vagus's own static files and the offline page. No personal page is
ever cached on the device (a phone may be shared).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.templatetags.static import static

import vagus

PACKAGE_DIR = Path(vagus.__file__).resolve().parent


@cache
def static_files() -> tuple[tuple[str, Path], ...]:
    """Every static file of Vagus's own apps (not third-party ones), as (name, path)."""
    found: dict[str, Path] = {}
    for finder in finders.get_finders():
        for name, storage in finder.list([]):
            path = Path(storage.path(name)).resolve()
            if PACKAGE_DIR in path.parents and name not in found:
                found[name] = path
    return tuple(sorted(found.items()))


@cache
def version() -> str:
    """A hash of every shell file: a release that changes one gets a new cache."""
    digest = hashlib.sha256()
    for name, path in static_files():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def urls(offline_url: str) -> list[str]:
    return [offline_url, *(static(name) for name, _ in static_files())]
