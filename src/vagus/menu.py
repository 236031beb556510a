"""The main menu, gathered from the apps: each AppConfig lists its entries in ``menu``."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

# What a phone shows in its one-line menu; the rest sits behind "More" there.
PHONE_MENU = {"diary:today", "diary:meals", "insights:index", "tools:index"}


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
    items = [
        {
            "label": label,
            "url": reverse(url_name),
            "on_phone": url_name in PHONE_MENU,
            "current": current_name == url_name
            or (
                current is not None
                and current.app_name == url_name.split(":")[0]
                and url_name.endswith(":index")
            ),
        }
        for _, label, url_name in entries
    ]
    # On a phone, "More" stands for every page that is not in the short menu.
    more_current = current_name == ":more" or any(
        item["current"] and not item["on_phone"] for item in items
    )
    return {"menu": items, "more_current": more_current}


@login_required
def more(request: HttpRequest) -> HttpResponse:
    """Every part of Vagus in one list: the phone menu's "More"."""
    return render(request, "more.html")
