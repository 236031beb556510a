"""The time-zone list: each country's zones in groups, no non-zones, and a clear refusal."""

from __future__ import annotations

import re
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from tests.helpers import PASSWORD

from vagus.accounts import time_zones
from vagus.accounts.models import User, validate_time_zone

pytestmark = pytest.mark.django_db

NOT_ZONES = ["Factory", "localtime", "posixrules", "Mars/Olympus", "", "Europe/"]


def _groups(page: str) -> dict[str, list[tuple[str, str]]]:
    select = re.search(r'<select name="time_zone".*?</select>', page, re.S).group(0)
    groups = {}
    for label, body in re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S):
        groups[label] = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', body)
    return groups


def _values(groups: dict[str, list[tuple[str, str]]]) -> list[str]:
    return [value for options in groups.values() for value, _ in options]


@pytest.mark.parametrize("name", ["accounts:signup", "accounts:settings"])
def test_the_list_is_each_countrys_zones(client, person, client_of, name):
    browser = client if name == "accounts:signup" else client_of(person)
    groups = _groups(browser.get(reverse(name)).content.decode())
    values = _values(groups)
    assert 350 < len(values) < 450  # the tz database's country zones, not all ~600 names
    assert len(values) == len(set(values))
    for junk in ("Factory", "localtime", "posixrules", "Etc/GMT+5", "US/Eastern", "GB", "Zulu"):
        assert junk not in values
    assert groups["United Kingdom"] == [("Europe/London", "United Kingdom")]
    assert ("Europe/Oslo", "Norway") in groups["Norway"]
    us = dict(groups["United States"])
    assert us["America/New_York"] == "United States — New York: Eastern (most areas)"
    assert "America/Los_Angeles" in us and "Pacific/Honolulu" in us
    assert groups["Other"] == [("UTC", "UTC (coordinated universal time)")]
    countries = [c for c in groups if c != "Other"]
    assert countries.index("Åland Islands") < countries.index("Albania")
    for value in values:
        zoneinfo.ZoneInfo(value)  # every one is a real zone


def test_the_list_comes_from_the_tz_database_tables():
    listed = {z.name for z in time_zones.country_zones()}
    assert "Asia/Kolkata" in listed and "Asia/Calcutta" not in listed
    assert {"Europe/London", "Pacific/Auckland", "America/Sao_Paulo"} <= listed
    assert not listed & time_zones.NOT_ZONES


@pytest.mark.parametrize("zone", NOT_ZONES)
def test_sign_up_refuses_a_non_zone_clearly(client, zone):
    data = {"username": "dan", "password1": PASSWORD, "password2": PASSWORD, "time_zone": zone}
    response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 200
    page = response.content.decode()
    if zone:
        assert f"“{zone}” is not a time zone. Choose your country" in page
    else:
        assert "Choose your time zone from the list." in page
    assert not User.objects.filter(username="dan").exists()


@pytest.mark.parametrize("zone", NOT_ZONES)
def test_settings_refuse_a_non_zone_clearly(person, person_client, zone):
    response = person_client.post(reverse("accounts:settings"), {"time_zone": zone})
    assert response.status_code == 200
    assert "not a time zone" in response.content.decode() or not zone
    person.refresh_from_db()
    assert person.time_zone == "Europe/London"


def test_sign_up_and_settings_take_a_listed_zone(client, person, person_client):
    data = {"username": "dan", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post(reverse("accounts:signup"), data | {"time_zone": "Europe/Oslo"})
    assert response.status_code == 302
    assert User.objects.get(username="dan").time_zone == "Europe/Oslo"
    response = person_client.post(reverse("accounts:settings"), {"time_zone": "America/Chicago"})
    assert response["Location"] == reverse("accounts:settings")
    person.refresh_from_db()
    assert person.time_zone == "America/Chicago"


def test_an_older_saved_name_stays_selectable(person, person_client):
    User.objects.filter(pk=person.pk).update(time_zone="US/Eastern")
    page = person_client.get(reverse("accounts:settings")).content.decode()
    assert _groups(page)["Your current setting"] == [("US/Eastern", "US/Eastern")]
    assert re.search(r'<option value="US/Eastern" selected>', page)
    response = person_client.post(reverse("accounts:settings"), {"time_zone": "US/Eastern"})
    assert response.status_code == 302


@pytest.mark.parametrize("zone", ["Factory", "localtime", "posixrules"])
def test_the_account_itself_refuses_a_non_zone(zone):
    with pytest.raises(ValidationError):
        validate_time_zone(zone)
    validate_time_zone("Europe/London")
