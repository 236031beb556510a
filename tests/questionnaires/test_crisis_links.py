"""Every crisis number is one tap: calls are ``tel:`` links, text lines ``sms:`` links with
the keyword already written where the service asks for one."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from vagus.questionnaires import crisis

pytestmark = pytest.mark.django_db

CRISIS = reverse("questionnaires:crisis")
LINK = re.compile(r'<a\b[^>]*href="((?:tel|sms):[^"]*)"[^>]*>(.*?)</a>', re.S)


def _contacts(page: str) -> str:
    """The two sections that list numbers, without the line saying when they were checked."""
    start = page.index('aria-labelledby="emergency-heading"')
    end = page.index('aria-labelledby="today-heading"')
    return re.sub(r'<p class="help">.*?</p>', "", page[start:end], flags=re.S)


def _links(section: str) -> list[tuple[str, str]]:
    """(href as the browser reads it, label) of every call and text link."""
    return [(html.unescape(href), label) for href, label in LINK.findall(section)]


def _hrefs(section: str) -> list[str]:
    return [href for href, _ in _links(section)]


def _page(client, code: str) -> str:
    return _contacts(client.get(CRISIS, {"country": code}).content.decode())


def test_the_known_services_link_as_their_own_pages_say(person_client):
    hrefs = {code: set(_hrefs(_page(person_client, code))) for code in crisis.COUNTRIES}
    assert {"tel:999", "tel:116123", "tel:111", "sms:85258?&body=SHOUT"} <= hrefs["GB"]
    assert {"tel:112", "tel:999", "tel:116123"} <= hrefs["IE"]
    assert {"tel:911", "tel:988", "sms:988", "sms:741741?&body=HOME"} <= hrefs["US"]
    assert {"tel:911", "tel:988", "sms:988"} <= hrefs["CA"]
    assert {"tel:000", "tel:131114"} <= hrefs["AU"]
    assert {"tel:111", "tel:1737", "sms:1737", "tel:0800543354"} <= hrefs["NZ"]
    assert hrefs[crisis.INTERNATIONAL] == set()  # a directory, linked to its site


@pytest.mark.parametrize("code", list(crisis.COUNTRIES))
def test_every_number_on_the_page_is_a_link(person_client, code):
    section = _page(person_client, code)
    country = crisis.COUNTRIES[code]
    hrefs = _hrefs(section)
    for service in country.services:
        if service.call:
            assert crisis.tel_href(service.call) in hrefs, service.name
        if service.text:
            assert crisis.sms_href(service.text, service.body) in hrefs, service.name
        assert service.call or service.text or service.contact in section, service.name
    for way in country.emergency_calls:
        assert way.href in hrefs
    # Left once every link is taken out: no phone number remains as plain text.
    plain = re.sub(r"<a\b.*?</a>", "", section, flags=re.S)
    plain = re.sub(r"<[^>]+>", " ", plain)
    for service in country.services:  # "NHS 111", "988 Suicide & Crisis Lifeline" are names
        plain = plain.replace(html.escape(service.name), "")
    assert not re.findall(r"\b\d[\d ]{1,}\d\b", plain), plain


@pytest.mark.parametrize("code", list(crisis.COUNTRIES))
def test_every_link_says_what_it_does_and_dials_digits_only(person_client, code):
    for href, label in _links(_page(person_client, code)):
        scheme, rest = href.split(":", 1)
        number, _, query = rest.partition("?")
        assert number.isdigit(), href
        assert query in ("", "&body=SHOUT", "&body=HOME"), href
        words = re.sub(r"<[^>]+>", "", label)
        digits = re.sub(r"\D", "", words.split(",")[0])
        assert digits == number, (href, label)  # the label shows the number it dials
        if scheme == "sms":
            assert words.startswith("Text "), label


def test_every_service_can_be_reached_in_one_tap_or_is_a_website():
    for country in crisis.COUNTRIES.values():
        assert country.emergency_calls or country.code == crisis.INTERNATIONAL
        for service in country.services:
            assert service.ways or service.contact.endswith(".com"), service.name
            if service.body:
                assert service.text and service.body in service.contact, service.name


def test_sms_links_use_the_form_both_phones_open():
    assert crisis.sms_href("85258", "SHOUT") == "sms:85258?&body=SHOUT"
    assert crisis.sms_href("988") == "sms:988"
    assert crisis.sms_href("123", "two words") == "sms:123?&body=two%20words"
    assert crisis.tel_href("0800 543 354") == "tel:0800543354"
