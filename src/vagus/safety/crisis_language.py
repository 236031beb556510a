"""Clear crisis language in free text: a short, reviewed list of phrases (docs/safety.md, H10).

Matching is deliberately simple and predictable: whole phrases, case-insensitive, any run of
spaces or a line break between words, curly and straight apostrophes alike. It errs towards
showing help: "I don't want to die" matches "want to die", and that is accepted — the crisis
page is kind, and saving is never blocked. It does not try to read meaning, tone or slang, and
it is no substitute for a person: the crisis page says nobody at Vagus reads what is written.

Review: change this list only with a second reviewer, add a test for every phrase added or
removed (tests/safety/test_crisis_language.py), and note the change in docs/safety.md.
Last reviewed: 2025-06 (initial list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PHRASES: tuple[str, ...] = (
    # suicide
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "end it all",
    "take my own life",
    "taking my own life",
    "want to die",
    "wanna die",
    "wish i was dead",
    "wish i were dead",
    "better off dead",
    "better off without me",
    "no reason to live",
    "not want to be alive",
    "don't want to be alive",
    "don't want to live",
    # self-harm
    "self-harm",
    "self harm",
    "selfharm",
    "self-harming",
    "self harming",
    "hurt myself",
    "hurting myself",
    "harm myself",
    "harming myself",
    "cut myself",
    "cutting myself",
)


def _pattern(phrase: str) -> str:
    words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
    return r"\b" + r"\s+".join(words) + r"\b"


_MATCHER = re.compile("|".join(_pattern(p) for p in PHRASES), re.IGNORECASE)


def crisis_phrases(text: str) -> list[str]:
    """The crisis phrases found in ``text``, as written there (empty list: none)."""
    return [m.group(0) for m in _MATCHER.finditer(text or "")]


def mentions_crisis(texts: Iterable[str]) -> bool:
    return any(crisis_phrases(text) for text in texts)
