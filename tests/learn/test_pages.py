"""The Learn pages render, carry the disclaimer, link to their tool, and read simply."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from vagus.learn import pages
from vagus.science import evidence

pytestmark = pytest.mark.django_db

DISCLAIMER = "Vagus does not replace professional care."
EXPLAINERS = [reverse(f"learn:{p.url_name}") for p in pages.PAGES]
ALL_PAGES = [
    reverse("learn:index"),
    reverse("learn:evidence"),
    reverse("learn:entry", args=["probiotics-anxiety"]),
    *EXPLAINERS,
]


@pytest.mark.parametrize("url", ALL_PAGES)
def test_every_learn_page_renders_with_the_disclaimer(person_client, url):
    response = person_client.get(url)
    assert response.status_code == 200
    assert DISCLAIMER in response.content.decode()


def test_between_six_and_eight_explainer_pages():
    assert 6 <= len(pages.PAGES) <= 8


@pytest.mark.parametrize("page", pages.PAGES, ids=lambda p: p.slug)
def test_each_explainer_links_to_the_tool_that_puts_it_into_practice(person_client, page):
    body = person_client.get(reverse(f"learn:{page.url_name}")).content.decode()
    assert f'href="{page.tool.path}" data-tool-link' in body
    assert page.tool.path in {pages.MEALS, pages.EXPERIMENTS, pages.TOOLS, pages.QUESTIONNAIRES}


def test_the_tools_cover_meals_experiments_breathing_and_the_gad7():
    assert {p.tool.path for p in pages.PAGES} == {
        "/meals/",
        "/experiments/",
        "/tools/",
        "/questionnaires/",
    }


def test_the_diagram_is_an_accessible_image_with_a_text_description(person_client):
    body = person_client.get(reverse("learn:both_ways")).content.decode()
    assert 'role="img"' in body and 'aria-labelledby="gba-title gba-desc"' in body
    assert '<title id="gba-title">' in body and '<desc id="gba-desc">' in body
    assert "The diagram in words" in body


def test_the_menu_offers_learn(person_client):
    body = person_client.get(reverse("learn:index")).content.decode()
    url = reverse("learn:index")
    link = f'href="{url}" aria-current="page"><svg [^>]*>.*?</svg><span>Learn</span></a>'
    assert re.search(link, body)


def test_learn_is_open_to_visitors_who_are_not_signed_in(visitor):
    for url in (reverse("learn:index"), "/learn/evidence/probiotics-anxiety/"):
        response = visitor.get(url)
        assert response.status_code == 200, url
        assert "does not replace professional care" in response.content.decode()


def prose(html: str) -> str:
    """The explainer's own words: the marked prose block, without tags, links or the diagram."""
    block = html.split("data-reading-check>", 1)[1].split('<section class="card practice"', 1)[0]
    block = re.sub(r"<svg.*?</svg>", " ", block, flags=re.S)
    block = re.sub(r'<a class="evidence-link".*?</a>', " ", block, flags=re.S)
    # List items and headings end a sentence even without a full stop.
    block = re.sub(r"</(li|h2|h3|p)>", ". ", block)
    return unescape(re.sub(r"<[^>]+>", " ", block))


def sentence_lengths(text: str) -> list[int]:
    sentences = [s for s in re.split(r"[.!?:]+(?:\s|$)", text) if re.search(r"[A-Za-z]", s)]
    return [len(s.split()) for s in sentences]


@pytest.mark.parametrize("page", pages.PAGES, ids=lambda p: p.slug)
def test_explainers_use_short_sentences(person_client, page):
    """A simple, honest reading-level check: average sentence length of at most 16 words.

    Not a full readability formula; it catches the commonest cause of hard text (long
    sentences), which is what a reading age of about 12 most depends on.
    """
    lengths = sentence_lengths(
        prose(person_client.get(reverse(f"learn:{page.url_name}")).content.decode())
    )
    assert len(lengths) >= 10
    average = sum(lengths) / len(lengths)
    assert average <= 16, f"{page.slug}: {average:.1f} words a sentence"
    assert max(lengths) <= 35, page.slug


def test_every_explainer_links_to_evidence(person_client):
    for page in pages.PAGES:
        body = person_client.get(reverse(f"learn:{page.url_name}")).content.decode()
        assert 'class="evidence-link"' in body, page.slug


def test_the_library_lists_every_entry_and_filters(person_client):
    body = person_client.get(reverse("learn:evidence")).content.decode()
    for entry in evidence.entries():
        assert reverse("learn:entry", args=[entry.id]) in body
    food = person_client.get(reverse("learn:evidence"), {"topic": "food", "grade": "early"})
    text = food.content.decode()
    assert reverse("learn:entry", args=["plant-diversity"]) in text
    assert reverse("learn:entry", args=["cbt-anxiety"]) not in text
    # Unknown filter values are ignored, not an error.
    assert person_client.get(reverse("learn:evidence"), {"grade": "nonsense"}).status_code == 200


def test_an_entry_page_shows_claim_grade_sources_and_limits(person_client):
    entry = evidence.get("probiotics-anxiety")
    body = unescape(person_client.get(reverse("learn:entry", args=[entry.id])).content.decode())
    assert entry.claim in body
    assert entry.grade_label in body
    assert "What it does not show" in body and entry.does_not_show in body
    assert "doctor or pharmacist" in body
    for source in entry.sources:
        assert source.title in body
        if source.doi:
            assert f"https://doi.org/{source.doi}" in body


def test_an_unknown_entry_is_not_found(person_client):
    assert person_client.get(reverse("learn:entry", args=["no-such-claim"])).status_code == 404
