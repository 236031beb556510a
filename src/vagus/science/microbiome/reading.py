"""Which kind of file this is, and reading it into a :class:`Profile`."""

from __future__ import annotations

from . import biom_tables, metaphlan, taxa_csv
from .profile import MicrobiomeFileError, Profile


def detect(data: bytes) -> str:
    """``biom``, ``metaphlan`` or ``csv``; a clear error when it is none of them."""
    if biom_tables.is_hdf5(data):
        return "biom"
    text = _text(data)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return "biom"
    if metaphlan.looks_like(text):
        return "metaphlan"
    if taxa_csv.looks_like(text):
        return "csv"
    raise MicrobiomeFileError(
        "This file is not a taxa table Vagus can read: a BIOM table, a MetaPhlAn profile, "
        "or a CSV with the columns taxon, rank, value."
    )


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MicrobiomeFileError("This file is not text, a BIOM table or an HDF5 file.") from exc


def sample_ids(data: bytes) -> list[str]:
    """The samples a file holds: several only for BIOM tables; [""] for one-sample formats."""
    if detect(data) == "biom":
        table, _ = biom_tables.load(data)
        return biom_tables.sample_ids(table)
    return [""]


def read_profile(data: bytes, *, sample: str | None = None) -> Profile:
    """The profile of one sample in ``data`` (``sample``: which one, for a BIOM table)."""
    kind = detect(data)
    if kind == "biom":
        return biom_tables.parse(data, sample=sample or None)
    if kind == "metaphlan":
        return metaphlan.parse(_text(data))
    return taxa_csv.parse(_text(data))
