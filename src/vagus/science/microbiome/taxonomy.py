"""Ranks, lineage strings and the phylum names NCBI changed in 2021.

Files name a taxon with a rank prefix: Greengenes and MetaPhlAn write ``p__Firmicutes``,
older SILVA exports ``D_1__Firmicutes`` (the digit is the depth: 0 domain … 6 species).
The phyla were given new names when the rank of phylum entered the prokaryote code (Oren &
Garrity 2021, doi:10.1099/ijsem.0.005056); a file may use either, so both read as one phylum.
"""

from __future__ import annotations

import re

RANKS: tuple[str, ...] = (
    "kingdom",
    "phylum",
    "class",
    "order",
    "family",
    "genus",
    "species",
    "strain",
)
RANK_CODES: dict[str, str] = {
    "k": "kingdom",
    "d": "kingdom",  # "domain" in SILVA and GTDB strings
    "p": "phylum",
    "c": "class",
    "o": "order",
    "f": "family",
    "g": "genus",
    "s": "species",
    "t": "strain",  # MetaPhlAn 4's SGB level
}
RANK_WORDS: dict[str, str] = {rank: rank for rank in RANKS} | {
    "domain": "kingdom",
    "superkingdom": "kingdom",
    "subspecies": "strain",
    "sgb": "strain",
}

# Former name → current name (NCBI, 2021). Only phyla found in human stool are listed.
PHYLUM_RENAMES: dict[str, str] = {
    "Firmicutes": "Bacillota",
    "Bacteroidetes": "Bacteroidota",
    "Proteobacteria": "Pseudomonadota",
    "Actinobacteria": "Actinomycetota",
    "Tenericutes": "Mycoplasmatota",
    "Verrucomicrobia": "Verrucomicrobiota",
    "Fusobacteria": "Fusobacteriota",
    "Spirochaetes": "Spirochaetota",
    "Synergistetes": "Synergistota",
    "Lentisphaerae": "Lentisphaerota",
    "Cyanobacteria": "Cyanobacteriota",
    "Deferribacteres": "Deferribacterota",
    "Elusimicrobia": "Elusimicrobiota",
    "Chloroflexi": "Chloroflexota",
}
FORMER_PHYLUM_NAMES: dict[str, str] = {new: old for old, new in PHYLUM_RENAMES.items()}

_CODED = re.compile(r"^([A-Za-z])__(.*)$")
_SILVA = re.compile(r"^D_(\d)__(.*)$")
_SILVA_DEPTHS = ("kingdom", "phylum", "class", "order", "family", "genus", "species")


class UnknownRankError(ValueError):
    """A taxon written with a rank code Vagus does not know (``x__Name``)."""


def rank_of_word(word: str) -> str | None:
    """``"Phylum"`` or ``"p"`` → ``"phylum"``; None for anything else."""
    key = word.strip().casefold()
    return RANK_WORDS.get(key) or RANK_CODES.get(key)


def split_level(text: str) -> tuple[str, str]:
    """``"p__Firmicutes"`` → ``("phylum", "Firmicutes")``; the name may be empty (``"g__"``)."""
    text = text.strip()
    if match := _SILVA.match(text):
        depth = int(match.group(1))
        if depth >= len(_SILVA_DEPTHS):
            raise UnknownRankError(f"“{text}” has a rank code Vagus does not know")
        return _SILVA_DEPTHS[depth], match.group(2).strip()
    if match := _CODED.match(text):
        rank = RANK_CODES.get(match.group(1).casefold())
        if rank is None:
            raise UnknownRankError(f"“{text}” has a rank code Vagus does not know")
        return rank, match.group(2).strip()
    raise UnknownRankError(f"“{text}” has no rank code (such as p__ or g__)")


def clean_name(rank: str, name: str, genus: str | None = None) -> str:
    """A display name: underscores as spaces, a bare species epithet given its genus."""
    name = name.replace("_", " ").strip().strip("[]")
    if rank == "species" and genus and " " not in name:
        return f"{genus} {name}"
    return name


def lineage(levels: list[str]) -> list[tuple[str, str]]:
    """``["k__Bacteria", "p__Firmicutes", "g__"]`` → ranks and names, stopping at a blank.

    Unknown rank codes raise :class:`UnknownRankError`; ``g__`` (not assigned) ends the lineage.
    """
    found: list[tuple[str, str]] = []
    genus: str | None = None
    for level in levels:
        if not level.strip():
            continue
        rank, name = split_level(level)
        if not name or name.casefold() in {"unassigned", "unclassified", "unknown"}:
            break
        name = clean_name(rank, name, genus)
        if rank == "genus":
            genus = name
        found.append((rank, name))
    return found


def split_lineage_text(text: str) -> list[str]:
    """A Greengenes/SILVA taxonomy string (``"k__Bacteria; p__Firmicutes"``) as its levels."""
    return [part for part in re.split(r"[;|]", text) if part.strip()]


def current_phylum(name: str) -> tuple[str, str | None]:
    """A phylum's current and former name: ``"Firmicutes"`` → ``("Bacillota", "Firmicutes")``."""
    if name in PHYLUM_RENAMES:
        return PHYLUM_RENAMES[name], name
    return name, FORMER_PHYLUM_NAMES.get(name)


def both_names(name: str, former: str | None) -> str:
    """``"Bacillota (Firmicutes)"``, or just the name when it never changed."""
    return f"{name} ({former})" if former else name
