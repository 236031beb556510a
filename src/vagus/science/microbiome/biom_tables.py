"""BIOM tables (1.0 JSON, 2.1 HDF5), read with the biom-format package.

A BIOM table holds features (OTUs, ASVs or taxa) by samples, with each feature's taxonomy in
its observation metadata (``taxonomy``: a list of levels or one ``"k__…; p__…"`` string).
Values are read counts when they are whole numbers, else relative abundances (fractions of 1
or percentages, told apart by the column's sum).
"""

from __future__ import annotations

import io
import json
from typing import Any

from .profile import MicrobiomeFileError, Profile, SampleChoiceNeeded, build
from .taxonomy import UnknownRankError, lineage, split_lineage_text

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


def is_hdf5(data: bytes) -> bool:
    return data.startswith(HDF5_SIGNATURE)


def load(data: bytes) -> tuple[Any, str]:
    """The biom Table in ``data`` and its format name; a clear error for anything else."""
    import biom

    if is_hdf5(data):
        import h5py

        try:
            with h5py.File(io.BytesIO(data), "r") as h5:
                return biom.Table.from_hdf5(h5), "biom-hdf5"
        except Exception as exc:  # h5py raises OSError, KeyError, ValueError on damage
            raise MicrobiomeFileError(
                "This HDF5 file could not be read as a BIOM table; it may be cut short "
                "or not a BIOM file."
            ) from exc
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise MicrobiomeFileError("This file is not a BIOM table (not JSON or HDF5).") from exc
    if not isinstance(document, dict) or "rows" not in document or "data" not in document:
        raise MicrobiomeFileError("This JSON file is not a BIOM table (it has no rows and data).")
    try:
        return biom.Table.from_json(document), "biom-json"
    except Exception as exc:  # biom raises many kinds on a malformed document
        raise MicrobiomeFileError(f"This BIOM table could not be read: {exc}") from exc


def sample_ids(table: Any) -> list[str]:
    return [str(s) for s in table.ids(axis="sample")]


def _levels(metadata: Any) -> list[str] | None:
    if not metadata:
        return None
    taxonomy = metadata.get("taxonomy") or metadata.get("Taxonomy")
    if isinstance(taxonomy, str):
        return split_lineage_text(taxonomy)
    if isinstance(taxonomy, list | tuple):
        return [str(level) for level in taxonomy]
    return None


def parse(data: bytes, *, sample: str | None = None) -> Profile:
    table, fmt = load(data)
    ids = sample_ids(table)
    if not ids:
        raise MicrobiomeFileError("This BIOM table has no samples.")
    if sample is None:
        if len(ids) > 1:
            raise SampleChoiceNeeded(ids)
        sample = ids[0]
    if sample not in ids:
        raise MicrobiomeFileError(f"This table has no sample called “{sample}”.")
    column = table.data(sample, axis="sample", dense=True)
    values: dict[tuple[str, str], float] = {}
    errors: list[str] = []
    for index, (feature, amount) in enumerate(
        zip(table.ids(axis="observation"), column, strict=True)
    ):
        amount = float(amount)
        if amount < 0:
            errors.append(f"Row {index + 1} ({feature}): a negative abundance")
            continue
        levels = _levels(table.metadata(feature, axis="observation"))
        if levels is None:
            errors.append(f"Row {index + 1} ({feature}): no taxonomy")
            continue
        try:
            ranks = lineage(levels)
        except UnknownRankError as exc:
            errors.append(f"Row {index + 1} ({feature}): {exc}")
            continue
        for rank, name in ranks:
            values[(rank, name)] = values.get((rank, name), 0.0) + amount
    if errors:
        raise MicrobiomeFileError(f"{len(errors)} rows of this table cannot be read.", errors)
    total = float(column.sum())
    whole = all(float(v).is_integer() for v in column)
    if whole and total > 100.0 + 2.0:
        kind, note = "counts", f"Values read as counts: whole numbers adding up to {total:,.0f}."
    elif total <= 1.0 + 1e-6:
        kind, note = "fraction", "Values read as fractions of 1: the sample adds up to 1."
    else:
        kind, note = "percent", f"Values read as percentages: the sample adds up to {total:,.1f}."
    return build(sample, fmt, values, kind, total=total if kind == "counts" else None, notes=[note])
