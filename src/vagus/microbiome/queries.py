"""Reads: the samples list, one sample's page, and the diary's 14 days before a sample."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from vagus.diary.queries import measures_for, series
from vagus.microbiome.models import Sample
from vagus.science import microbiome
from vagus.science.microbiome import NamedFinding, Profile, Taxon

if TYPE_CHECKING:
    from vagus.accounts.models import User

CONTEXT_DAYS = 14
# The diary measures shown beside a sample: (code, label, "sum" over the days or "mean").
CONTEXT_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("fermented_servings", "Fermented food servings", "sum"),
    ("fibre_rich_servings", "Fibre-rich servings", "sum"),
    ("anxiety", "Anxiety (0–10)", "mean"),
    ("gut_pain", "Gut pain (0–10)", "mean"),
    ("bloating", "Bloating (0–10)", "mean"),
)
PLANTS_WEEK = "plant_count_7d"


def samples_for(user: User) -> list[Sample]:
    return list(Sample.objects.owned_by(user).order_by("collected_on", "id"))


def profile_of(sample: Sample) -> Profile:
    """The stored sample as the science core's profile (for the named taxa and the ratio)."""
    taxa = tuple(
        Taxon(t.name, t.rank, t.relative_abundance, t.count, t.former_name or None)
        for t in sample.taxa.all()
    )
    return Profile(
        sample.source_sample, sample.source_format, sample.value_kind, taxa, sample.method
    )


def phyla(sample: Sample) -> list[dict[str, object]]:
    return [
        {
            "name": microbiome.both_names(t.name, t.former_name or None),
            "relative_abundance": t.relative_abundance,
        }
        for t in sample.taxa.filter(rank="phylum").order_by("-relative_abundance", "name")
    ]


def named(sample: Sample) -> list[NamedFinding]:
    return microbiome.named_taxa(profile_of(sample))


def ratio(sample: Sample) -> float | None:
    return microbiome.firmicutes_bacteroidota_ratio(profile_of(sample))


def shares_at(sample: Sample, rank: str) -> dict[str, float]:
    return dict(sample.taxa.filter(rank=rank).values_list("name", "relative_abundance"))


@dataclass(frozen=True)
class Change:
    """Bray–Curtis from the previous sample of the same method (None: ranks differ)."""

    previous: Sample
    bray_curtis: float | None


def change_from_previous(user: User, sample: Sample) -> Change | None:
    previous = (
        Sample.objects.owned_by(user)
        .filter(method=sample.method)
        .filter(collected_on__lte=sample.collected_on)
        .exclude(pk=sample.pk)
        .exclude(collected_on=sample.collected_on, id__gt=sample.id)
        .order_by("-collected_on", "-id")
        .first()
    )
    if previous is None:
        return None
    if previous.diversity_rank != sample.diversity_rank:
        return Change(previous, None)
    rank = sample.diversity_rank
    first, second = shares_at(previous, rank), shares_at(sample, rank)
    if not first or not second:
        return Change(previous, None)
    return Change(previous, microbiome.bray_curtis(first, second))


def changes(user: User, samples: list[Sample]) -> dict[int, Change | None]:
    return {s.id: change_from_previous(user, s) for s in samples}


@dataclass(frozen=True)
class ContextLine:
    label: str
    value: float | None  # None: nothing logged
    days: int  # days with a value


def diary_before(user: User, sample: Sample) -> tuple[date, date, list[ContextLine]]:
    """What the diary holds for the 14 days before the sample: context, not cause."""
    end = sample.collected_on - timedelta(days=1)
    start = sample.collected_on - timedelta(days=CONTEXT_DAYS)
    antibiotics = [
        m.code
        for m in measures_for(user, include_archived=True)
        if "antibiotic" in m.label.casefold()
    ]
    codes = [code for code, _, _ in CONTEXT_MEASURES] + [PLANTS_WEEK, *antibiotics]
    values = series(user, codes, start, end)
    lines: list[ContextLine] = []
    for code, label, how in CONTEXT_MEASURES:
        days = values.get(code, {})
        if not days:
            lines.append(ContextLine(label, None, 0))
            continue
        total = sum(days.values())
        lines.append(ContextLine(label, total if how == "sum" else total / len(days), len(days)))
    weekly = values.get(PLANTS_WEEK, {})
    lines.append(
        ContextLine(
            "Different plants in the week before",
            weekly.get(end) if end in weekly else (weekly[max(weekly)] if weekly else None),
            len(weekly),
        )
    )
    for code in antibiotics:
        taken = values.get(code, {})
        lines.append(
            ContextLine(
                "Days antibiotics were logged",
                float(sum(1 for v in taken.values() if v)),
                len(taken),
            )
        )
    return start, end, lines
