"""Django's SQLite backend, with write transactions queued on an OS file lock.

SQLite lets one writer in at a time. A writer that finds the database busy waits in SQLite's
busy handler, which sleeps and polls on a growing schedule (1, 2, 5, 10, … 100 ms), so under
concurrent check-ins a wait often lasts far longer than the transaction it waits for.
Taking an exclusive ``flock`` before ``BEGIN IMMEDIATE`` queues writers in the kernel
instead: the next writer wakes the moment the previous one commits. Measured with
``benchmarks/checkin_load.py``; the busy timeout stays as the backstop.

A write outside a transaction (``QuerySet.update()``, a plain ``Model.save()``, such as an
access token's "last used" time) never sends ``BEGIN``, so it would skip that queue and wait
in the busy handler instead, failing with "database is locked" behind a long writer. The
cursor below takes the same lock around each such statement.
"""

from __future__ import annotations

import fcntl
import os
from typing import Any

from django.db.backends.sqlite3 import base

_READS = ("select", "with", "pragma", "explain", "begin", "savepoint", "release")


class QueuedCursor(base.SQLiteCursorWrapper):
    """Statements run outside a transaction queue for the writer lock when they write."""

    queue: DatabaseWrapper

    def _writes_alone(self, query: str) -> bool:
        queue = getattr(self, "queue", None)
        if queue is None or queue._locked or queue.in_atomic_block:
            return False
        return not query.lstrip(" \n\t(").lower().startswith(_READS)

    def execute(self, query: str, params: Any = None) -> Any:
        if not self._writes_alone(query):
            return super().execute(query, params)
        self.queue._acquire_writer_lock()
        try:
            return super().execute(query, params)
        finally:
            self.queue._release_writer_lock()

    def executemany(self, query: str, param_list: Any) -> Any:
        if not self._writes_alone(query):
            return super().executemany(query, param_list)
        self.queue._acquire_writer_lock()
        try:
            return super().executemany(query, param_list)
        finally:
            self.queue._release_writer_lock()


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lock_fd: int | None = None
        self._locked = False

    def create_cursor(self, name: str | None = None) -> Any:
        cursor = self.connection.cursor(factory=QueuedCursor)
        cursor.queue = self
        return cursor

    def _lock_path(self) -> str | None:
        if self.is_in_memory_db():
            return None
        return f"{self.settings_dict['NAME']}.writer-lock"

    def _acquire_writer_lock(self) -> None:
        path = self._lock_path()
        if path is None:
            return
        if self._lock_fd is None:
            self._lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        self._locked = True

    def _release_writer_lock(self) -> None:
        if self._locked and self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
        self._locked = False

    def _start_transaction_under_autocommit(self) -> None:
        self._acquire_writer_lock()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # a private hook the stubs leave out
        except BaseException:
            self._release_writer_lock()
            raise

    def _commit(self) -> Any:
        try:
            return super()._commit()  # type: ignore[misc]  # a private hook the stubs leave out
        finally:
            self._release_writer_lock()

    def _rollback(self) -> Any:
        try:
            return super()._rollback()  # type: ignore[misc]  # a private hook the stubs leave out
        finally:
            self._release_writer_lock()

    def _close(self) -> Any:
        try:
            return super()._close()  # type: ignore[misc]  # a private hook the stubs leave out
        finally:
            self._release_writer_lock()
            if self._lock_fd is not None:
                os.close(self._lock_fd)
                self._lock_fd = None
