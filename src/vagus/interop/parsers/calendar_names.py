"""Dates written in the phone's language: "7 września", "June 22", "22 de junio".

Month and weekday names come from the CLDR data Babel ships (every locale; "format" and
"stand-alone" contexts, wide and abbreviated), never from a hand list. One word can name
different months in different languages ("listopad" is November in Polish, October in
Croatian), so each name keeps the languages it belongs to, and the weekday written beside the
date decides: only a language in which both the month and the weekday fit is believed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from functools import lru_cache

from babel import Locale, localedata

CONTEXTS = ("format", "stand-alone")
WIDTHS = ("wide", "abbreviated")
YEARS_BACK = 28  # a day and weekday repeat within 28 years: look no further for a missing year
# Little words between the day and the month in some languages ("22 de junio").
FILLERS = {"de", "del", "di", "do", "da", "d", "of", "le", "el", "la"}
_NUMBER = re.compile(r"\d{1,2}")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

Names = dict[str, frozenset[tuple[str, int]]]  # name → {(locale, month 1–12 or weekday 0–6)}


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip(" .,\u00a0").casefold()


def _plain(text: str) -> str:
    """Without accents: files typed or converted on the way sometimes lose them."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _tables() -> tuple[Names, Names]:
    months: dict[str, set[tuple[str, int]]] = defaultdict(set)
    weekdays: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        language = locale.language
        for context in CONTEXTS:
            for width in WIDTHS:
                for table, names in ((months, locale.months), (weekdays, locale.days)):
                    for number, name in names[context][width].items():
                        word = normalise(name)
                        for form in {word, _plain(word)}:
                            table[form].add((language, int(number)))
    return (
        {k: frozenset(v) for k, v in months.items()},
        {k: frozenset(v) for k, v in weekdays.items()},
    )


def _month_candidates(words: str) -> frozenset[tuple[str, int]]:
    """Every (language, month) the words may name: the whole text ("de mayo" is a month name
    in Aragonese) and each word ("mayo" in Spanish), so the weekday can choose."""
    months, _ = _tables()
    whole = normalise(" ".join(words.split()))
    forms = {whole, _plain(whole)}
    for word in _WORD.findall(whole):
        if word not in FILLERS:
            forms |= {word, _plain(word)}
    return frozenset().union(*(months.get(form, frozenset()) for form in forms))


def _weekday_candidates(text: str) -> frozenset[tuple[str, int]]:
    _, weekdays = _tables()
    word = normalise(text)
    return weekdays.get(word) or weekdays.get(_plain(word)) or frozenset()


class DateProblem(ValueError):
    """Why a written date cannot be read, in words for the person."""


def read_day(text: str, weekday: str, year: int | None, latest: date) -> date:
    """The day ``text`` (a day number and a month name in any order and language) names.

    ``weekday`` (may be empty) must fit in the same language. Without ``year``, the latest
    year up to ``latest`` in which the day falls on ``weekday`` is taken.
    """
    numbers = _NUMBER.findall(text)
    if len(numbers) != 1:
        raise DateProblem(f"“{text}” is not a day and a month like 7 września or June 22")
    day_number = int(numbers[0])
    months = _month_candidates(_NUMBER.sub(" ", text, count=1))
    if not months:
        raise DateProblem(f"“{text}” has no month name Vagus knows")
    weekdays = _weekday_candidates(weekday) if weekday.strip() else frozenset()
    # A weekday word no language knows decides nothing (the date is still read).
    years = [year] if year is not None else range(latest.year, latest.year - YEARS_BACK, -1)
    for candidate_year in years:
        found = set()
        for language, month in months:
            try:
                day = date(candidate_year, month, day_number)
            except ValueError:
                continue
            if year is None and day > latest:
                continue
            if weekdays and (language, day.weekday()) not in weekdays:
                continue
            found.add(day)
        if len(found) == 1:
            return found.pop()
        if len(found) > 1:
            raise DateProblem(f"“{text}” names a different month in different languages")
    if year is None:
        raise DateProblem(f"“{text}” on a {weekday} fits no year (the file gives none)")
    if weekdays:
        raise DateProblem(f"{text} {year} is not a {weekday}")
    raise DateProblem(f"“{text} {year}” is not a date")


def is_weekday(text: str) -> bool:
    return bool(text.strip()) and bool(_weekday_candidates(text))


def has_month(text: str) -> bool:
    return len(_NUMBER.findall(text)) == 1 and bool(_month_candidates(_NUMBER.sub(" ", text)))
