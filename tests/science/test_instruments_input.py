"""Bad answers are refused with a ValueError that names the item."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from vagus.science import instruments


@pytest.mark.parametrize(
    ("code", "answers", "message"),
    [
        ("gad7", [0] * 6, r"GAD-7 needs 7 answers, got 6: item 7 missing"),
        ("gad7", [0] * 5, r"items 6–7 missing"),
        ("gad7", [0] * 8, r"item 8 is not part of GAD-7"),
        ("gad7", [], r"items 1–7 missing"),
        ("phq9", [0] * 8, r"PHQ-9 needs 9 answers, got 8: item 9 missing"),
        ("phq8", [0] * 9, r"item 9 is not part of PHQ-8"),
        ("gad2", [0], r"GAD-2 needs 2 answers, got 1: item 2 missing"),
        ("phq4", [0, 0, 0], r"item 4 missing"),
        ("ibs_sss", [10, 10], r"IBS-SSS needs 5 answers \(or a single total\), got 2"),
        ("ibs_sss", [0] * 6, r"item 6 is not part of IBS-SSS"),
    ],
)
def test_wrong_number_of_answers(code: str, answers: list[int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        instruments.score(code, answers)


@pytest.mark.parametrize(
    ("code", "answers", "message"),
    [
        ("gad7", [0, 0, 0, 4, 0, 0, 0], r"GAD-7 item 4: 4 is out of range \(0–3\)"),
        ("gad7", [0, 0, 0, 0, 0, 0, -1], r"GAD-7 item 7: -1 is out of range"),
        ("phq9", [0] * 8 + [9], r"PHQ-9 item 9: 9 is out of range"),
        ("phq4", [0, 0, 0, 5], r"PHQ-4 item 4"),
        ("ibs_sss", [0, 0, 100.5, 0, 0], r"IBS-SSS item 3: 100.5 is out of range \(0–100\)"),
        ("ibs_sss", [0, -0.1, 0, 0, 0], r"IBS-SSS item 2"),
        ("ibs_sss", [500.5], r"IBS-SSS total: 500.5 is out of range \(0–500\)"),
        ("ibs_sss", [-1], r"IBS-SSS total"),
    ],
)
def test_out_of_range(code: str, answers: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        instruments.score(code, answers)


@pytest.mark.parametrize(
    ("code", "answers", "message"),
    [
        ("gad7", [0, 0, 1.5, 0, 0, 0, 0], r"GAD-7 item 3: 1.5 is not a whole number"),
        ("phq9", [0] * 8 + [0.5], r"PHQ-9 item 9: 0.5 is not a whole number"),
        ("gad2", [Decimal("1.5"), 0], r"GAD-2 item 1"),
    ],
)
def test_fractions_where_whole_numbers_are_required(
    code: str, answers: list[object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        instruments.score(code, answers)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["gad7", "phq9", "ibs_sss"])
@pytest.mark.parametrize("bad", [True, False])
def test_booleans_are_refused(code: str, bad: bool) -> None:
    answers: list[object] = [0] * instruments.get(code).item_count
    answers[1] = bad
    with pytest.raises(ValueError, match=r"item 2: (True|False) is not a score"):
        instruments.score(code, answers)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["gad7", "phq4", "ibs_sss"])
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, Decimal("NaN")])
def test_nan_and_infinity_are_refused(code: str, bad: object) -> None:
    answers: list[object] = [0] * instruments.get(code).item_count
    answers[-1] = bad
    count = instruments.get(code).item_count
    with pytest.raises(ValueError, match=rf"item {count}: .* is not a finite number"):
        instruments.score(code, answers)  # type: ignore[arg-type]


def test_nan_as_an_ibs_sss_total_is_refused() -> None:
    with pytest.raises(ValueError, match=r"IBS-SSS total: nan is not a finite number"):
        instruments.score("ibs_sss", [math.nan])


@pytest.mark.parametrize("bad", ["1", "", None, [1], object()])
def test_non_numbers_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match=r"GAD-7 item 5: .* is not a number"):
        instruments.score("gad7", [0, 0, 0, 0, bad, 0, 0])  # type: ignore[list-item]


@pytest.mark.parametrize("bad", ["0000000", b"\x00" * 7, 7, None, {0, 1}, {1: 0, 2: 0}])
def test_answers_must_be_a_sequence(bad: object) -> None:
    with pytest.raises(ValueError, match=r"GAD-7 answers must be a sequence"):
        instruments.score("gad7", bad)  # type: ignore[arg-type]


def test_tuples_arrays_and_decimals_are_accepted() -> None:
    np = pytest.importorskip("numpy")
    assert instruments.score("gad2", (Decimal("1"), 2)).total == 3
    from_array = instruments.score("gad7", np.array([0, 1, 2, 3, 0, 1, 2]))
    assert from_array.total == 9
    assert all(type(value) is int for value in from_array.answers)
    with pytest.raises(ValueError, match=r"PHQ-4 item 2: 1\.5 is not a whole number"):
        instruments.score("phq4", np.array([1.0, 1.5, 0.0, 0.0]))
    assert instruments.score("ibs_sss", [Decimal("12.5")] * 4 + [0]).total == 50


def test_unknown_instrument() -> None:
    with pytest.raises(ValueError, match=r"unknown instrument 'bdi'"):
        instruments.score("bdi", [0])
    with pytest.raises(KeyError):
        instruments.get("bdi")
