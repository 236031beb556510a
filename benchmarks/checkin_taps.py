"""How quick the daily check-in is on a phone (prints figures; not a test).

    .venv/bin/python benchmarks/checkin_taps.py

Starts Vagus on loopback over a fresh SQLite data directory and drives Debian's Chromium
(Playwright, /usr/bin/chromium) at 390×844, for a new person and for the demo account:

- quick check-in: from Today, one tap per question of the default quick check-in, then Save.
  Counts the taps, the pixels the page had to scroll to reach each of them, and the seconds
  from the page's load to the saved page;
- full check-in: with "More" open, how many 844 px screens the form takes, top to Save.

Goals (issue 15): quick ≤ 8 taps and ≤ 844 px scrolled; full ≤ 2 screens.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from typing import Any

PHONE = {"width": 390, "height": 844}
GOALS = {"taps": 8, "scrolled": 844, "screens": 2}
PASSWORD = "a long bench password"


def _server() -> Any:
    """A live server thread, as the browser tests use, serving static files too."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    class Thread(LiveServerThread):
        def _create_server(self, connections_override: Any = None) -> Any:
            self.static_handler = StaticFilesHandler  # type: ignore[attr-defined]
            return super()._create_server(connections_override)

    thread = Thread("127.0.0.1", StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    return thread


def _log_in(page: Any, url: str, username: str, password: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/today/")


def _answer_for(fieldset: Any) -> Any:
    """The option a person would tap: the middle of a scale, type 4, "Yes"."""
    options = fieldset.locator(".segment:not(.skip-option)")
    count = options.count()
    return options.nth(count // 2) if count else fieldset.locator("input").first


def quick_checkin(page: Any, url: str) -> dict[str, float]:
    page.goto(f"{url}/today/")
    start = time.perf_counter()
    taps, scrolled, last_y = 0, 0.0, page.evaluate("window.scrollY")
    questions = page.locator("form.checkin > fieldset.question")
    for i in range(questions.count()):
        _answer_for(questions.nth(i)).click()
        taps += 1
        y = page.evaluate("window.scrollY")
        scrolled, last_y = scrolled + abs(y - last_y), y
    save = page.get_by_role("button", name="Save today")
    save.scroll_into_view_if_needed()
    scrolled += abs(page.evaluate("window.scrollY") - last_y)
    with page.expect_navigation():
        save.click()
    taps += 1
    page.locator("#saved").wait_for()
    return {
        "questions": questions.count(),
        "taps": taps,
        "scrolled": scrolled,
        "seconds": time.perf_counter() - start,
    }


def full_checkin(page: Any, url: str) -> dict[str, float]:
    page.goto(f"{url}/today/")
    page.locator(".checkin-more > summary").click()
    box = page.evaluate(
        """() => {
            // The form's own box ends below its Save button (a sticky button's box is where
            // it sticks, not where the form ends).
            const form = document.querySelector('form.checkin').getBoundingClientRect();
            const questions = document.querySelectorAll('form.checkin fieldset.question');
            return {bottom: form.bottom + window.scrollY, questions: questions.length};
        }"""
    )
    # From the top of the page (the menu and the day's title come first) to the Save button.
    height = box["bottom"]
    return {
        "questions": box["questions"],
        "height": height,
        "screens": math.ceil(height / PHONE["height"] * 10) / 10,
    }


def main() -> int:
    data_dir = tempfile.mkdtemp(prefix="vagus-checkin-bench-")
    os.environ["VAGUS_DATA_DIR"] = data_dir
    os.environ.pop("VAGUS_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from vagus.cli import _setup

    _setup()
    from django.conf import settings
    from playwright.sync_api import sync_playwright

    from vagus.accounts.models import User
    from vagus.diary.demo import DEMO_PASSWORD, DEMO_USERNAME, create_demo_account

    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", *settings.ALLOWED_HOSTS]
    settings.DEBUG = False
    User.objects.create_user("newperson", password=PASSWORD, time_zone="Europe/London")
    create_demo_account()
    server = _server()
    url = f"http://{server.host}:{server.port}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("VAGUS_CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        for name, username, password in (
            ("new person", "newperson", PASSWORD),
            ("demo data", DEMO_USERNAME, DEMO_PASSWORD),
        ):
            context = browser.new_context(
                viewport=PHONE, locale="en-GB", timezone_id="Europe/London"
            )
            page = context.new_page()
            _log_in(page, url, username, password)
            rows.append((name, quick_checkin(page, url), full_checkin(page, url)))
            context.close()
        browser.close()
    server.terminate()

    print(f"Check-in at {PHONE['width']}×{PHONE['height']} (Chromium), SQLite in {data_dir}")
    print(
        f"{'account':<12} {'quick qs':>8} {'taps':>5} {'scrolled px':>11} {'seconds':>8}"
        f" {'full qs':>8} {'full px':>8} {'screens':>8}"
    )
    for name, quick, full in rows:
        print(
            f"{name:<12} {quick['questions']:>8.0f} {quick['taps']:>5.0f}"
            f" {quick['scrolled']:>11.0f} {quick['seconds']:>8.2f}"
            f" {full['questions']:>8.0f} {full['height']:>8.0f} {full['screens']:>8.1f}"
        )
    print(
        f"{'goal':<12} {'':>8} {'≤' + str(GOALS['taps']):>5} {'≤' + str(GOALS['scrolled']):>11}"
        f" {'':>8} {'':>8} {'':>8} {'≤' + str(GOALS['screens']):>8}"
    )
    met = all(
        q["taps"] <= GOALS["taps"]
        and q["scrolled"] <= GOALS["scrolled"]
        and f["screens"] <= GOALS["screens"]
        for _, q, f in rows
    )
    print("All goals met." if met else "Some goals not met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
