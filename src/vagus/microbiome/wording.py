"""The sentences a person reads on the microbiome pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vagus.science.microbiome import METHODS

if TYPE_CHECKING:
    from vagus.microbiome.queries import Change

SNAPSHOT = (
    "One stool test is a snapshot. The same gut gives different results from day to day, "
    "and different labs get different results from the same stool."
)
NOT_COMPARABLE = (
    "Numbers from different labs or methods (16S or shotgun) cannot be compared, so each "
    "method has its own chart and changes are only worked out between samples of one method."
)
NO_RANGES = (
    "Vagus shows no “healthy range”: there is no agreed reference for one person's result. "
    "This is not a diagnosis, and Vagus recommends no products."
)
CONTEXT = (
    "What your diary says about the 14 days before the sample. It is context, not a cause: "
    "one test cannot show what changed your gut."
)
RATIO_CAUTION = (
    "The Bacillota-to-Bacteroidota (Firmicutes-to-Bacteroidetes) ratio is often quoted, but "
    "studies disagree about it and it is not a reliable marker of health."
)
RANK_WORDS = {
    "species": "species",
    "genus": "genera",
    "family": "families",
    "order": "orders",
    "class": "classes",
    "phylum": "phyla",
    "kingdom": "kingdoms",
    "strain": "strains",
}


def computed_at(rank: str) -> str:
    if rank == "species":
        return "Worked out from the species in the file."
    return (
        f"Worked out from the {RANK_WORDS.get(rank, rank)}: the file does not go down to species, "
        "so these numbers are lower than a species-level count would be."
    )


def chao1_missing(value_kind: str) -> str:
    return "Chao1 needs read counts; this file gave " + (
        "percentages." if value_kind == "percent" else "fractions."
    )


def method_words(method: str) -> str:
    return METHODS.get(method, method)


def change_words(bray_curtis: float) -> str:
    return (
        f"Bray–Curtis {bray_curtis:.2f} from the previous sample of this method "
        "(0 = the same mix of microbes, 1 = nothing shared). Some change between tests is usual."
    )


def change_text(change: Change | None) -> str:
    if change is None:
        return ""
    if change.bray_curtis is None:
        return (
            f"The previous sample of this method ({change.previous.collected_on:%-d %B %Y}) "
            "was read at a different level, so the two cannot be compared."
        )
    return change_words(change.bray_curtis)
