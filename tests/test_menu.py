"""The menu: one list; a phone shows a short row and "More" holds the rest."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from vagus.menu import MENU, PHONE_MENU

pytestmark = pytest.mark.django_db


def every_entry():
    return {url for _, url, _ in MENU}


def test_more_lists_every_part_of_vagus(person_client):
    page = person_client.get(reverse("more")).content.decode()
    listed = set(re.findall(r'<ul class="more-list">(.*?)</ul>', page, re.S)[0].split("href="))
    for url_name in every_entry():
        assert any(f'"{reverse(url_name)}"' in item for item in listed), url_name


def test_the_phone_row_is_short_and_more_marks_the_hidden_current_page(person_client):
    assert every_entry() >= PHONE_MENU
    assert len(PHONE_MENU) <= 5  # with "More", one row at 390 px
    page = person_client.get(reverse("diary:timeline")).content.decode()
    assert '<li class="not-on-phone"><a href="/timeline/" aria-current="page">' in page
    assert re.search(
        r'<li class="phone-only"><a href="/more/" aria-current="page"><svg .*?<span>More', page
    )
    today = person_client.get(reverse("diary:today")).content.decode()
    assert re.search(r'<li><a href="/today/" aria-current="page"><svg .*?<span>Today', today)
    assert not re.search(r'href="/more/" aria-current', today)


def test_more_needs_a_login(visitor):
    assert visitor.get(reverse("more"))["Location"].startswith(reverse("accounts:login"))
