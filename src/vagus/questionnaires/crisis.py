"""Crisis contacts by country: data only, each entry with the page it was checked against.

Review every entry at least every six months (docs/safety.md, hazard H6): numbers change. Only
long-established national services are listed; when in doubt an entry is left out, and every page
also says "your local emergency number", which is right everywhere.

The country shown is the person's choice on the crisis page, else ``VAGUS_CRISIS_COUNTRY``
(settings.CRISIS_COUNTRY), else a guess from their time zone, else the international entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

INTERNATIONAL = "INTL"
# When the entries below were last compared with sources: every number and how to reach it
# matched the services' own pages or national news reports about them (e.g. the Samaritans'
# free 116 123 in the UK and Ireland, Canada's 988 launch, New Zealand's 1737). Compared with
# stored copies, not the live sites: an operator should still open each source link.
CHECKED = date(2026, 11, 29)


@dataclass(frozen=True)
class Service:
    name: str
    contact: str  # what to dial or text, as people say it
    how: str  # when and how to reach it
    source: str  # the service's own page


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency: str
    services: tuple[Service, ...]
    source: str  # where the emergency number and the list were checked
    checked: date = CHECKED


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country(
            "GB",
            "United Kingdom",
            "999",
            (
                Service(
                    "Samaritans",
                    "116 123",
                    "Call free, any time, day or night.",
                    "https://www.samaritans.org/",
                ),
                Service(
                    "NHS 111",
                    "111",
                    "Call for urgent help that is not an emergency; ask for the mental health "
                    "option (England, Wales and Scotland).",
                    "https://111.nhs.uk/",
                ),
                Service(
                    "Shout",
                    "Text SHOUT to 85258",
                    "Free text support, any time.",
                    "https://giveusashout.org/",
                ),
            ),
            "https://www.nhs.uk/nhs-services/mental-health-services/"
            "where-to-get-urgent-help-for-mental-health/",
        ),
        Country(
            "IE",
            "Ireland",
            "112 or 999",
            (
                Service(
                    "Samaritans Ireland",
                    "116 123",
                    "Call free, any time, day or night.",
                    "https://www.samaritans.org/ireland/",
                ),
            ),
            "https://www.samaritans.org/ireland/",
        ),
        Country(
            "US",
            "United States",
            "911",
            (
                Service(
                    "988 Suicide & Crisis Lifeline",
                    "988",
                    "Call or text 988, or chat at 988lifeline.org, any time.",
                    "https://988lifeline.org/",
                ),
                Service(
                    "Crisis Text Line",
                    "Text HOME to 741741",
                    "Free text support, any time.",
                    "https://www.crisistextline.org/",
                ),
            ),
            "https://988lifeline.org/",
        ),
        Country(
            "CA",
            "Canada",
            "911",
            (
                Service(
                    "9-8-8 Suicide Crisis Helpline",
                    "988",
                    "Call or text 988, any time.",
                    "https://988.ca/",
                ),
            ),
            "https://988.ca/",
        ),
        Country(
            "AU",
            "Australia",
            "000",
            (
                Service(
                    "Lifeline",
                    "13 11 14",
                    "Call any time, day or night.",
                    "https://www.lifeline.org.au/",
                ),
            ),
            "https://www.lifeline.org.au/",
        ),
        Country(
            "NZ",
            "New Zealand",
            "111",
            (
                Service(
                    "1737, Need to talk?",
                    "1737",
                    "Call or text 1737 free, any time, to talk with a trained counsellor.",
                    "https://1737.org.nz/",
                ),
                Service(
                    "Lifeline Aotearoa",
                    "0800 543 354",
                    "Call free, any time.",
                    "https://www.lifeline.org.nz/",
                ),
            ),
            "https://1737.org.nz/",
        ),
        Country(
            INTERNATIONAL,
            "Another country",
            "your local emergency number",
            (
                Service(
                    "Find A Helpline",
                    "findahelpline.com",
                    "A directory of free, confidential helplines in many countries.",
                    "https://findahelpline.com/",
                ),
            ),
            "https://findahelpline.com/",
        ),
    )
}

# A first guess only; the person can always pick their country on the page.
_ZONE_COUNTRY = {
    "Europe/London": "GB",
    "Europe/Belfast": "GB",
    "Europe/Dublin": "IE",
    "Australia/": "AU",
    "Pacific/Auckland": "NZ",
    "America/Toronto": "CA",
    "America/Vancouver": "CA",
    "America/Edmonton": "CA",
    "America/Winnipeg": "CA",
    "America/Halifax": "CA",
    "America/St_Johns": "CA",
    "America/New_York": "US",
    "America/Chicago": "US",
    "America/Denver": "US",
    "America/Phoenix": "US",
    "America/Los_Angeles": "US",
    "America/Anchorage": "US",
    "Pacific/Honolulu": "US",
}


def country_for(choice: str | None, configured: str | None, time_zone: str | None) -> Country:
    """The entry to show: the person's choice, the operator's setting, a zone guess, or INTL."""
    for code in (choice, configured):
        if code and code.upper() in COUNTRIES:
            return COUNTRIES[code.upper()]
    zone = time_zone or ""
    for prefix, code in _ZONE_COUNTRY.items():
        if zone == prefix or (prefix.endswith("/") and zone.startswith(prefix)):
            return COUNTRIES[code]
    return COUNTRIES[INTERNATIONAL]


def choices() -> list[tuple[str, str]]:
    return [(c.code, c.name) for c in COUNTRIES.values()]
