"""MetaPhlAn 3 and 4 profiles: ``#clade_name  NCBI_tax_id  relative_abundance  …`` TSV.

Each row is one clade written as its whole lineage (``k__Bacteria|p__Firmicutes|…|s__…``),
its relative abundance in percent of the sample at that rank. Version 4 adds ``t__SGB…``
strain-level bins and may start with an ``UNCLASSIFIED`` row (the share it could not place).
"""

from __future__ import annotations

from .profile import MicrobiomeFileError, Profile, build
from .taxonomy import UnknownRankError, lineage

HEADER_MARK = "#clade_name"


def looks_like(text: str) -> bool:
    head = text[:4000]
    return HEADER_MARK in head or ("k__" in head and "|p__" in head and "\t" in head)


def parse(text: str) -> Profile:
    values: dict[tuple[str, str], float] = {}
    errors: list[str] = []
    version = ""
    unclassified: float | None = None
    column = 2
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#mpa_v"):
                version = line[1:].split()[0]
            if line.startswith(HEADER_MARK):
                names = [c.strip() for c in line[1:].split("\t")]
                if "relative_abundance" in names:
                    column = names.index("relative_abundance")
            continue
        cells = raw.rstrip("\n").split("\t")
        if len(cells) <= column:
            errors.append(f"Line {number}: fewer columns than the header names")
            continue
        try:
            amount = float(cells[column])
        except ValueError:
            errors.append(f"Line {number}: “{cells[column]}” is not a number")
            continue
        if amount < 0:
            errors.append(f"Line {number}: a negative abundance")
            continue
        if cells[0].strip().casefold() == "unclassified":
            unclassified = amount
            continue
        try:
            ranks = lineage(cells[0].split("|"))
        except UnknownRankError as exc:
            errors.append(f"Line {number}: {exc}")
            continue
        if not ranks:
            errors.append(f"Line {number}: no taxon named")
            continue
        rank, name = ranks[-1]  # the row's own clade; its parents have rows of their own
        values[(rank, name)] = values.get((rank, name), 0.0) + amount
    if errors:
        raise MicrobiomeFileError(f"{len(errors)} lines of this profile cannot be read.", errors)
    if not values:
        raise MicrobiomeFileError("This file is not a MetaPhlAn profile: it has no clade rows.")
    notes = ["Values read as percentages, as MetaPhlAn writes them."]
    if version:
        notes.append(f"Database {version}.")
    if unclassified is not None:
        notes.append(f"{unclassified:.1f} % of the reads could not be placed (UNCLASSIFIED).")
    return build("", "metaphlan", values, "percent", method="shotgun", notes=notes)
