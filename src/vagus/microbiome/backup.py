"""The microbiome part of a backup: ``microbiome_samples``, each with its diversity, phyla and taxa.

A sample row carries everything needed to restore it as it was: the diversity stored at
import is restored as written (never recomputed, so a newer scikit-bio cannot change an old
number), the phyla give each phylum's former name, and ``taxa`` holds every rank the file had.
``source_sample`` and ``file_sha256`` keep a re-import of the same file after a restore a no-op.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.backup.registry import RestoreContext, not_backed_up, restorer, section
from vagus.backup.rows import Always, Day, Id, Number, Row, Text, Whole, parse_rows, problem
from vagus.microbiome.models import Sample, Taxon
from vagus.science.microbiome import FORMATS, METHODS, RANKS

if TYPE_CHECKING:
    from vagus.accounts.models import User

SECTION = "microbiome_samples"

not_backed_up(
    "microbiome.Taxon",
    "Carried inside its sample's row of microbiome_samples (taxa and phyla), not on its own.",
)
not_backed_up(
    "microbiome.PendingUpload",
    "A file waiting on the preview page for its confirmation; removed when imported or a day on.",
)


class DiversityRow(Row):
    observed: Whole
    shannon: Number
    simpson: Number
    pielou: Number | None
    chao1: Number | None
    rank: Always[Text] = Field(default=None, json_schema_extra={"enum": [*RANKS]})


class PhylumRow(Row):
    name: Text  # the current name
    former_name: Text | None
    relative_abundance: Number  # percent


class TaxonRow(Row):
    name: Text
    rank: Text = Field(json_schema_extra={"enum": [*RANKS]})
    relative_abundance: Number  # percent
    count: Number | None


class MicrobiomeSampleRow(Row):
    id: Always[Id] = None
    collected_on: Day
    label: Text
    method: Text = Field(json_schema_extra={"enum": list(METHODS)})
    source_format: Text = Field(json_schema_extra={"enum": list(FORMATS)})
    diversity: DiversityRow
    phyla: list[PhylumRow]
    taxa: list[TaxonRow]
    source_sample: Always[Text] = None
    file_sha256: Always[Text] = None
    value_kind: Always[Text] = None

    @classmethod
    def of(cls, s: Sample) -> MicrobiomeSampleRow:
        taxa = list(s.taxa.all())
        return cls(
            id=str(s.uuid),
            collected_on=s.collected_on,
            label=s.label,
            method=s.method,
            source_format=s.source_format,
            diversity=DiversityRow(
                observed=s.observed,
                shannon=s.shannon,
                simpson=s.simpson,
                pielou=s.pielou,
                chao1=s.chao1,
                rank=s.diversity_rank,
            ),
            phyla=[
                PhylumRow(
                    name=t.name,
                    former_name=t.former_name or None,
                    relative_abundance=t.relative_abundance,
                )
                for t in taxa
                if t.rank == "phylum"
            ],
            taxa=[
                TaxonRow(
                    name=t.name, rank=t.rank, relative_abundance=t.relative_abundance, count=t.count
                )
                for t in taxa
            ],
            source_sample=s.source_sample,
            file_sha256=s.file_sha256,
            value_kind=s.value_kind,
        )


@section(SECTION, model="microbiome.Sample", row=MicrobiomeSampleRow)
def export_samples(user: User) -> list[MicrobiomeSampleRow]:
    rows = Sample.objects.owned_by(user).order_by("collected_on", "id").prefetch_related("taxa")
    return [MicrobiomeSampleRow.of(s) for s in rows]


def _share(i: int, where: str, value: float) -> float:
    if not 0 <= value <= 100.0 + 2.0:
        raise problem(SECTION, i, where, f"{value} is not a percentage between 0 and 100")
    return value


def _taxa(i: int, row: MicrobiomeSampleRow) -> list[tuple[str, str, float, float | None, str]]:
    former = {p.name: p.former_name or "" for p in row.phyla}
    found: dict[tuple[str, str], tuple[str, str, float, float | None, str]] = {}
    for j, t in enumerate(row.taxa):
        if t.rank not in RANKS:
            raise problem(SECTION, i, f"taxa[{j}].rank", f"“{t.rank}” is not a rank")
        if not t.name.strip() or len(t.name) > 200:
            raise problem(SECTION, i, f"taxa[{j}].name", "needs a name of at most 200 characters")
        if (t.rank, t.name) in found:
            raise problem(SECTION, i, f"taxa[{j}].name", f"{t.name} is listed twice")
        share = _share(i, f"taxa[{j}].relative_abundance", t.relative_abundance)
        old = former.get(t.name, "") if t.rank == "phylum" else ""
        found[(t.rank, t.name)] = (t.name, t.rank, share, t.count, old)
    for j, p in enumerate(row.phyla):  # a phylum only in the phyla list still comes back
        if ("phylum", p.name) not in found:
            share = _share(i, f"phyla[{j}].relative_abundance", p.relative_abundance)
            found[("phylum", p.name)] = (p.name, "phylum", share, None, p.former_name or "")
    return list(found.values())


@restorer(SECTION, order=100)
def restore_samples(user: User, data: Any, ctx: RestoreContext) -> int:
    rows = parse_rows(SECTION, data, MicrobiomeSampleRow)
    prepared = []
    for i, row in enumerate(rows):
        if row.method not in METHODS:
            raise problem(SECTION, i, "method", f"“{row.method}” is not 16S, shotgun or unknown")
        if row.source_format not in FORMATS:
            raise problem(SECTION, i, "source_format", f"“{row.source_format}” is not a format")
        if len(row.label) > 120:
            raise problem(SECTION, i, "label", "longer than 120 characters")
        d = row.diversity
        if d.observed < 0:
            raise problem(SECTION, i, "diversity.observed", "below 0")
        rank = d.rank or "species"
        if rank not in RANKS:
            raise problem(SECTION, i, "diversity.rank", f"“{rank}” is not a rank")
        sample = Sample(
            uuid=uuid.uuid4(),
            owner=user,
            collected_on=row.collected_on,
            label=row.label,
            method=row.method,
            source_format=row.source_format,
            source_sample=(row.source_sample or "")[:200],
            file_sha256=(row.file_sha256 or "")[:64],
            value_kind=row.value_kind or ("counts" if d.chao1 is not None else "percent"),
            diversity_rank=rank,
            observed=d.observed,
            shannon=d.shannon,
            simpson=d.simpson,
            pielou=d.pielou,
            chao1=d.chao1,
        )
        prepared.append((row, sample, _taxa(i, row)))
    for row, sample, taxa in prepared:
        sample.save()
        ctx.remember(SECTION, row.id, sample)
        Taxon.objects.bulk_create(
            Taxon(
                owner=user,
                sample=sample,
                name=name,
                rank=rank,
                relative_abundance=share,
                count=count,
                former_name=former,
            )
            for name, rank, share, count, former in taxa
        )
    return len(prepared)
