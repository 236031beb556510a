"""The results page: the total in calm words, change with its cited meaning, a banded chart."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from vagus.questionnaires import actions, wording

pytestmark = pytest.mark.django_db

# Words that would turn a score into a diagnosis or into medication advice.
FORBIDDEN = [
    r"\byou have (generali[sz]ed )?anxiety",
    r"\byou have depression",
    r"\byou are depressed",
    r"\bdiagnosed with",
    r"\b(start|stop|increase|reduce|change) (your )?(medication|dose|pills)",
    r"\bantidepressant",
    r"\bSSRI",
]


def answer(user, code, answers, days_ago=0):
    when = timezone.now() - timedelta(days=days_ago)
    return actions.record_response(user, code, answers, when).response


def page(client, response) -> str:
    return client.get(reverse("questionnaires:result", args=[response.uuid])).content.decode()


def test_total_in_plain_words(person, person_client):
    response = answer(person, "gad7", [2, 2, 2, 2, 2, 1, 1])
    html = page(person_client, response)
    assert "Your answers add up to 12 of 21, in the range usually called moderate anxiety." in html
    assert "not a diagnosis" in html
    assert "This is your first GAD-7" in html


def test_band_labels_read_as_words():
    assert wording.band_phrase("phq9", "moderately_severe") == "moderately severe depression"
    assert wording.band_phrase("gad2", "positive") == "a positive screen for anxiety"
    assert "remission" in wording.total_sentence("ibs_sss", 60, "remission")


def test_a_meaningful_improvement_cites_its_threshold(person, person_client):
    answer(person, "gad7", [3, 3, 2, 2, 2, 2, 2], days_ago=7)  # 16
    latest = answer(person, "gad7", [2, 2, 2, 2, 2, 1, 1])  # 12
    html = page(person_client, latest)
    assert "4 points lower than last time" in html
    assert "when it was 16" in html
    assert "a real improvement" in html
    assert "Toussaint" in html  # the study behind the 4-point threshold


def test_a_small_change_is_called_ordinary_ups_and_downs(person, person_client):
    answer(person, "gad7", [2, 2, 2, 2, 1, 1, 1], days_ago=7)  # 11
    latest = answer(person, "gad7", [2, 2, 2, 2, 2, 1, 1])  # 12
    html = page(person_client, latest)
    assert "1 point higher than last time" in html
    assert "ordinary ups and downs" in html


def test_a_meaningful_rise_is_met_calmly(person, person_client):
    answer(person, "phq8", [0] * 8, days_ago=14)
    latest = answer(person, "phq8", [1] * 8)
    html = page(person_client, latest)
    assert "8 points higher" in html
    assert "no published figure" in html  # PHQ-8 has no cited threshold, so no verdict


def test_history_chart_is_svg_with_shaded_bands(person, person_client):
    for days_ago, total_item in ((21, 3), (14, 2), (7, 1)):
        answer(person, "gad7", [total_item] * 7, days_ago=days_ago)
    latest = answer(person, "gad7", [0] * 7)
    html = page(person_client, latest)
    chart = html.index("<svg", html.index('<main id="main"'))  # past the menu's icons
    svg = html[chart : html.index("</svg>", chart)]
    assert len(re.findall(r'<rect class="band band-\d"', svg)) == 4  # minimal … severe
    assert svg.count('class="dot score-point"') == 4
    assert "Severe" in svg and "Minimal" in svg  # bands named, not colour alone
    # The only scripts are the app's own files (the chart readout, the offline helper every page
    # loads): nothing inline, nothing from elsewhere.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    sources = sorted(re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _ in scripts)
    assert sources == ["/static/offline/offline.js", "/static/vagus/charts.js"]
    assert all(not body.strip() for _, body in scripts)
    assert "cdn" not in html.lower()


@pytest.mark.parametrize(
    ("code", "answers"),
    [
        ("gad7", [3] * 7),
        ("phq9", [3] * 8 + [0]),
        ("phq8", [3] * 8),
        ("phq4", [3] * 4),
        ("gad2", [3, 3]),
        ("ibs_sss", [450]),
    ],
)
def test_no_diagnosis_and_no_medication_advice(person, person_client, code, answers):
    html = page(person_client, answer(person, code, answers))
    for pattern in FORBIDDEN:
        assert not re.search(pattern, html, re.IGNORECASE), pattern


def test_someone_elses_result_is_not_found(person, other_person, client_of):
    response = answer(person, "gad7", [1] * 7)
    bob = client_of(other_person)
    assert bob.get(reverse("questionnaires:result", args=[response.uuid])).status_code == 404
