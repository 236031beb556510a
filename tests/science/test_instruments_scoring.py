"""Known answers: totals, every band boundary, flags and subscales."""

from __future__ import annotations

import pytest

from vagus.science import instruments


def answers_for(code: str, total: int) -> list[int]:
    """Whole-number answers summing to ``total``, filling items from the first."""
    instrument = instruments.get(code)
    answers = []
    left = total
    for _ in range(instrument.item_count):
        value = min(instrument.item_max, left)
        answers.append(value)
        left -= value
    assert left == 0, "total out of reach"
    return answers


# (code, total, band): both sides of every published cut-off, and both ends of the range.
BOUNDARIES = [
    ("gad7", 0, "minimal"),
    ("gad7", 4, "minimal"),
    ("gad7", 5, "mild"),
    ("gad7", 9, "mild"),
    ("gad7", 10, "moderate"),
    ("gad7", 14, "moderate"),
    ("gad7", 15, "severe"),
    ("gad7", 21, "severe"),
    ("phq9", 0, "minimal"),
    ("phq9", 4, "minimal"),
    ("phq9", 5, "mild"),
    ("phq9", 9, "mild"),
    ("phq9", 10, "moderate"),
    ("phq9", 14, "moderate"),
    ("phq9", 15, "moderately_severe"),
    ("phq9", 19, "moderately_severe"),
    ("phq9", 20, "severe"),
    ("phq9", 27, "severe"),
    ("phq8", 0, "minimal"),
    ("phq8", 4, "minimal"),
    ("phq8", 5, "mild"),
    ("phq8", 9, "mild"),
    ("phq8", 10, "moderate"),
    ("phq8", 14, "moderate"),
    ("phq8", 15, "moderately_severe"),
    ("phq8", 19, "moderately_severe"),
    ("phq8", 20, "severe"),
    ("phq8", 24, "severe"),
    ("gad2", 0, "negative"),
    ("gad2", 2, "negative"),
    ("gad2", 3, "positive"),
    ("gad2", 6, "positive"),
    ("phq4", 0, "normal"),
    ("phq4", 2, "normal"),
    ("phq4", 3, "mild"),
    ("phq4", 5, "mild"),
    ("phq4", 6, "moderate"),
    ("phq4", 8, "moderate"),
    ("phq4", 9, "severe"),
    ("phq4", 12, "severe"),
]


@pytest.mark.parametrize(("code", "total", "band"), BOUNDARIES)
def test_band_at_each_boundary(code: str, total: int, band: str) -> None:
    result = instruments.score(code, answers_for(code, total))
    assert result.total == total
    assert isinstance(result.total, int)
    assert result.band == band
    assert result.instrument == code


IBS_BOUNDARIES = [
    (0, "remission"),
    (74, "remission"),
    (74.9, "remission"),
    (75, "mild"),
    (174, "mild"),
    (174.5, "mild"),
    (175, "moderate"),
    (299, "moderate"),
    (299.9, "moderate"),
    (300, "severe"),
    (500, "severe"),
]


@pytest.mark.parametrize(("total", "band"), IBS_BOUNDARIES)
def test_ibs_sss_band_from_a_single_total(total: float, band: str) -> None:
    result = instruments.score("ibs_sss", [total])
    assert result.total == pytest.approx(total)
    assert result.band == band
    assert result.flags == frozenset()


@pytest.mark.parametrize(("total", "band"), IBS_BOUNDARIES)
def test_ibs_sss_band_from_five_parts(total: float, band: str) -> None:
    parts = [0.0] * 5
    left = total
    for index in range(5):
        parts[index] = min(100.0, left)
        left -= parts[index]
    result = instruments.score("ibs_sss", parts)
    assert result.total == pytest.approx(total)
    assert result.band == band
    assert len(result.answers) == 5


def test_ibs_sss_accepts_fractional_parts_and_returns_whole_totals_as_int() -> None:
    fractional = instruments.score("ibs_sss", [10.5, 20, 30, 40, 50])
    assert fractional.total == pytest.approx(150.5)
    assert fractional.band == "mild"
    whole = instruments.score("ibs_sss", [40.0, 30, 20, 50, 60.0])
    assert whole.total == 200
    assert isinstance(whole.total, int)
    assert whole.band == "moderate"


