"""Django's SQLite backend, with write transactions queued on an OS file lock.

SQLite lets one writer in at a time. A writer that finds the database busy waits in SQLite's
busy handler, which sleeps and polls on a growing schedule (1, 2, 5, 10, … 100 ms), so under
concurrent check-ins a wait often lasts far longer than the transaction it waits for.
Taking an exclusive ``flock`` before ``BEGIN IMMEDIATE`` queues writers in the kernel
instead: the next writer wakes the moment the previous one commits. Measured with
``benchmarks/checkin_load.py``; the busy timeout stays as the backstop.
"""

from __future__ import annotations

import fcntl
import os
from typing import Any

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lock_fd: int | None = None
        self._locked = False

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
