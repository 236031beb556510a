"""The charts are SVG images with a title and a description, each calendar day is a cell with
its value written in it and a text label, and the calendar has a legend: never colour alone."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from defusedxml import ElementTree

from vagus.insights import charts
from vagus.insights.patterns import Week

SVG = "{http://www.w3.org/2000/svg}"
pytestmark = pytest.mark.django_db


def _svgs(page: str) -> list:
    # Charts only: the menu's and titles' icons are SVG too (class "icon").
    charts = re.findall(r'<svg(?! class="icon").*?</svg>', page, re.S)
    return [ElementTree.fromstring(s) for s in charts]


def _check_labelled(svg, page: str) -> None:
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    desc = svg.find(f"{SVG}desc")
    assert desc.get("id") == desc_id and len(desc.text) > 20
    assert page.count(f'id="{title_id}"') == 1  # ids unique on the page


def test_insights_page_chart_has_one_dot_per_finding_and_a_table(planted, person_client):
    page = person_client.get("/insights/").content.decode()
    (svg,) = _svgs(page)
    _check_labelled(svg, page)
    findings = page.count('<p class="sentence">')
    assert findings >= 2
    assert len(svg.findall(f".//{SVG}circle")) == findings
    assert len(svg.findall(f".//{SVG}line[@class='interval']")) == findings
    assert "(0 = no difference)" in "".join(svg.itertext())
    assert '<table class="chart-data">' in page and page.count('<th scope="row">') >= findings


def test_calendar_cells_have_labels_values_and_a_legend(planted, person_client):
    page = person_client.get("/insights/calendar/?weeks=4").content.decode()
    (svg,) = _svgs(page)
    _check_labelled(svg, page)
    cells = svg.findall(f"{SVG}g")
    today = planted.today()
    past_days = 21 + today.weekday() + 1  # three full weeks and this week up to today
    assert len(cells) == past_days
    logged = [g for g in cells if g.find(f"{SVG}text") is not None]
    assert len(logged) == past_days - 1  # the planted diary ends yesterday
    for cell in logged:
        label = cell.find(f"{SVG}title").text
        value = cell.find(f"{SVG}text").text
        assert " Anxiety " in label
        assert abs(float(label.rsplit(" ", 1)[1]) - float(value)) < 0.01
    (empty,) = [g for g in cells if g.find(f"{SVG}text") is None]
    assert empty.find(f"{SVG}title").text == f"{today:%A %d %B}: not logged"
    assert page.count('class="swatch"') == len(charts.SHADES)
    assert "to under" in page  # the legend says which values each shade covers


def test_heatmap_text_colour_follows_the_shade():
    bounds = charts.shade_bounds(0, 10)
    day = date(2026, 3, 2)
    svg = charts.calendar_heatmap(
        [[(day + timedelta(days=i), float(i), False) for i in range(7)]],
        chart_id="t",
        title="t",
        label="Anxiety",
        bounds=bounds,
    )
    root = ElementTree.fromstring(svg)
    texts = {t.text: t.get("class") for t in root.iter(f"{SVG}text") if "value" in t.get("class")}
    assert texts["0"] == "value dark" and texts["6"] == "value light"


def test_weekly_chart_and_empty_charts():
    weeks = [
        Week(date(2026, 1, 5) + timedelta(weeks=i), 4.0 + i, 7, 3.0 + i, 5.0 + i) for i in range(3)
    ]
    chart = charts.weekly_chart(weeks, chart_id="w", title="W", y_max=10)
    root = ElementTree.fromstring(chart.svg)
    assert root.get("role") == "img"
    assert len(root.findall(f".//{SVG}circle")) == 3
    assert "latest 6.0" in root.find(f"{SVG}desc").text
    assert [row[1] for row in chart.table.rows] == ["4.0", "5.0", "6.0"]
    assert str(charts.weekly_chart([], chart_id="w", title="W", y_max=10)) == ""
    assert str(charts.interval_chart([], chart_id="i", title="I", desc="", axis_label="")) == ""


@pytest.mark.parametrize("path", ["/insights/weekly/", "/insights/levels/"])
def test_descriptive_pages_have_labelled_charts_and_tables(planted, person_client, path):
    page = person_client.get(path).content.decode()
    (svg,) = _svgs(page)
    _check_labelled(svg, page)
    assert '<table class="chart-data">' in page
