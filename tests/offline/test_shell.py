"""The service worker, manifest and offline page: public, fresh, and holding nothing personal."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from vagus.offline import shell

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_at_the_root_and_never_cached(visitor):
    answer = visitor.get("/sw.js")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/javascript")
    assert answer["Service-Worker-Allowed"] == "/"
    assert "no-store" in answer["Cache-Control"]
    script = answer.content.decode()
    assert f'var VERSION = "{shell.version()}";' in script
    precached = json.loads(re.search(r"var SHELL = (\[.*?\]);", script).group(1))
    assert "/offline/" in precached
    assert "/static/vagus/site.css" in precached
    assert "/static/offline/icons/icon-192.png" in precached
    # Only Vagus's own public files: no pages, no API, no third-party static files.
    assert all(url == "/offline/" or url.startswith("/static/") for url in precached)
    assert not any("ninja" in url for url in precached)


def test_a_changed_static_file_gives_a_new_cache_version(tmp_path, monkeypatch):
    css = tmp_path / "site.css"
    css.write_text("body { color: black; }")
    monkeypatch.setattr(shell, "static_files", lambda: (("vagus/site.css", css),))
    shell.version.cache_clear()
    before = shell.version()
    css.write_text("body { color: navy; }")
    shell.version.cache_clear()
    assert shell.version() != before
    shell.version.cache_clear()


def test_the_offline_page_is_public_and_nobodys(person_client, visitor):
    signed_in = person_client.get(reverse("offline:offline")).content.decode()
    assert "No connection" in signed_in
    assert "alice" not in signed_in  # the worker fetches it with the cookie; it shows no one
    assert visitor.get(reverse("offline:offline")).status_code == 200


def test_the_manifest_starts_at_today(visitor):
    manifest = json.loads(visitor.get(reverse("offline:manifest")).content)
    assert manifest["start_url"] == reverse("diary:today")
    assert manifest["display"] == "standalone"
