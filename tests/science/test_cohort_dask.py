"""The Dask engine gives the local engine's numbers (to 1e-9) and leaves nothing running."""

from __future__ import annotations

import itertools

import numpy as np
import psutil
import pytest

from vagus.science import cohort
from vagus.science.cohort import _engines
from vagus.science.cohort._simulate import simulate_cohort


def numbers(result: cohort.CohortResult) -> list[float]:
    out: list[float] = [result.participants, result.observations]
    for f in result.factors:
        d = f.to_dict()
        out += [f.participants, *d["within"].values(), *d["between"].values(), f.slope_sd]
    return out


@pytest.fixture(scope="module")
def frame():
    return simulate_cohort(np.random.default_rng(3), 60, 50, missing=0.2)


def test_a_two_worker_process_cluster_agrees_with_the_local_engine_and_is_closed(
    frame, monkeypatch
):
    monkeypatch.setattr(_engines, "PARTICIPANTS_PER_CHUNK", 7)  # many chunks, ragged ends
    local = cohort.analyse(frame, "anxiety")
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    on_dask = cohort.analyse(frame, "anxiety", engine="dask", workers=2)
    assert np.allclose(numbers(on_dask), numbers(local), rtol=0, atol=1e-9)
    assert on_dask.to_json() == local.to_json()  # in fact bit for bit
    left = [
        p
        for p in psutil.Process().children(recursive=True)
        if p.pid not in before
        and p.is_running()
        and p.status() != psutil.STATUS_ZOMBIE
        # multiprocessing's own resource tracker: one per parent, shared, gone with it
        and "multiprocessing.resource_tracker" not in " ".join(p.cmdline())
    ]
    assert not left, [p.cmdline() for p in left]


def test_an_existing_client_is_used_and_left_open(frame):
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        first = cohort.analyse(frame, "anxiety", ["sleep_hours"], engine="dask", scheduler=client)
        again = cohort.analyse(frame, "anxiety", ["sleep_hours"], engine="dask", scheduler=client)
        assert client.status == "running"
    local = cohort.analyse(frame, "anxiety", ["sleep_hours"])
    assert numbers(first) == numbers(again)
    assert np.allclose(numbers(first), numbers(local), rtol=0, atol=1e-9)


def test_chunks_cover_every_participant_once(frame):
    wide = cohort._frame.to_wide(frame, "anxiety", None)
    bounds = _engines._chunks(wide, 7)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(wide.participants)
    assert bounds[0][2] == 0 and bounds[-1][3] == len(wide.codes)
    for (_, end, _, row_end), (first, _, row, _) in itertools.pairwise(bounds):
        assert end == first and row_end == row
        assert wide.codes[row] == first and wide.codes[row - 1] == first - 1
