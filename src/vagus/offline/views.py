"""The web app manifest, the service worker and the offline page: public, no personal data."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from vagus.offline import shell

THEME_COLOUR = "#1f5f8b"
BACKGROUND_COLOUR = "#fbfaf7"


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    document = {
        "name": "Vagus",
        "short_name": "Vagus",
        "description": "A diary for anxiety and gut symptoms, kept on your own server.",
        "id": "/",
        "start_url": reverse("diary:today"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("offline/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("offline/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("offline/icons/maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    return HttpResponse(json.dumps(document, indent=2), content_type="application/manifest+json")


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    offline_url = reverse("offline:offline")
    response = render(
        request,
        "offline/sw.js",
        {
            "version": shell.version(),
            "shell": json.dumps(shell.urls(offline_url)),
            "offline_url": json.dumps(offline_url),
            "static_prefix": json.dumps(static("")),
            "icon": json.dumps(static("offline/icons/icon-192.png")),
            "start_url": json.dumps(reverse("diary:today")),
        },
        content_type="application/javascript; charset=utf-8",
    )
    # The worker controls the whole site, though it is not served from the site's root folder.
    response["Service-Worker-Allowed"] = "/"
    # The browser must see a new release's worker at once (the no-store rule also applies).
    response["Cache-Control"] = "no-cache, no-store"
    return response


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker for any page that needs the server while there is none."""
    return render(request, "offline/offline.html")
