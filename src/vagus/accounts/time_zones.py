"""The time zones a person picks from: each country's zones, as the tz database lists them.

``zoneinfo.available_timezones()`` has about 600 names, among them legacy aliases
("US/Eastern"), fixed offsets ("Etc/GMT+5") and entries that are no place at all ("Factory",
"localtime"). People choose a country and, where it has several, a city; the tz database's own
``zone.tab`` (one line per country and zone, with a note such as "Eastern (most areas)") and
``iso3166.tab`` (country names) say exactly that, so the list is read from them rather than
kept by hand. They ship with the ``tzdata`` package and with the system's zoneinfo.
"""

from __future__ import annotations

import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

UTC = "UTC"
# Names zoneinfo offers that are not a place's clock.
NOT_ZONES = frozenset({"Factory", "localtime", "posixrules"})
# Where iso3166.tab's short name is not the one people look for.
_COUNTRY_NAMES = {"GB": "United Kingdom"}


@dataclass(frozen=True)
class Zone:
    name: str  # the IANA name stored on the account: "America/New_York"
    country: str  # "United States"
    label: str  # what the list shows: "United States — New York (Eastern, most areas)"


def _table(filename: str) -> list[list[str]]:
    """The rows of one tz database table, from tzdata if installed, else the system's copy."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", filename).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        text = ""
        for base in zoneinfo.TZPATH:
            path = Path(base) / filename
            if path.is_file():
                text = path.read_text("utf-8")
                break
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _city(name: str) -> str:
    return name.rsplit("/", 1)[-1].replace("_", " ")


@cache
def country_zones() -> tuple[Zone, ...]:
    """Every country's zones, countries in alphabetical order, zones in the table's order."""
    countries = {row[0]: row[1] for row in _table("iso3166.tab") if len(row) >= 2}
    countries.update(_COUNTRY_NAMES)
    rows = [row for row in _table("zone.tab") if len(row) >= 3]
    per_country: dict[str, int] = {}
    for row in rows:
        per_country[row[0]] = per_country.get(row[0], 0) + 1
    zones = []
    for row in rows:
        code, name = row[0], row[2]
        country = countries.get(code, code)
        if per_country[code] == 1:
            label = country
        else:
            note = f": {row[3].replace(' - ', ', ')}" if len(row) > 3 and row[3] else ""
            label = f"{country} — {_city(name)}{note}"
        zones.append(Zone(name, country, label))
    return tuple(sorted(zones, key=lambda z: _sort_key(z.country)))


def _sort_key(text: str) -> str:
    # "Åland Islands" among the A's, not after "Zimbabwe".
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def grouped_choices(current: str | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for a select with one group per country; UTC last, and ``current`` if it is a
    zone the list does not carry (an older name kept from before), so it stays selectable."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for zone in country_zones():
        groups.setdefault(zone.country, []).append((zone.name, zone.label))
    choices = list(groups.items())
    listed = {zone.name for zone in country_zones()}
    if current and current != UTC and current not in listed and is_time_zone(current):
        choices.insert(0, ("Your current setting", [(current, current.replace("_", " "))]))
    choices.append(("Other", [(UTC, "UTC (coordinated universal time)")]))
    return choices


def is_time_zone(name: str) -> bool:
    """Whether ``name`` is a real zone: one zoneinfo knows that is a place's clock."""
    return name not in NOT_ZONES and name in _all_zones()


@cache
def _all_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())
