"""The main menu: every entry, in order, listed here."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

# (label, URL name, icon), in the order the menu shows them. Icons: vagus/icons.py.
MENU: list[tuple[str, str, str]] = [
    ("Today", "diary:today", "today"),
    ("Meals", "diary:meals", "meals"),
    ("Timeline", "diary:timeline", "timeline"),
    ("Insights", "insights:index", "insights"),
    ("Tools", "tools:index", "tools"),
    ("Experiments", "experiments:index", "experiments"),
    ("Gut microbes", "microbiome:index", "gut"),
    ("Questionnaires", "questionnaires:index", "questionnaires"),
    ("Learn", "learn:index", "learn"),
    ("Import & export", "interop:index", "import-export"),
    ("Settings", "accounts:settings", "settings"),
]
# The phone menu's last entry, standing for everything not in PHONE_MENU.
MORE_ICON = "more"

# What a phone shows in its one-line menu; the rest sits behind "More" there.
PHONE_MENU = {"diary:today", "diary:meals", "insights:index", "tools:index"}


def menu(request: HttpRequest) -> dict[str, Any]:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    current = request.resolver_match
    current_name = f"{current.namespace}:{current.url_name}" if current else ""
    items = [
        {
            "label": label,
            "url": reverse(url_name),
            "icon": icon,
            "on_phone": url_name in PHONE_MENU,
            "current": current_name == url_name
            or (
                current is not None
                and current.app_name == url_name.split(":")[0]
                and url_name.endswith(":index")
            ),
        }
        for label, url_name, icon in MENU
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
