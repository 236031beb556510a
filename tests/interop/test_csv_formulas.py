"""The CSV export never hands a spreadsheet a formula, and the CSV import gives names back."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vagus.diary import actions
from vagus.diary.models import Measure, Observation
from vagus.interop import csv_export
from vagus.interop.formulas import guard, unguard
from vagus.interop.service import run_import

DANGEROUS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\ry"]
# Names a measure can have (the Measures page strips surrounding white space).
NAMES = [*DANGEROUS[:4], "'=already quoted"]


@given(st.text())
def test_unguard_undoes_guard_for_every_text(text):
    assert unguard(guard(text)) == text


@pytest.mark.parametrize("text", [*DANGEROUS, "'=x", "''@y"])
def test_cells_a_spreadsheet_would_run_start_with_a_quote(text):
    assert guard(text).startswith("'") and guard(text)[1:] == text


@pytest.mark.parametrize("text", ["Walk", "'quoted'", "", "3", "a=b"])
def test_other_cells_are_left_alone(text):
    assert guard(text) == text and unguard(text) == text


@pytest.mark.django_db
def test_export_guards_names_but_not_numbers_and_the_round_trip_is_exact(
    person, other_person, tmp_path
):
    # Yesterday in London is never a future day in New York.
    day = person.today() - timedelta(days=1)
    for index, label in enumerate(NAMES):
        Measure.objects.create(
            owner=person, code=f"my_m{index}", label=label, kind="count", position=500 + index
        )
        actions.save_checkin(person, day, {f"my_m{index}": index + 0.5})
    text = csv_export.tidy_csv(person)
    rows = list(csv.DictReader(io.StringIO(text)))
    labels = {r["label"] for r in rows}
    assert labels == {"'" + label for label in NAMES}

    path = tmp_path / "values.csv"
    path.write_text(text)
    run_import(other_person, "csv", path, options={"create_measures": True})
    imported = {
        o.measure.label: o.value for o in other_person.observations.select_related("measure")
    }
    assert imported == {label: i + 0.5 for i, label in enumerate(NAMES)}


@pytest.mark.django_db
def test_negative_numbers_stay_numbers(person):
    """No diary kind holds one today, but a value cell is a number and is never guarded."""
    measure = Measure.objects.create(owner=person, code="my_t", label="T", kind="count")
    Observation.objects.create(owner=person, measure=measure, day=person.today(), value=-3.5)
    (row,) = csv.DictReader(io.StringIO(csv_export.tidy_csv(person)))
    assert row["value"] == "-3.5"
    wide = list(csv.DictReader(io.StringIO(csv_export.wide_csv(person))))
    assert wide[0]["my_t"] == "-3.5"


@pytest.mark.django_db
def test_the_wide_export_guards_its_column_names(person):
    Measure.objects.create(owner=person, code="=cmd", label="x", kind="count", position=500)
    actions.save_checkin(person, person.today(), {"=cmd": 2})
    header = csv_export.wide_csv(person).splitlines()[0].split(",")
    assert header == ["date", "'=cmd"]
