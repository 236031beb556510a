"""Stool-test taxa profiles: reading the files labs and pipelines write, and diversity.

Public API::

    from vagus.science import microbiome

    profile = microbiome.read_profile(data, sample=None)   # bytes of a BIOM, MetaPhlAn or CSV file
    profile.taxa, profile.phyla, profile.value_kind, profile.notes
    microbiome.diversity(profile)        # observed, Shannon (ln), Simpson, Pielou, Chao1 (counts)
    microbiome.bray_curtis(a, b)         # two {taxon: share} dicts at one rank
    microbiome.named_taxa(profile)       # the taxa the research names, with their evidence ids

Bad files raise :class:`MicrobiomeFileError` (``errors`` lists each rejected line); a BIOM
table with several samples and none chosen raises :class:`SampleChoiceNeeded`.
Pure Python and scikit-bio; never imports Django. Described in ``docs/microbiome.md``.
"""

from __future__ import annotations

from .diversity import Diversity, bray_curtis, diversity
from .named import (
    NAMED_TAXA,
    RATIO_EVIDENCE,
    NamedFinding,
    firmicutes_bacteroidota_ratio,
    named_taxa,
)
from .profile import (
    FORMATS,
    METHODS,
    MicrobiomeFileError,
    Profile,
    SampleChoiceNeeded,
    Taxon,
    value_words,
)
from .reading import detect, read_profile, sample_ids
from .taxonomy import PHYLUM_RENAMES, RANKS, both_names, current_phylum

__all__ = [
    "FORMATS",
    "METHODS",
    "NAMED_TAXA",
    "PHYLUM_RENAMES",
    "RANKS",
    "RATIO_EVIDENCE",
    "Diversity",
    "MicrobiomeFileError",
    "NamedFinding",
    "Profile",
    "SampleChoiceNeeded",
    "Taxon",
    "both_names",
    "bray_curtis",
    "current_phylum",
    "detect",
    "diversity",
    "firmicutes_bacteroidota_ratio",
    "named_taxa",
    "read_profile",
    "sample_ids",
    "value_words",
]
