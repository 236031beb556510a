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
    items = []
    for label, url_name, icon in entries:
        on_phone = whole or url_name in PHONE_MENU
        on_wide = whole or url_name in WIDE_MENU
        hidden_on = [name for name, shown in (("phone", on_phone), ("wide", on_wide)) if not shown]
        items.append(
            {
                "label": label,
                "url": reverse(url_name),
                "icon": icon,
                "on_phone": on_phone,
                "on_wide": on_wide,
                "classes": " ".join(f"not-on-{name}" for name in hidden_on),
                "current": current_name == url_name
                or (
                    current is not None
                    and current.app_name == url_name.split(":")[0]
                    and url_name.endswith(":index")
                ),
            }
        )
    # Each "More" stands for the pages its row leaves out, and is marked when one is open
    # (the phone's row is the shorter, so its "More" stands for more).
    on_more = current_name == ":more"
    return {
        "menu": items,
        "menu_has_more": not whole,
        "more_current": on_more or any(i["current"] and not i["on_wide"] for i in items),
        "more_current_on_phone": on_more or any(i["current"] and not i["on_phone"] for i in items),
    }


@login_required
def more(request: HttpRequest) -> HttpResponse:
    """Every part of Vagus in one list: the menu's "More"."""
    return render(request, "more.html")
