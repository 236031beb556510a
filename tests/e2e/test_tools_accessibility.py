"""axe-core scans of every tool page at phone size: no serious or critical violations."""

from __future__ import annotations

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

from vagus.tools import actions

pytestmark = pytest.mark.e2e


def test_every_tool_page(page, live_server, login):
    person = make_person("axel")
    record = actions.save_thought_record(
        person, {"situation": "bus", "balanced_thought": "ok"}
    ).item
    entry = actions.save_journal_entry(person, "a calm evening", "sleep").item
    worry = actions.park_worry(person, "the bill").item
    for _ in range(5):
        session = actions.record_session(person, "breathing", 300, 6, 4)
    login(page, "axel", PASSWORD)
    paths = [
        "/tools/",
        "/tools/what-helps/",
        "/tools/breathing/",
        "/tools/relaxation/",
        "/tools/grounding/",
        "/tools/mindfulness/",
        "/tools/thoughts/",
        "/tools/thoughts/new/",
        f"/tools/thoughts/{record.uuid}/",
        "/tools/journal/",
        f"/tools/journal/{entry.uuid}/",
        "/tools/worry/?review=1",
        # The confirm steps before deleting.
        f"/tools/sessions/{session.uuid}/delete/",
        f"/tools/thoughts/{record.uuid}/delete/",
        f"/tools/journal/{entry.uuid}/delete/",
        f"/tools/worry/{worry.uuid}/delete/",
    ]
    found = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        found[path] = serious(page)
    assert found == {path: [] for path in paths}


@pytest.mark.parametrize("path", ["/tools/breathing/", "/tools/relaxation/", "/tools/grounding/"])
def test_running_and_finished_states(page, live_server, login, path):
    make_person("ada")
    login(page, "ada", PASSWORD)
    page.clock.install()
    page.goto(f"{live_server.url}{path}")
    page.click("#start")
    page.clock.run_for(3_000)
    assert serious(page) == []
    page.click("#stop")
    assert page.locator("#after").is_visible()
    assert serious(page) == []
