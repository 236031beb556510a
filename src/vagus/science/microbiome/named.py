"""The taxa the gut–brain research names, each with the evidence entry a page links to.

The genus Lactobacillus was split into 25 genera in 2020 (Zheng et al., doi:10.1099/
ijsem.0.004107), so a newer report may name Lacticaseibacillus or Lactiplantibacillus where
an older one said Lactobacillus; all of them count here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .profile import Profile

LACTOBACILLUS_GENERA: frozenset[str] = frozenset(
    {
        "Lactobacillus",
        "Paralactobacillus",
        "Holzapfelia",
        "Amylolactobacillus",
        "Bombilactobacillus",
        "Companilactobacillus",
        "Lapidilactobacillus",
        "Agrilactobacillus",
        "Schleiferilactobacillus",
        "Loigolactobacillus",
        "Lacticaseibacillus",
        "Latilactobacillus",
        "Dellaglioa",
        "Liquorilactobacillus",
        "Ligilactobacillus",
        "Lactiplantibacillus",
        "Furfurilactobacillus",
        "Paucilactobacillus",
        "Limosilactobacillus",
        "Fructilactobacillus",
        "Acetilactobacillus",
        "Apilactobacillus",
        "Levilactobacillus",
        "Secundilactobacillus",
        "Lentilactobacillus",
    }
)


@dataclass(frozen=True)
class NamedTaxon:
    label: str
    rank: str
    names: frozenset[str]
    evidence: str  # the evidence-library entry the page links to
    note: str = ""

    @property
    def research_text(self) -> str:
        return f"Research on {self.label.split(' and ')[0]}"


NAMED_TAXA: tuple[NamedTaxon, ...] = (
    NamedTaxon(
        "Escherichia/Shigella",
        "genus",
        frozenset({"Escherichia", "Shigella", "Escherichia-Shigella", "Escherichia/Shigella"}),
        evidence="anxiety-named-taxa",
        note="Most strains are ordinary gut residents.",
    ),
    NamedTaxon(
        "Faecalibacterium prausnitzii",
        "species",
        frozenset({"Faecalibacterium prausnitzii"}),
        evidence="faecalibacterium-quality-of-life",
        note="A butyrate maker.",
    ),
    NamedTaxon(
        "Bifidobacterium",
        "genus",
        frozenset({"Bifidobacterium"}),
        evidence="hpa-germ-free-mice",
    ),
    NamedTaxon(
        "Lactobacillus and the genera split from it in 2020",
        "genus",
        LACTOBACILLUS_GENERA,
        evidence="vagus-nerve-animal",
        note="Often few in stool; fermented foods bring some.",
    ),
    NamedTaxon(
        "Akkermansia",
        "genus",
        frozenset({"Akkermansia"}),
        evidence="akkermansia-metabolic-trial",
    ),
    NamedTaxon(
        "Roseburia",
        "genus",
        frozenset({"Roseburia"}),
        evidence="short-chain-fatty-acids",
        note="A butyrate maker.",
    ),
    NamedTaxon(
        "Coprococcus",
        "genus",
        frozenset({"Coprococcus"}),
        evidence="faecalibacterium-quality-of-life",
        note="A butyrate maker.",
    ),
    NamedTaxon(
        "Mycoplasmatota (Tenericutes)",
        "phylum",
        frozenset({"Mycoplasmatota"}),
        evidence="anxiety-named-taxa",
    ),
)
RATIO_EVIDENCE = "firmicutes-bacteroidetes-ratio"


@dataclass(frozen=True)
class NamedFinding:
    taxon: NamedTaxon
    relative_abundance: float | None  # percent; None when the file does not go to that rank
    found: tuple[str, ...]  # the names in the file that counted


def named_taxa(profile: Profile) -> list[NamedFinding]:
    """Each named taxon's share of the sample, or None when the file cannot say."""
    present = {t.rank for t in profile.taxa}
    findings = []
    for named in NAMED_TAXA:
        rows = [t for t in profile.at(named.rank) if t.name in named.names]
        share = sum(t.relative_abundance for t in rows) if named.rank in present else None
        findings.append(NamedFinding(named, share, tuple(t.name for t in rows)))
    return findings


def firmicutes_bacteroidota_ratio(profile: Profile) -> float | None:
    """Bacillota ÷ Bacteroidota, shown only beside the caution that it is not a reliable marker."""
    shares = {t.name: t.relative_abundance for t in profile.at("phylum")}
    if not shares.get("Bacteroidota") or "Bacillota" not in shares:
        return None
    return shares["Bacillota"] / shares["Bacteroidota"]
