"""Where the per-participant statistics are computed: this process, or a Dask cluster.

Only ``participant_statistics`` (and, for :mod:`._screens`, the per-participant screens) runs
remotely, on chunks of whole participants; pooling is cheap (a few numbers per participant)
and always runs here, so both engines give the same result. Every cluster or client opened by
:func:`dask_client` is closed before it returns.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from vagus.science.cohort import _stats
from vagus.science.cohort._frame import Wide
from vagus.science.cohort._stats import participant_statistics

if TYPE_CHECKING:
    from distributed import Client

ENGINES = ("local", "dask")
PARTICIPANTS_PER_CHUNK = 500  # ~180,000 participant-days: a few tens of MB per task


def local_statistics(wide: Wide) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    return participant_statistics(wide.codes, wide.weekday, wide.values, len(wide.participants))


def _chunks(wide: Wide, pieces: int) -> list[tuple[int, int, int, int]]:
    """(first participant, end participant, first row, end row) of each chunk."""
    people = len(wide.participants)
    size = max(1, -(-people // pieces))
    bounds = []
    starts = np.searchsorted(wide.codes, np.arange(0, people + size, size))
    for index, first in enumerate(range(0, people, size)):
        end = min(first + size, people)
        bounds.append((first, end, int(starts[index]), int(starts[index + 1])))
    return bounds


@contextmanager
def dask_client(
    scheduler: str | Client | None = None, *, workers: int = 2, processes: bool = True
) -> Iterator[Client]:
    """A Dask client for one piece of work, closed afterwards unless it was given.

    ``scheduler``: ``None`` starts a ``LocalCluster`` of ``workers`` single-threaded workers
    (processes unless ``processes=False``; no dashboard) and stops it afterwards; an address
    such as ``tcp://host:8786`` connects to a running cluster; a ``distributed.Client`` is
    used as it is and left open.
    """
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(  # type: ignore[no-untyped-call]  # untyped in distributed
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        elif isinstance(scheduler, str):
            client = stack.enter_context(Client(scheduler, timeout="20s"))  # type: ignore[no-untyped-call]
        else:
            client = scheduler
        yield client


def chunk_count(wide: Wide, workers: int, per_chunk: int) -> int:
    """At least two chunks a worker (so a slow one does not hold up the rest)."""
    return max(2 * workers, -(-len(wide.participants) // per_chunk))


def dask_statistics(
    wide: Wide,
    scheduler: str | Client | None = None,
    *,
    workers: int = 2,
    processes: bool = True,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """The same statistics from Dask workers (``scheduler`` as for :func:`dask_client`).

    Workers of a running cluster need only numpy: the statistics function is sent by value.
    """
    import cloudpickle

    # Ship the statistics function by value: workers then need numpy, not Vagus (nor its
    # pandas and scipy imports, which made a fresh worker's first task several seconds slower).
    cloudpickle.register_pickle_by_value(_stats)
    with dask_client(scheduler, workers=workers, processes=processes) as client:
        futures = []
        bounds = _chunks(wide, chunk_count(wide, workers, PARTICIPANTS_PER_CHUNK))
        for first, end, row, row_end in bounds:
            # hash=False: chunks of equal size have equal code arrays, and a key shared by
            # two chunks can be released under a worker still fetching it.
            parts = client.scatter(  # type: ignore[no-untyped-call]  # untyped in distributed
                [
                    wide.codes[row:row_end] - first,
                    wide.weekday[row:row_end],
                    wide.values[row:row_end],
                ],
                hash=False,
            )
            futures.append(client.submit(participant_statistics, *parts, end - first, pure=False))
        results = client.gather(futures)  # type: ignore[no-untyped-call]
    stats = np.concatenate([r[0] for r in results], axis=1)
    days = np.concatenate([r[1] for r in results])
    return stats, days
