"""The project's own icons: every menu entry and built-in measure has one, inserted hidden."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.urls import reverse

from vagus.diary.catalog import BUILTINS
from vagus.icons import FALLBACK, ICON_DIR, MEASURE_ICONS, icon_path, measure_icon_name
from vagus.menu import MENU, MORE_ICON

SVG = "{http://www.w3.org/2000/svg}svg"


def test_every_menu_entry_has_an_icon_file():
    for label, _, icon in MENU:
        assert icon_path(icon).is_file(), f"{label}: {icon}.svg is missing"
    assert icon_path(MORE_ICON).is_file()


def test_every_built_in_measure_has_its_own_icon_and_others_fall_back():
    for builtin in BUILTINS:
        assert builtin.code in MEASURE_ICONS, builtin.code
        assert icon_path(measure_icon_name(builtin.code)).is_file()
    assert measure_icon_name("my_own_thing") == FALLBACK
    assert icon_path(FALLBACK).is_file()


@pytest.mark.parametrize("path", sorted(ICON_DIR.glob("*.svg")), ids=lambda p: p.stem)
def test_each_icon_is_a_24px_line_drawing_in_the_text_colour(path):
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    assert root.tag == SVG
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("stroke") == "currentColor" and root.get("fill") == "none"
    assert len(root) > 0
    assert "style" not in path.read_text()  # the CSP allows no style attributes


def test_the_icons_ship_with_their_licence():
    licence = (ICON_DIR / "LICENSE").read_text()
    assert "AGPL-3.0-or-later" in licence


def test_the_icon_tag_is_hidden_from_assistive_technology():
    html = Template('{% load icons %}{% icon "today" %}|{% measure_icon "gut_pain" %}').render(
        Context()
    )
    first, second = html.split("|")
    for svg in (first, second):
        opening = re.match(r"<svg [^>]*>", svg)
        assert opening, svg
        assert 'aria-hidden="true"' in opening.group(0)
        assert 'focusable="false"' in opening.group(0)
        assert 'class="icon"' in opening.group(0)
    assert first == icon_path("today").read_text().strip().replace(
        "<svg ", '<svg class="icon" aria-hidden="true" focusable="false" ', 1
    )
    assert second != first


def test_an_unknown_icon_name_fails_loudly():
    with pytest.raises(FileNotFoundError):
        Template('{% load icons %}{% icon "no-such-icon" %}').render(Context())


@pytest.mark.django_db
def test_the_menu_shows_each_entry_with_its_icon_beside_its_words(person_client):
    page = person_client.get(reverse("diary:today")).content.decode()
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', page, re.S).group(1)
    # and "More" twice: the phone's and the wide row's, each standing for what its row leaves out
    assert nav.count('<svg class="icon" aria-hidden="true"') == len(MENU) + 2
    for label, _, _ in MENU:
        assert f"<span>{label.replace('&', '&amp;')}</span>" in nav
