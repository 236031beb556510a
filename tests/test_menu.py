"""The menu: one list; a phone shows a short row and "More" holds the rest."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from vagus.menu import MENU, PHONE_MENU, PROFESSIONAL_MENU, WIDE_MENU

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


def test_a_wide_screen_shows_the_main_pages_and_more_holds_the_rest(person_client):
    assert every_entry() > WIDE_MENU >= PHONE_MENU
    page = person_client.get(reverse("accounts:settings")).content.decode()
    # Settings is not in the wide row, so both "More" entries are marked as the open page.
    settings = '<a href="/accounts/settings/" aria-current="page">'
    assert f'<li class="not-on-phone not-on-wide">{settings}' in page
    assert re.search(r'<li class="wide-only"><a href="/more/" aria-current="page">', page)
    timeline = person_client.get(reverse("diary:timeline")).content.decode()
    # The timeline is in the wide row: only the phone's "More" stands for it.
    assert re.search(r'<li class="wide-only"><a href="/more/">', timeline)
    assert re.search(r'<li class="phone-only"><a href="/more/" aria-current="page">', timeline)


@pytest.mark.parametrize("role", sorted(PROFESSIONAL_MENU))
def test_a_professional_menu_is_their_work_not_a_diary(role):
    from tests.helpers.sharing import signed_in
    from vagus.accounts.models import User

    user = User.objects.create_user(f"pro-{role}", password="x", role=role)
    page = signed_in(user).get(reverse("learn:index")).content.decode()
    nav = re.findall(r'<nav aria-label="Main">(.*?)</nav>', page, re.S)[0]
    for label, url_name, _ in PROFESSIONAL_MENU[role]:
        assert f'href="{reverse(url_name)}"' in nav and label in nav
    for url_name in ("diary:today", "diary:meals", "insights:index", "more"):
        assert f'href="{reverse(url_name)}"' not in nav, url_name
    assert "not-on-" not in nav  # a short menu shows whole at every width
