"""Each real format read into a profile: ranks, phyla under both names, values said how read."""

from __future__ import annotations

import pytest

from tests.microbiome.conftest import DATA, hdf5_table
from vagus.science import microbiome
from vagus.science.microbiome import MicrobiomeFileError, SampleChoiceNeeded


def read(name: str, **kwargs):
    return microbiome.read_profile((DATA / name).read_bytes(), **kwargs)


def shares(profile, rank):
    return {t.name: t.relative_abundance for t in profile.at(rank)}


def test_metaphlan3_reads_every_rank_and_merges_old_phylum_names():
    profile = read("metaphlan3.tsv")
    assert profile.source_format == "metaphlan" and profile.method == "shotgun"
    assert profile.value_kind == "percent"
    assert shares(profile, "phylum") == {
        "Bacillota": 55.0,
        "Bacteroidota": 35.0,
        "Pseudomonadota": 6.0,
        "Verrucomicrobiota": 4.0,
    }
    assert {t.name: t.former_name for t in profile.phyla}["Bacillota"] == "Firmicutes"
    assert shares(profile, "species")["Faecalibacterium prausnitzii"] == 25.0
    assert profile.diversity_rank == "species"


def test_metaphlan4_strains_unclassified_and_a_mix_of_old_and_new_names():
    profile = read("metaphlan4.tsv")
    assert shares(profile, "phylum") == {"Bacillota": 60.0, "Bacteroidota": 30.0}
    assert {t.name: t.former_name for t in profile.phyla} == {
        "Bacillota": "Firmicutes",
        "Bacteroidota": "Bacteroidetes",
    }
    assert profile.diversity_rank == "species"  # t__ strain bins are not the features
    assert any("UNCLASSIFIED" in note for note in profile.notes)
    assert "SGB15316" in shares(profile, "strain")


def test_biom_json_with_two_samples_asks_which_and_reads_counts():
    with pytest.raises(SampleChoiceNeeded) as asked:
        read("biom1_two_samples.biom")
    assert asked.value.sample_ids == ["Sample.A", "Sample.B"]
    profile = read("biom1_two_samples.biom", sample="Sample.B")
    assert profile.source_format == "biom-json" and profile.value_kind == "counts"
    assert profile.sample_id == "Sample.B"
    # Greengenes "s__prausnitzii" under g__Faecalibacterium is the species' full name.
    taxa = {(t.rank, t.name): t for t in profile.taxa}
    assert taxa[("species", "Faecalibacterium prausnitzii")].count == 80
    assert taxa[("phylum", "Bacteroidota")].relative_abundance == pytest.approx(250 / 401 * 100)
    assert any("counts" in note for note in profile.notes)


def test_biom_json_silva_strings_and_fractions():
    profile = read("biom1_one_sample_silva.biom")
    assert profile.value_kind == "fraction"
    assert shares(profile, "phylum") == {
        "Bacillota": 50.0,
        "Bacteroidota": 40.0,
        "Verrucomicrobiota": 10.0,
    }
    assert profile.diversity_rank == "genus"


def test_biom_hdf5_made_with_biom_format():
    profile = microbiome.read_profile(hdf5_table())
    assert profile.source_format == "biom-hdf5" and profile.value_kind == "counts"
    # p__Firmicutes and p__Bacillota in one file are one phylum.
    assert shares(profile, "phylum")["Bacillota"] == pytest.approx(65.0)
    assert shares(profile, "species")["Akkermansia muciniphila"] == pytest.approx(5.0)


def test_generic_csv_counts_and_percent_are_told_apart_and_said():
    counts = read("taxa_counts.csv")
    assert counts.value_kind == "counts"
    assert "counts" in counts.notes[0]
    assert shares(counts, "phylum")["Bacillota"] == pytest.approx(52.0)
    percent = read("taxa_percent.csv")
    assert percent.value_kind == "percent"
    assert "percentages" in percent.notes[0]
    assert shares(percent, "genus")["Faecalibacterium"] == 22.25
    assert percent.diversity_rank == "genus"


