"""The questionnaire rule: a self-harm answer always calls for an alert, even in refused input."""

from __future__ import annotations

import pytest

from vagus.safety.questionnaire_flags import SELF_HARM, raw_answers_need_alert, score_needs_alert


def test_item_nine_above_zero_needs_an_alert_whatever_the_rest():
    assert raw_answers_need_alert("phq9", [0] * 8 + [1])
    assert raw_answers_need_alert("phq9", [None, "x", None, None, None, None, None, None, "3"])
    assert raw_answers_need_alert("phq9", [None] * 8 + [3])


@pytest.mark.parametrize(
    ("code", "answers"),
    [
        ("phq9", [3] * 8 + [0]),  # a high total alone is no self-harm answer
        ("phq9", [0] * 8 + ["three"]),  # not a number: cannot come from answering
        ("phq9", [0] * 8 + [7]),  # out of range
        ("phq8", [3] * 8),  # no self-harm item
        ("gad7", [3] * 7),
        ("no-such-questionnaire", [3] * 9),
    ],
)
def test_other_answers_need_none(code, answers):
    assert not raw_answers_need_alert(code, answers)


def test_a_score_needs_an_alert_only_with_the_self_harm_flag():
    assert score_needs_alert([SELF_HARM])
    assert score_needs_alert(frozenset({SELF_HARM, "other"}))
    assert not score_needs_alert([])
    assert not score_needs_alert(None)
