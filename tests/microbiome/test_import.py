"""Importing a sample: all or nothing, idempotent, dry run, and the command line's words."""

from __future__ import annotations

from datetime import date

import pytest

from tests.microbiome.conftest import DATA, hdf5_table
from vagus.audit.models import AuditEvent
from vagus.cli import main
from vagus.microbiome import actions
from vagus.microbiome.models import Sample, Taxon
from vagus.science.microbiome import MicrobiomeFileError

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sam(db):
    from tests.helpers.db import make_person

    return make_person("sam")


def counts() -> tuple[int, int]:
    return Sample.objects.count(), Taxon.objects.count()


def test_cli_dry_run_then_import_then_again_changes_nothing(sam, capsys):
    path = str(DATA / "metaphlan3.tsv")
    args = ["import", "microbiome", path, "--user", "sam", "--collected-on", "2026-03-14"]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Dry run, nothing changed. Would import the sample of 14 March 2026" in out
    assert "Shannon 1.937" in out and "Chao1 not computed (no read counts)" in out
    assert counts() == (0, 0)
    assert main([*args, "--label", "Lab A"]) == 0
    assert "Imported the sample of 14 March 2026" in capsys.readouterr().out
    sample = Sample.objects.get()
    assert (sample.method, sample.label, sample.collected_on) == (
        "shotgun",
        "Lab A",
        date(2026, 3, 14),
    )
    assert sample.taxa.count() == Taxon.objects.count() > 20
    before = counts()
    assert main(args) == 0
    assert "imported before; nothing changed" in capsys.readouterr().out
    assert counts() == before
    assert AuditEvent.objects.filter(action="import.publish", owner=sam).count() == 1


def test_cli_multi_sample_biom_needs_a_sample(sam, capsys):
    path = str(DATA / "biom1_two_samples.biom")
    assert main(["import", "microbiome", path, "--user", "sam"]) == 1
    assert "holds 2 samples" in capsys.readouterr().err and counts() == (0, 0)
    assert (
        main(
            [
                "import",
                "microbiome",
                path,
                "--user",
                "sam",
                "--sample",
                "Sample.A",
                "--method",
                "16S",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "import",
                "microbiome",
                path,
                "--user",
                "sam",
                "--sample",
                "Sample.B",
                "--method",
                "16S",
            ]
        )
        == 0
    )
    assert sorted(Sample.objects.values_list("source_sample", flat=True)) == [
        "Sample.A",
        "Sample.B",
    ]
    assert set(Sample.objects.values_list("chao1", flat=True)) != {None}


def test_cli_lists_each_rejected_line_and_changes_nothing(sam, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("taxon,rank,value\nBacteroides,genus,40\nFoo,zz,3\nBar,genus,-2\n")
    assert main(["import", "microbiome", str(bad), "--user", "sam"]) == 1
    err = capsys.readouterr().err
    assert "2 lines of this file cannot be read" in err
    assert "Line 3: “zz” is not a rank Vagus knows" in err
    assert "Line 4: an abundance below 0" in err
    assert counts() == (0, 0)
    assert main(["import", "microbiome", str(bad), "--user", "sam", "--collected-on", "14/3"]) == 2


@pytest.mark.parametrize(
    "content",
    [
        hdf5_table()[:900],  # truncated HDF5
        b"taxon,rank,value\nBacteroides,genus,0\n",  # sums to 0
        b"taxon,rank,value\nBacteroides,genus,300.5\n",  # far above 100 %
        b"#clade_name\tNCBI_tax_id\trelative_abundance\nk__Bacteria|q__Odd\t2\t50\n",
        b"just some words\n",
    ],
)
def test_malformed_files_leave_the_database_unchanged(sam, content):
    actions.import_sample(
        sam, (DATA / "taxa_percent.csv").read_bytes(), collected_on=date(2026, 1, 2)
    )
    before = counts()
    with pytest.raises(MicrobiomeFileError):
        actions.import_sample(sam, content, collected_on=date(2026, 2, 2))
    assert counts() == before


def test_hdf5_import_and_the_size_cap(sam):
    outcome = actions.import_sample(sam, hdf5_table(), collected_on=date(2026, 1, 5))
    assert outcome.sample is not None and outcome.sample.source_format == "biom-hdf5"
    assert outcome.sample.chao1 is not None
    with pytest.raises(MicrobiomeFileError, match="far smaller"):
        actions.check_size(actions.MAX_FILE_BYTES + 1)


def test_deleting_a_sample_removes_its_taxa(sam, other_person):
    mine = actions.import_sample(sam, (DATA / "taxa_counts.csv").read_bytes()).sample
    theirs = actions.import_sample(other_person, (DATA / "taxa_counts.csv").read_bytes()).sample
    assert mine is not None and theirs is not None
    actions.delete_sample(sam, mine)
    assert not Sample.objects.filter(pk=mine.pk).exists()
    assert not Taxon.objects.filter(sample_id=mine.pk).exists()
    assert Sample.objects.filter(pk=theirs.pk).exists()
    with pytest.raises(Sample.DoesNotExist):
        actions.delete_sample(sam, theirs)
