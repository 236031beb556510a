"""The generic taxa CSV: ``taxon,rank,value``, one row per taxon.

``rank`` is a word (phylum, genus, species, …) or its one-letter code (p, g, s, …).
``value`` is either read counts or percentages, decided for the whole file and said:
whole numbers whose rank totals go past 100 are counts; anything else is percent.
"""

from __future__ import annotations

import csv
import io

from .profile import PERCENT_SLACK, MicrobiomeFileError, Profile, build
from .taxonomy import clean_name, current_phylum, rank_of_word

COLUMNS = ("taxon", "rank", "value")


def looks_like(text: str) -> bool:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    return [c.strip().casefold() for c in first.split(",")][:3] == list(COLUMNS)


def parse(text: str) -> Profile:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [c.strip().casefold() for c in next(reader, [])]
    if header[:3] != list(COLUMNS):
        raise MicrobiomeFileError("A taxa CSV starts with the columns taxon, rank, value.")
    rows: list[tuple[str, str, float]] = []
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < 3:
            errors.append(f"Line {number}: needs a taxon, a rank and a value")
            continue
        name, rank_text, value_text = (c.strip() for c in cells[:3])
        rank = rank_of_word(rank_text)
        if rank is None:
            errors.append(f"Line {number}: “{rank_text}” is not a rank Vagus knows")
            continue
        if not name:
            errors.append(f"Line {number}: no taxon named")
            continue
        try:
            value = float(value_text.removesuffix("%"))
        except ValueError:
            errors.append(f"Line {number}: “{value_text}” is not a number")
            continue
        if value < 0 or value != value:
            errors.append(f"Line {number}: an abundance below 0")
            continue
        name = clean_name(rank, name)
        key = (rank, current_phylum(name)[0] if rank == "phylum" else name)
        if key in seen and rank != "phylum":
            errors.append(f"Line {number}: {name} is listed twice")
            continue
        seen.add(key)
        rows.append((rank, name, value))
    if errors:
        raise MicrobiomeFileError(f"{len(errors)} lines of this file cannot be read.", errors)
    if not rows:
        raise MicrobiomeFileError("This file has no taxa rows.")
    values: dict[tuple[str, str], float] = {}
    for rank, name, value in rows:
        values[(rank, name)] = values.get((rank, name), 0.0) + value
    totals: dict[str, float] = {}
    for (rank, _), value in values.items():
        totals[rank] = totals.get(rank, 0.0) + value
    whole = all(v.is_integer() for _, _, v in rows)
    if whole and max(totals.values()) > 100.0 + PERCENT_SLACK:
        kind = "counts"
        note = "Values read as counts: every value is a whole number and they add up past 100."
    else:
        kind = "percent"
        note = "Values read as percentages: no rank adds up to more than 100."
    return build("", "csv", values, kind, notes=[note])
