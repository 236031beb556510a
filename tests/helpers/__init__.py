"""Shared test helpers that need no Django (those that do are in ``tests.helpers.db``)."""

from __future__ import annotations

PASSWORD = "a-long-calm-passphrase-42"


def open_from_menu(page, label: str) -> None:
    """Follow a main-menu entry as a person would: straight from the menu where it shows,
    through "More" on a phone where it does not."""
    nav = page.get_by_role("navigation", name="Main")
    link = nav.get_by_role("link", name=label, exact=True)
    if not link.is_visible():
        nav.get_by_role("link", name="More", exact=True).click()
        link = page.locator("main").get_by_role("link", name=label, exact=True)
    link.click()


def serious(page) -> list[str]:
    """axe-core's serious and critical violations on the page, one readable line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def zone_far_from_midnight() -> str:
    """A time zone where it is now around midday, for tests whose "today" must not roll over
    while they run (or start a few minutes before a local midnight)."""
    from datetime import UTC, datetime

    hour = datetime.now(UTC).hour
    offset = 12 - hour  # Etc/GMT-N is N hours *ahead* of UTC (the POSIX sign is reversed)
    if offset > 12:
        offset -= 24
    if offset < -12:
        offset += 24
    return "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"
