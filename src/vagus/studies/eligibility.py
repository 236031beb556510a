"""The eligibility screener: simple rules, and refusals that blame no one.

Pure Python. The answers are checked and then forgotten: only whether the person could take
part is acted on, nothing of the screening is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vagus.science import instruments
from vagus.studies.protocol import Eligibility

KIND_REFUSAL = (
    "Thank you for your interest. This study is looking for a particular group of people, "
    "and from your answers it is not the right fit this time. This says nothing about you, "
    "and Vagus works just the same for you on your own."
)


@dataclass(frozen=True)
class Screening:
    age: int | None
    answers: tuple[bool, ...]
    gad7: tuple[int, ...] = ()


def is_eligible(rules: Eligibility, screening: Screening) -> bool:
    if rules.min_age is not None or rules.max_age is not None:
        if screening.age is None:
            return False
        if rules.min_age is not None and screening.age < rules.min_age:
            return False
        if rules.max_age is not None and screening.age > rules.max_age:
            return False
    if len(screening.answers) != len(rules.questions):
        return False
    for (_, required), answer in zip(rules.questions, screening.answers, strict=True):
        if answer != required:
            return False
    if rules.asks_gad7:
        total = gad7_total(screening.gad7)
        if total is None:
            return False
        if rules.gad7_min is not None and total < rules.gad7_min:
            return False
        if rules.gad7_max is not None and total > rules.gad7_max:
            return False
    return True


def gad7_total(answers: Sequence[int]) -> int | None:
    try:
        return int(instruments.score("gad7", list(answers)).total)
    except ValueError:
        return None
