"""Keys made on first run: when several processes start at once, all read one whole key."""

from __future__ import annotations

import multiprocessing
import os
import stat
from pathlib import Path

from vagus.config.paths import write_once

STARTS = 12


def _start(folder: str, barrier, results) -> None:
    path = Path(folder) / "secret_key"
    barrier.wait()
    # A slow writer: if a reader could see the file before its text, it would read "".
    write_once(path, lambda: f"key-{os.getpid()}-" + "x" * 200_000)
    results.put(path.read_text())


def test_processes_starting_at_once_all_read_the_same_whole_key(tmp_path):
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(STARTS)
    results = context.Queue()
    starts = [
        context.Process(target=_start, args=(str(tmp_path), barrier, results))
        for _ in range(STARTS)
    ]
    for process in starts:
        process.start()
    read = [results.get(timeout=30) for _ in starts]
    for process in starts:
        process.join(timeout=30)
    assert len(set(read)) == 1
    assert read[0].startswith("key-") and len(read[0]) > 200_000
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]  # nothing left aside


def test_an_existing_key_is_never_replaced(tmp_path):
    path = tmp_path / "encryption_key"
    write_once(path, lambda: "first")
    write_once(path, lambda: "second")
    assert path.read_text() == "first"