def test_whole_floats_are_accepted_for_integer_items() -> None:
    result = instruments.score("gad7", [1.0, 2, 0, 0, 0, 0, 3.0])
    assert result.total == 6
    assert result.answers == (1, 2, 0, 0, 0, 0, 3)
    assert all(type(value) is int for value in result.answers)


# -- flags ---------------------------------------------------------------------------------------


def test_phq9_item_9_raises_self_harm_flag_even_with_a_minimal_total() -> None:
    result = instruments.score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.total == 1
    assert result.band == "minimal"
    assert result.flags == frozenset({"self_harm_risk"})


@pytest.mark.parametrize("item_9", [1, 2, 3])
def test_phq9_any_positive_item_9_is_flagged(item_9: int) -> None:
    assert "self_harm_risk" in instruments.score("phq9", [0] * 8 + [item_9]).flags


def test_phq9_severe_total_without_item_9_is_not_flagged() -> None:
    result = instruments.score("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.total == 24
    assert result.band == "severe"
    assert result.flags == frozenset()


def test_phq9_severe_total_with_item_9_is_flagged() -> None:
    result = instruments.score("phq9", [3] * 9)
    assert (result.total, result.band) == (27, "severe")
    assert result.flags == frozenset({"self_harm_risk"})


def test_phq8_never_raises_self_harm_flag() -> None:
    assert instruments.score("phq8", [3] * 8).flags == frozenset()


def test_gad7_raises_no_flags() -> None:
    assert instruments.score("gad7", [3] * 7).flags == frozenset()


@pytest.mark.parametrize(
    ("answers", "flagged"),
    [([0, 0], False), ([1, 1], False), ([2, 0], False), ([2, 1], True), ([0, 3], True)],
)
def test_gad2_positive_screen_flag_at_3(answers: list[int], flagged: bool) -> None:
    result = instruments.score("gad2", answers)
    assert ("anxiety_screen_positive" in result.flags) is flagged
    assert result.band == ("positive" if flagged else "negative")


@pytest.mark.parametrize(
    ("answers", "subscales", "flags"),
    [
        ([0, 0, 0, 0], {"anxiety": 0, "depression": 0}, set()),
        ([1, 1, 1, 1], {"anxiety": 2, "depression": 2}, set()),
        ([2, 1, 0, 0], {"anxiety": 3, "depression": 0}, {"anxiety_screen_positive"}),
        ([0, 0, 1, 2], {"anxiety": 0, "depression": 3}, {"depression_screen_positive"}),
        (
            [3, 0, 0, 3],
            {"anxiety": 3, "depression": 3},
            {"anxiety_screen_positive", "depression_screen_positive"},
        ),
        ([2, 0, 2, 0], {"anxiety": 2, "depression": 2}, set()),
    ],
)
def test_phq4_subscales_and_their_flags(
    answers: list[int], subscales: dict[str, int], flags: set[str]
) -> None:
    result = instruments.score("phq4", answers)
    assert result.subscales == subscales
    assert result.flags == frozenset(flags)
    assert result.total == sum(subscales.values())


def test_phq4_mild_total_can_hide_a_positive_subscale() -> None:
    result = instruments.score("phq4", [2, 1, 0, 0])
    assert result.band == "mild"
    assert result.flags == frozenset({"anxiety_screen_positive"})


def test_instruments_without_subscales_report_an_empty_dict() -> None:
    assert instruments.score("gad7", [0] * 7).subscales == {}


def test_score_is_frozen() -> None:
    result = instruments.score("gad7", [0] * 7)
    with pytest.raises(AttributeError):
        result.total = 3  # type: ignore[misc]


def test_every_flag_is_listed() -> None:
    expected = {"self_harm_risk", "anxiety_screen_positive", "depression_screen_positive"}
    assert expected == instruments.FLAGS
