"""The main menu: every entry, in order, for each kind of account, listed here."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from vagus.accounts.roles import Role

# (label, URL name, icon), in the order the menu shows them. Icons: vagus/icons.py.
MENU: list[tuple[str, str, str]] = [
    ("Today", "diary:today", "today"),
    ("Meals", "diary:meals", "meals"),
    ("Timeline", "diary:timeline", "timeline"),
    ("Insights", "insights:index", "insights"),
    ("Tools", "tools:index", "tools"),
    ("Experiments", "experiments:index", "experiments"),
    ("Questionnaires", "questionnaires:index", "questionnaires"),
    ("Gut microbes", "microbiome:index", "gut"),
    ("Learn", "learn:index", "learn"),
    ("Import & export", "interop:index", "import-export"),
    ("Settings", "accounts:settings", "settings"),
]
# A professional keeps no diary here: their menu is the work their role does.
PROFESSIONAL_MENU: dict[str, list[tuple[str, str, str]]] = {
    Role.CLINICIAN: [
        ("People sharing with me", "sharing:dashboard", "social"),
        ("Learn", "learn:index", "learn"),
        ("Settings", "accounts:settings", "settings"),
    ],
    Role.RESEARCHER: [
        ("Studies", "studies:index", "experiments"),
        ("Learn", "learn:index", "learn"),
        ("Settings", "accounts:settings", "settings"),
    ],
}
# The menu's last entry, standing for everything the row leaves out.
MORE_ICON = "more"

# What a phone shows in its one-line menu, and what a wide screen shows; the rest sits
# behind "More". A wide row of every entry wraps onto a second line at 1280 px.
PHONE_MENU = {"diary:today", "diary:meals", "insights:index", "tools:index"}
WIDE_MENU = PHONE_MENU | {
    "diary:timeline",
    "experiments:index",
    "questionnaires:index",
    "learn:index",
}


def entries_for(user: Any) -> list[tuple[str, str, str]]:
    return PROFESSIONAL_MENU.get(getattr(user, "role", Role.PERSON), MENU)


def menu(request: HttpRequest) -> dict[str, Any]:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    current = request.resolver_match
    current_name = f"{current.namespace}:{current.url_name}" if current else ""
    entries = entries_for(request.user)
    # A short professional menu fits every row whole; only the diary's needs "More".
    whole = entries is not MENU
    items = [
        {
            "label": label,
            "url": reverse(url_name),
            "icon": icon,
            "on_phone": whole or url_name in PHONE_MENU,
            "on_wide": whole or url_name in WIDE_MENU,
            "classes": " ".join(
                name
                for name, hidden in (
                    ("not-on-phone", not whole and url_name not in PHONE_MENU),
                    ("not-on-wide", not whole and url_name not in WIDE_MENU),
                )
                if hidden
            ),
            "current": current_name == url_name
            or (
                current is not None
                and current.app_name == url_name.split(":")[0]
                and url_name.endswith(":index")
            ),
        }
        for label, url_name, icon in entries
    ]
    # "More" stands for every page the row leaves out; it is marked when one of them is open.
    more_current = current_name == ":more" or any(
        item["current"] and not item["on_wide"] for item in items
    )
    more_current_on_phone = more_current or any(
        item["current"] and not item["on_phone"] for item in items
    )
    return {
        "menu": items,
        "menu_has_more": not whole,
        "more_current": more_current,
        "more_current_on_phone": more_current_on_phone,
    }


@login_required
def more(request: HttpRequest) -> HttpResponse:
    """Every part of Vagus in one list: the menu's "More"."""
    return render(request, "more.html")
