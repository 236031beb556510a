"""A sample's taxa profile as read from a file, and the errors reading gives.

Every reader ends here: :func:`build` takes the values it found per taxon and rank, checks
that they make sense as a stool profile, turns counts into percentages, and merges the
phyla under their current names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .taxonomy import RANKS, current_phylum

METHODS: dict[str, str] = {
    "16S": "16S rRNA gene sequencing",
    "shotgun": "Shotgun metagenomic sequencing",
    "unknown": "Method not stated",
}
FORMATS: dict[str, str] = {
    "biom-json": "BIOM 1.0 (JSON)",
    "biom-hdf5": "BIOM 2.1 (HDF5)",
    "metaphlan": "MetaPhlAn profile",
    "csv": "Taxa CSV (taxon, rank, value)",
}
VALUE_KINDS = ("counts", "percent", "fraction")
# Rounding in a lab's percentages may add up to a little over 100; far over is a wrong file.
PERCENT_SLACK = 2.0


class MicrobiomeFileError(ValueError):
    """A file that cannot be imported; ``errors`` lists each rejected line with its number."""

    def __init__(self, message: str, errors: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)


class SampleChoiceNeeded(MicrobiomeFileError):
    """A table with several samples: the person must say which one is theirs."""

    def __init__(self, sample_ids: list[str]) -> None:
        super().__init__(
            f"This table holds {len(sample_ids)} samples. Say which one to import "
            f"(one of: {', '.join(sample_ids[:20])}{' …' if len(sample_ids) > 20 else ''})."
        )
        self.sample_ids = sample_ids


@dataclass(frozen=True)
class Taxon:
    name: str
    rank: str
    relative_abundance: float  # percent of the sample
    count: float | None = None  # reads, when the file held counts
    former_name: str | None = None  # a phylum's name before 2021, if it changed


@dataclass(frozen=True)
class Profile:
    sample_id: str
    source_format: str
    value_kind: str  # how the file's values were read: counts, percent or fraction of 1
    taxa: tuple[Taxon, ...]
    method: str = "unknown"
    notes: tuple[str, ...] = field(default=())

    def at(self, rank: str) -> list[Taxon]:
        return [t for t in self.taxa if t.rank == rank]

    @property
    def phyla(self) -> list[Taxon]:
        return sorted(self.at("phylum"), key=lambda t: -t.relative_abundance)

    @property
    def diversity_rank(self) -> str:
        """Species where the file has them, else the finest rank it has (strain never:
        MetaPhlAn's strain bins are not what other files call a feature)."""
        present = {t.rank for t in self.taxa}
        for rank in reversed(RANKS[:-1]):
            if rank in present:
                return rank
        return "strain"

    @property
    def has_counts(self) -> bool:
        return self.value_kind == "counts"


def value_words(kind: str) -> str:
    return {
        "counts": "read counts",
        "percent": "percentages",
        "fraction": "fractions of 1 (1 = 100 %)",
    }[kind]


def build(
    sample_id: str,
    source_format: str,
    values: dict[tuple[str, str], float],
    kind: str,
    *,
    total: float | None = None,
    method: str = "unknown",
    notes: Iterable[str] = (),
) -> Profile:
    """A checked profile from ``values`` per (rank, name) in the file's own unit ``kind``.

    ``total`` is the whole sample's reads for counts (unassigned reads included); without it
    the largest rank total stands for the whole sample.
    """
    if kind not in VALUE_KINDS:
        raise ValueError(f"unknown kind of values: {kind}")
    by_rank: dict[str, float] = {}
    for (rank, _), value in values.items():
        by_rank[rank] = by_rank.get(rank, 0.0) + value
    if not values or max(by_rank.values()) <= 0:
        raise MicrobiomeFileError(
            "The abundances in this file add up to 0: there is nothing to read."
        )
    if kind == "counts":
        whole = total if total and total > 0 else max(by_rank.values())
        scale = 100.0 / whole
    else:
        scale = 100.0 if kind == "fraction" else 1.0
        for rank, summed in by_rank.items():
            if summed * scale > 100.0 + PERCENT_SLACK:
                raise MicrobiomeFileError(
                    f"The {rank} abundances add up to {summed * scale:,.1f} %, far above 100 %: "
                    "these cannot be percentages of one sample."
                )
    merged: dict[tuple[str, str], tuple[float, float | None, str | None]] = {}
    for (rank, name), value in values.items():
        former: str | None = None
        if rank == "phylum":
            name, former = current_phylum(name)
        share, count, old = merged.get((rank, name), (0.0, None, None))
        count = (count or 0.0) + value if kind == "counts" else None
        merged[(rank, name)] = (share + value * scale, count, old or former)
    taxa = tuple(
        Taxon(name, rank, round(share, 6), count, former)
        for (rank, name), (share, count, former) in sorted(
            merged.items(), key=lambda item: (RANKS.index(item[0][0]), -item[1][0], item[0][1])
        )
        if share > 0
    )
    return Profile(sample_id, source_format, kind, taxa, method, tuple(notes))
