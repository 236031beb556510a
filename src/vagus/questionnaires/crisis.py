"""Crisis contacts by country: data only, each entry with the page it was checked against.

Review every entry at least every six months (docs/safety.md, hazard H6): numbers change. Only
long-established national services are listed; when in doubt an entry is left out, and every page
also says "your local emergency number", which is right everywhere.

The country shown is the person's choice on the crisis page, else ``VAGUS_CRISIS_COUNTRY``
(settings.CRISIS_COUNTRY), else a guess from their time zone, else the international entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

INTERNATIONAL = "INTL"
# When the entries below were last compared with sources: every number and how to reach it
# matched the services' own pages or national news reports about them (e.g. the Samaritans'
# free 116 123 in the UK and Ireland, Canada's 988 launch, New Zealand's 1737). Compared with
# stored copies, not the live sites: an operator should still open each source link.
CHECKED = date(2026, 11, 29)


@dataclass(frozen=True)
class Way:
    """One tap that reaches a service: a call (``tel:``) or a text (``sms:``)."""

    label: str  # what the link says: "Call 116 123", "Text SHOUT to 85258"
    href: str


@dataclass(frozen=True)
class Service:
    name: str
    contact: str  # what to dial or text, as people say it
    how: str  # when and how to reach it (the numbers themselves are the links)
    source: str  # the service's own page
    call: str = ""  # the number to call, as written ("116 123"); empty if none
    text: str = ""  # the number to text; empty if none
    body: str = ""  # the keyword the text line asks for, pre-filled in the message

    @property
    def ways(self) -> tuple[Way, ...]:
        ways = []
        if self.call:
            ways.append(Way(f"Call {self.call}", tel_href(self.call)))
        if self.text:
            label = f"Text {self.body} to {self.text}" if self.body else f"Text {self.text}"
            ways.append(Way(label, sms_href(self.text, self.body)))
        return tuple(ways)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency: str
    services: tuple[Service, ...]
    source: str  # where the emergency number and the list were checked
    checked: date = CHECKED

    @property
    def emergency_calls(self) -> tuple[Way, ...]:
        """Each emergency number as a call link ("112 or 999" is two); none for INTL."""
        return tuple(Way(n, tel_href(n)) for n in re.findall(r"\d[\d ]*\d", self.emergency))


def tel_href(number: str) -> str:
    """``tel:116123``: digits only, dialled as written (short national codes have no prefix)."""
    return "tel:" + re.sub(r"\D", "", number)


def sms_href(number: str, body: str = "") -> str:
    """``sms:85258?&body=SHOUT``: the ``?&body=`` form opens with the text filled in on both
    iOS and Android; without a keyword, just the number."""
    href = "sms:" + re.sub(r"\D", "", number)
    return f"{href}?&body={quote(body)}" if body else href


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
                    call="116 123",
                ),
                Service(
                    "NHS 111",
                    "111",
                    "Call for urgent help that is not an emergency; ask for the mental health "
                    "option (England, Wales and Scotland).",
                    "https://111.nhs.uk/",
                    call="111",
                ),
                Service(
                    "Shout",
                    "Text SHOUT to 85258",
                    "Free text support, any time.",
                    "https://giveusashout.org/",
                    text="85258",
                    body="SHOUT",
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
                    call="116 123",
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
                    "Call or text any time, or chat at 988lifeline.org.",
                    "https://988lifeline.org/",
                    call="988",
                    text="988",
                ),
                Service(
                    "Crisis Text Line",
                    "Text HOME to 741741",
                    "Free text support, any time.",
                    "https://www.crisistextline.org/",
                    text="741741",
                    body="HOME",
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
                    "Call or text any time.",
                    "https://988.ca/",
                    call="988",
                    text="988",
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
                    call="13 11 14",
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
                    "Call or text free, any time, to talk with a trained counsellor.",
                    "https://1737.org.nz/",
                    call="1737",
                    text="1737",
                ),
                Service(
                    "Lifeline Aotearoa",
                    "0800 543 354",
                    "Call free, any time.",
                    "https://www.lifeline.org.nz/",
                    call="0800 543 354",
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