def test_csv_with_old_and_new_name_of_one_phylum_adds_them():
    text = "taxon,rank,value\nFirmicutes,phylum,30\nBacillota,phylum,20\nBacteroidetes,phylum,50\n"
    profile = microbiome.read_profile(text.encode())
    assert shares(profile, "phylum") == {"Bacillota": 50.0, "Bacteroidota": 50.0}


def test_both_names_shows_the_former_in_brackets():
    assert microbiome.both_names("Bacillota", "Firmicutes") == "Bacillota (Firmicutes)"
    assert microbiome.current_phylum("Tenericutes") == ("Mycoplasmatota", "Tenericutes")
    assert microbiome.current_phylum("Bacillota") == ("Bacillota", "Firmicutes")


def test_named_taxa_find_the_split_lactobacillus_genera():
    findings = {f.taxon.label: f for f in microbiome.named_taxa(read("metaphlan4.tsv"))}
    lactobacilli = findings["Lactobacillus and the genera split from it in 2020"]
    assert lactobacilli.found == ("Lacticaseibacillus",) and lactobacilli.relative_abundance == 20
    assert findings["Akkermansia"].relative_abundance == 0
    percent = {f.taxon.label: f for f in microbiome.named_taxa(read("taxa_percent.csv"))}
    assert percent["Faecalibacterium prausnitzii"].relative_abundance is None  # no species


@pytest.mark.parametrize(
    ("content", "message", "error"),
    [
        (b"", "not a taxa table", None),
        (b"\xff\xfe\xfa\x00", "not text", None),
        (b"date,measure,value\n2026-01-01,anxiety,3\n", "not a taxa table", None),
        (b'{"hello": "world"}', "not a BIOM table", None),
        (
            b"taxon,rank,value\nBacteroides,genus,40\nFoo,x,3\nBar,genus,many\n",
            "2 lines",
            ["Line 3: “x” is not a rank Vagus knows", "Line 4: “many” is not a number"],
        ),
        (b"taxon,rank,value\nBacteroides,genus,0\nRoseburia,genus,0\n", "add up to 0", None),
        (
            b"taxon,rank,value\nBacteroides,genus,140.5\nRoseburia,genus,60.25\n",
            "far above 100",
            None,
        ),
        (
            b"#clade_name\tNCBI_tax_id\trelative_abundance\nk__Bacteria|x__Odd\t2\t50\n",
            "1 lines",
            ["Line 2: “x__Odd” has a rank code Vagus does not know"],
        ),
        (
            b"#clade_name\tNCBI_tax_id\trelative_abundance\nk__Bacteria\t2\t100\n"
            b"k__Bacteria|p__Firmicutes\t2|1\t250.5\n",
            "far above 100",
            None,
        ),
    ],
)
def test_bad_files_give_a_clear_error(content, message, error):
    with pytest.raises(MicrobiomeFileError) as failed:
        microbiome.read_profile(content)
    assert message in str(failed.value)
    if error:
        assert failed.value.errors == error


def test_a_truncated_hdf5_file_is_refused():
    whole = hdf5_table()
    with pytest.raises(MicrobiomeFileError, match="cut short"):
        microbiome.read_profile(whole[: len(whole) // 2])


def test_a_biom_row_without_taxonomy_or_with_an_unknown_sample_is_refused():
    document = (DATA / "biom1_one_sample_silva.biom").read_text()
    start = document.index('{"taxonomy": "D_0__Bacteria;D_1__Verrucomicrobia')
    end = document.index("}", start) + 1
    broken = document[:start] + "null" + document[end:]
    with pytest.raises(MicrobiomeFileError) as failed:
        microbiome.read_profile(broken.encode())
    assert failed.value.errors == ["Row 3 (ASV3): no taxonomy"]
    with pytest.raises(MicrobiomeFileError, match="no sample called"):
        read("biom1_one_sample_silva.biom", sample="S9")
