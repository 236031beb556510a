"""The timeline: logged days, one small chart per measure fitted to the days with data, the
same numbers in its table, a fixed number of queries however long the diary."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vagus.charts.timeseries import Series, panel
from vagus.diary import actions, charts, wording

SVG = "{http://www.w3.org/2000/svg}"
pytestmark = pytest.mark.django_db


def log_days(person, count, first_offset=0):
    today = person.today()
    for offset in range(first_offset, first_offset + count):
        actions.save_checkin(
            person, today - timedelta(days=offset), {"anxiety": offset % 11, "gut_pain": 2}
        )


def svgs(page: str) -> list:
    # Charts only: the menu's and legends' icons are SVG too (class "icon").
    charts = re.findall(r'<svg(?! class="icon").*?</svg>', page, re.S)
    return [ElementTree.fromstring(s) for s in charts]


def test_timeline_lists_days_and_draws_a_panel_per_measure(person, person_client):
    log_days(person, 3)
    page = person_client.get(reverse("diary:timeline")).content.decode()
    assert page.count('<tr>\n    <th scope="row">') == 3
    panels = svgs(page)
    titles = [p.find(f"{SVG}title").text for p in panels]
    assert titles == [label for _, label, _, _ in charts.HEADLINE]
    anxiety, _, gut, *_ = panels
    assert len(anxiety.findall(f".//{SVG}polyline")) == 1  # three days in a row: one line
    assert len(gut.findall(f".//{SVG}g[@class='mark']")) == 3
    assert "Anxiety: 3 days logged" in page and "average 1.0" in page  # each panel's description


def test_the_marks_carry_the_numbers_of_the_table(person, person_client):
    log_days(person, 4)
    page = person_client.get(reverse("diary:timeline")).content.decode()
    anxiety = svgs(page)[0]
    from_marks = sorted(
        (g.get("data-key"), g.find(f"{SVG}title").text.rsplit(" ", 1)[1])
        for g in anxiety.iter(f"{SVG}g")
        if g.get("class") == "mark"
    )
    today = person.today()
    expected = sorted(((today - timedelta(days=i)).isoformat(), str(i)) for i in range(4))
    assert from_marks == expected
    # The visible table lists the same values, newest first.
    cells = re.findall(r'<th scope="row"><a [^>]*>[^<]*</a></th>\s*<td>([^<]*)</td>', page)
    assert cells == ["0", "1", "2", "3"]


def test_a_year_starts_at_the_first_entry_and_says_so(person, person_client):
    log_days(person, 20, first_offset=10)  # the first entry was 29 days ago
    page = person_client.get(reverse("diary:timeline"), {"days": 365}).content.decode()
    first = person.today() - timedelta(days=29)
    assert f"From {first.day} {first:%B %Y}, your first entry" in page
    anxiety = svgs(page)[0]
    desc = anxiety.find(f"{SVG}desc").text
    assert f"from {first.day} {first:%B %Y}" in desc  # the chart's own range starts there too
    xs = sorted(float(g.get("data-x")) for g in anxiety.iter(f"{SVG}g") if g.get("data-x"))
    assert xs[0] < 40  # the first dot is at the left edge, not two-thirds in


def test_fitted_start_keeps_at_least_a_week():
    end = date(2026, 3, 31)
    start = end - timedelta(days=364)
    assert charts.fitted_start(None, start, end) == start
    assert charts.fitted_start(date(2026, 3, 3), start, end) == date(2026, 3, 3)
    assert charts.fitted_start(end, start, end) == end - timedelta(days=6)
    assert charts.fitted_start(start - timedelta(days=3), start, end) == start


def test_range_words_say_when_the_data_starts():
    end = date(2026, 3, 31)
    said = wording.timeline_range(date(2026, 3, 3), end, date(2026, 3, 3), True)
    assert said == "From 3 March 2026, your first entry, to 31 March 2026."
    said = wording.timeline_range(date(2026, 3, 3), end, date(2026, 3, 3), False)
    assert "the first day you logged in this range" in said
    assert wording.timeline_range(date(2026, 3, 1), end, date(2026, 2, 1), False).startswith(
        "From 1 March 2026 to"
    )


@pytest.mark.parametrize("days", [30, 90, 365])
def test_timeline_query_count_does_not_grow_with_the_diary(person, person_client, days):
    log_days(person, 5)
    # The first page of a visit also notes that the person came back (once per few minutes).
    person_client.get(reverse("diary:timeline"), {"days": days})
    with CaptureQueriesContext(connection) as few:
        person_client.get(reverse("diary:timeline"), {"days": days})
    log_days(person, 60)
    with CaptureQueriesContext(connection) as many:
        person_client.get(reverse("diary:timeline"), {"days": days})
    assert len(many) == len(few) <= 10


def test_unknown_range_falls_back_to_30_days(person_client):
    page = person_client.get(reverse("diary:timeline"), {"days": "abc"}).content.decode()
    assert "last 30 days" in page


def test_gaps_break_the_line():
    start = date(2026, 1, 1)
    values = {start: 3.0, start + timedelta(days=1): 4.0, start + timedelta(days=5): 6.0}
    svg = panel(
        Series("Anxiety", values, low=0, high=10), start, start + timedelta(days=9), chart_id="t"
    )
    assert svg.count("<polyline") == 1  # days 1–2 joined
    assert svg.count("<circle") == 3  # every day is a mark; day 6 stands alone
