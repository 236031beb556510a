"""Diversity matches scikit-bio called here on the same numbers; Chao1 only from counts."""

from __future__ import annotations

import math

import numpy as np
import pytest
from skbio.diversity import alpha, beta_diversity

from tests.microbiome.conftest import DATA, hdf5_table
from vagus.science import microbiome


def read(name: str, **kwargs):
    return microbiome.read_profile((DATA / name).read_bytes(), **kwargs)


def test_counts_from_a_csv_match_skbio_and_give_chao1():
    profile = read("taxa_counts.csv")
    # The species rows of the file, as written there.
    counts = [300, 120, 200, 180, 99, 1]
    measured = microbiome.diversity(profile)
    assert measured.rank == "species"
    assert measured.observed == alpha.observed_features(counts) == 6
    assert measured.shannon == pytest.approx(alpha.shannon(counts, base=math.e))
    assert measured.simpson == pytest.approx(alpha.simpson(counts))
    assert measured.pielou == pytest.approx(alpha.pielou_e(counts))
    assert measured.chao1 == pytest.approx(alpha.chao1(counts))
    # And by the formulas themselves: natural-log Shannon, Simpson 1 − Σp².
    p = np.array(counts) / sum(counts)
    assert measured.shannon == pytest.approx(-(p * np.log(p)).sum())
    assert measured.simpson == pytest.approx(1 - (p**2).sum())


def test_percentages_from_metaphlan_match_skbio_and_have_no_chao1():
    profile = read("metaphlan3.tsv")
    species = [25.0, 12.0, 8.0, 10.0, 20.0, 15.0, 6.0, 4.0]
    measured = microbiome.diversity(profile)
    assert measured.observed == 8
    assert measured.shannon == pytest.approx(alpha.shannon(species, base=math.e))
    assert measured.simpson == pytest.approx(alpha.simpson(species))
    assert measured.pielou == pytest.approx(alpha.pielou_e(species))
    assert measured.chao1 is None


def test_hdf5_counts_at_species_level_match_skbio():
    profile = microbiome.read_profile(hdf5_table(("A", "B")), sample="B")
    column = [100, 300, 550, 1]
    measured = microbiome.diversity(profile)
    assert measured.shannon == pytest.approx(alpha.shannon(column, base=math.e))
    assert measured.chao1 == pytest.approx(alpha.chao1(column))


def test_without_species_the_finest_rank_is_used_and_said():
    profile = read("taxa_percent.csv")
    measured = microbiome.diversity(profile)
    assert measured.rank == "genus"
    assert measured.shannon == pytest.approx(alpha.shannon([22.25, 3.5, 31.5], base=math.e))


def test_one_feature_has_no_pielou():
    profile = microbiome.read_profile(b"taxon,rank,value\nBacteroides,genus,100\n")
    measured = microbiome.diversity(profile)
    assert measured.observed == 1 and measured.shannon == 0 and measured.pielou is None


def test_bray_curtis_matches_skbio():
    first = {"A": 50.0, "B": 30.0, "C": 20.0}
    second = {"A": 10.0, "B": 30.0, "D": 60.0}
    expected = beta_diversity(
        "braycurtis", [[0.5, 0.3, 0.2, 0.0], [0.1, 0.3, 0.0, 0.6]], ids=["a", "b"]
    )["a", "b"]
    assert microbiome.bray_curtis(first, second) == pytest.approx(expected)
    assert microbiome.bray_curtis(first, first) == pytest.approx(0.0)
