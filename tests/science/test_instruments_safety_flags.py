"""Safety flags are read from raw answers, before (and whatever) the rest of the form says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vagus.science import instruments

SELF_HARM = frozenset({"self_harm_risk"})


@pytest.mark.parametrize(
    "answers",
    [
        [0] * 8 + [1],
        [None] * 8 + [3],
        [0, 0, None, 0, 0, 0, 0, 0, "2"],
        ["", "", "", "", "", "", "", "", " 3 "],
        [0, 0, 0, 0, 7, 0, 0, 0, 1.0],  # item 5 out of range: the signal still stands
        [0] * 8 + [Decimal("2")],
        [0] * 8 + [1] + [0],  # one answer too many
    ],
)
def test_item_9_above_zero_raises_the_flag_in_any_form(answers):
    assert instruments.safety_flags("phq9", answers) == SELF_HARM


@pytest.mark.parametrize(
    "answers",
    [
        [0] * 9,
        [3] * 8,  # item 9 missing
        [],
        [0] * 8 + [None],
        [0] * 8 + ["often"],
        [0] * 8 + ["²"],
        [0] * 8 + [True],
        [0] * 8 + [float("nan")],
        [0] * 8 + [float("inf")],
        [0] * 8 + [4],  # out of the 0–3 range: not an answer
        [0] * 8 + [-1],
        [0] * 8 + [[3]],
        [0] * 8 + [{"value": 3}],
        "000000003",
        {9: 3},
        None,
    ],
)
def test_no_flag_and_no_error_when_item_9_is_not_an_answer_above_zero(answers):
    assert instruments.safety_flags("phq9", answers) == frozenset()


def test_huge_numbers_do_not_crash():
    assert instruments.safety_flags("phq9", [0] * 8 + [10**400]) == frozenset()
    assert instruments.safety_flags("phq9", [0] * 8 + ["9" * 5000]) == frozenset()


def test_the_flag_comes_from_each_instruments_own_rules():
    # Every instrument with a self-harm item rule raises it from that item alone; no other does.
    for code, instrument in instruments.INSTRUMENTS.items():
        rules = [
            r
            for r in instrument.flag_rules
            if r.flag in instruments.SAFETY_FLAGS and r.item is not None
        ]
        answers: list[object] = [None] * instrument.item_count
        for rule in rules:
            answers[rule.item - 1] = instrument.item_max
        expected = frozenset(r.flag for r in rules)
        assert instruments.safety_flags(code, answers) == expected, code
    assert instruments.safety_flags("phq8", [3] * 8) == frozenset()


def test_agrees_with_scoring_on_complete_answers():
    for item9 in range(4):
        answers = [1] * 8 + [item9]
        scored = instruments.score("phq9", answers).flags & instruments.SAFETY_FLAGS
        assert instruments.safety_flags("phq9", answers) == scored


def test_an_unknown_instrument_is_refused():
    with pytest.raises(instruments.UnknownInstrumentError):
        instruments.safety_flags("bdi", [3])
