"""The main menu, gathered from the apps: each AppConfig lists its entries in ``menu``."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse


def menu(request: HttpRequest) -> dict[str, Any]:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    entries = sorted(
        (order, label, url_name)
        for config in apps.get_app_configs()
        for label, url_name, order in getattr(config, "menu", [])
    )
    current = request.resolver_match
    current_name = f"{current.namespace}:{current.url_name}" if current else ""
    return {
        "menu": [
            {
                "label": label,
                "url": reverse(url_name),
                "current": current_name == url_name
                or (
                    current is not None
                    and current.app_name == url_name.split(":")[0]
                    and url_name.endswith(":index")
                ),
            }
            for _, label, url_name in entries
        ]
    }
