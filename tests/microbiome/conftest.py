from __future__ import annotations

import io
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def hdf5_table(sample_ids=("Stool.1",), *, values=None) -> bytes:
    """A BIOM 2.1 HDF5 table made with biom-format itself (no binary file committed)."""
    import biom
    import h5py
    import numpy as np

    observations = ["ASV1", "ASV2", "ASV3", "ASV4"]
    taxonomy = [
        [
            "k__Bacteria",
            "p__Firmicutes",
            "c__Clostridia",
            "o__Clostridiales",
            "f__Ruminococcaceae",
            "g__Faecalibacterium",
            "s__prausnitzii",
        ],
        [
            "k__Bacteria",
            "p__Bacillota",
            "c__Clostridia",
            "o__Clostridiales",
            "f__Lachnospiraceae",
            "g__Roseburia",
            "s__intestinalis",
        ],
        [
            "k__Bacteria",
            "p__Bacteroidota",
            "c__Bacteroidia",
            "o__Bacteroidales",
            "f__Bacteroidaceae",
            "g__Bacteroides",
            "s__uniformis",
        ],
        [
            "k__Bacteria",
            "p__Verrucomicrobia",
            "c__Verrucomicrobiae",
            "o__Verrucomicrobiales",
            "f__Akkermansiaceae",
            "g__Akkermansia",
            "s__muciniphila",
        ],
    ]
    if values is None:
        values = np.array([[400, 100], [250, 300], [300, 550], [50, 1]])[:, : len(sample_ids)]
    table = biom.Table(
        np.asarray(values, dtype=float),
        observations,
        list(sample_ids),
        observation_metadata=[{"taxonomy": t} for t in taxonomy],
    )
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5:
        table.to_hdf5(h5, "the Vagus tests")
    return buffer.getvalue()


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def hdf5() -> bytes:
    return hdf5_table()
