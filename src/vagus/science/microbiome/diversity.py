"""Alpha diversity of one sample and Bray–Curtis between two, computed by scikit-bio.

- observed features: how many taxa at the chosen rank have any abundance;
- Shannon index H = −Σ pᵢ ln pᵢ (natural log, so values are in nats);
- Simpson's index 1 − Σ pᵢ² (the chance two reads drawn are different taxa);
- Pielou's evenness J = H / ln S (S observed features; undefined for one feature);
- Chao1 (estimated richness from singletons and doubletons) only with whole read counts:
  on percentages there are no singletons to count, so any number would be made up.
Bray–Curtis dissimilarity between two profiles on the same rank: 0 the same, 1 nothing shared.
References: scikit-bio's ``skbio.diversity`` (https://scikit.bio).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from .profile import Profile


@dataclass(frozen=True)
class Diversity:
    rank: str  # the rank the indices were computed at
    observed: int
    shannon: float
    simpson: float
    pielou: float | None
    chao1: float | None


def diversity(profile: Profile) -> Diversity:
    from skbio.diversity import alpha

    rank = profile.diversity_rank
    rows = [t for t in profile.at(rank) if t.relative_abundance > 0]
    counts_given = profile.has_counts and all(
        t.count is not None and float(t.count).is_integer() for t in rows
    )
    values: list[float] = [
        float(t.count) if counts_given and t.count is not None else t.relative_abundance
        for t in rows
    ]
    observed = int(alpha.observed_features(values))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # pielou of one feature is nan
        shannon = float(alpha.shannon(values, base=math.e))
        simpson = float(alpha.simpson(values))
        pielou = float(alpha.pielou_e(values)) if observed > 1 else None
    chao1 = float(alpha.chao1([int(v) for v in values])) if counts_given else None
    return Diversity(rank, observed, shannon, simpson, pielou, chao1)


def bray_curtis(first: dict[str, float], second: dict[str, float]) -> float:
    """Bray–Curtis between two profiles given as taxon → relative abundance (same rank)."""
    from skbio.diversity import beta_diversity

    names: Sequence[str] = sorted(set(first) | set(second))
    if not names:
        raise ValueError("two empty profiles")
    table = [[first.get(n, 0.0) for n in names], [second.get(n, 0.0) for n in names]]
    # Relative abundances: each profile scaled to 1 first, so a sample with more taxa
    # assigned at this rank does not count as "more".
    table = [[v / (sum(row) or 1.0) for v in row] for row in table]
    matrix = beta_diversity("braycurtis", table, ids=["first", "second"], validate=False)
    return float(matrix["first", "second"])
