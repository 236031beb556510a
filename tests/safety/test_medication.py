"""The medication rule: a medicine is never a self-experiment and never an insight."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from vagus.safety.medication import can_be_tested, is_medication, mentions_medication


@pytest.mark.parametrize(
    "text",
    ["Xanax taken", "my_xanax_taken", "skip my Zoloft", "Lexapro", "half a Valium", "omeprazole"],
)
def test_brand_names_and_codes_count_as_medication(text):
    assert mentions_medication(text)


@pytest.mark.parametrize("text", ["kefir", "my_walk_outside", "fibre", "taken a walk"])
def test_everyday_words_do_not(text):
    assert not mentions_medication(text)


def measure(label: str, kind: str = "yesno", code: str = "") -> SimpleNamespace:
    return SimpleNamespace(label=label, kind=kind, code=code or label.lower().replace(" ", "_"))


def test_the_built_in_medication_measure_and_named_medicines_are_medication():
    assert is_medication(measure("Took my medication", code="medication_as_prescribed"))
    assert is_medication(measure("Sertraline"))
    assert is_medication(measure("Evening dose", code="my_x"))
    assert not is_medication(measure("Walk outside"))


@pytest.mark.parametrize("kind", ["yesno", "count", "minutes", "hours"])
def test_a_kind_a_person_can_change_can_be_tested(kind):
    assert can_be_tested(measure("Walk outside", kind=kind))


def test_scales_medicines_and_imported_taken_measures_cannot_be_tested():
    assert not can_be_tested(measure("Mood", kind="scale"))
    assert not can_be_tested(measure("Lexapro"))
    assert not can_be_tested(measure("Vitamin D taken"))
