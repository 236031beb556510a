"""Samples come back whole from a backup, in the issue's shape; gone with the account."""

from __future__ import annotations

import json
from datetime import date
from itertools import count

import pytest

from tests.helpers.db import make_person
from tests.microbiome.conftest import DATA, hdf5_table
from vagus.accounts.actions import delete_account
from vagus.backup.export import export_user_data
from vagus.interop.service import ImportFailed, run_import
from vagus.microbiome import actions
from vagus.microbiome.models import Sample, Taxon

pytestmark = pytest.mark.django_db
_names = count()


def restore_file(user, document, tmp_path):
    path = tmp_path / f"backup{next(_names)}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return run_import(user, "json", path)


def without_ids(document: dict) -> list[dict]:
    rows = json.loads(json.dumps(document["microbiome_samples"]))
    for row in rows:
        row.pop("id")
    return rows


@pytest.fixture
def tested(person):
    actions.import_sample(
        person,
        (DATA / "metaphlan3.tsv").read_bytes(),
        collected_on=date(2026, 1, 10),
        label="Lab A",
    )
    actions.import_sample(
        person, hdf5_table(("A", "B")), sample="B", method="16S", collected_on=date(2026, 2, 10)
    )
    return person


def test_the_section_has_the_issue_shape(tested):
    rows = export_user_data(tested)["microbiome_samples"]
    assert [r["collected_on"] for r in rows] == ["2026-01-10", "2026-02-10"]
    first, second = rows
    assert {
        "collected_on",
        "label",
        "method",
        "source_format",
        "diversity",
        "phyla",
        "taxa",
    } <= set(first)
    assert set(first["diversity"]) >= {"observed", "shannon", "simpson", "pielou", "chao1"}
    assert first["diversity"]["chao1"] is None and second["diversity"]["chao1"] is not None
    assert {"name": "Bacillota", "former_name": "Firmicutes", "relative_abundance": 55.0} in first[
        "phyla"
    ]
    assert {
        "name": "Faecalibacterium prausnitzii",
        "rank": "species",
        "relative_abundance": 25.0,
        "count": None,
    } in first["taxa"]
    assert any(t["count"] == 550.0 for t in second["taxa"])
    assert (first["method"], first["source_format"], second["method"]) == (
        "shotgun",
        "metaphlan",
        "16S",
    )


def test_round_trip_is_lossless(tested, tmp_path):
    before = export_user_data(tested)
    target = make_person(f"restored{next(_names)}", "UTC")
    outcome = restore_file(target, before, tmp_path)
    assert outcome.counts["microbiome_samples"] == 2
    after = export_user_data(target)
    assert without_ids(after) == without_ids(before)
    # The same file imported after the restore is still recognised: nothing changes.
    again = actions.import_sample(target, (DATA / "metaphlan3.tsv").read_bytes())
    assert again.already and Sample.objects.owned_by(target).count() == 2


def test_a_broken_row_restores_nothing(tested, tmp_path):
    document = export_user_data(tested)
    document["microbiome_samples"][1]["taxa"][0]["rank"] = "tribe"
    target = make_person(f"restored{next(_names)}", "UTC")
    with pytest.raises(ImportFailed) as failed:
        restore_file(target, document, tmp_path)
    assert "microbiome_samples[1].taxa[0].rank" in str(failed.value) + " ".join(failed.value.errors)
    assert not Sample.objects.owned_by(target).exists()


def test_samples_go_with_the_account(tested):
    assert Taxon.objects.filter(owner=tested).exists()
    delete_account(tested)
    assert not Sample.objects.exists() and not Taxon.objects.exists()
