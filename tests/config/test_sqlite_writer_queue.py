"""SQLite writers queue on an OS file lock: the second waits, then goes once the first commits."""

from __future__ import annotations

import fcntl
import os
import threading

import pytest
from django.db.utils import ConnectionHandler


@pytest.fixture(autouse=True)
def _own_databases(django_db_blocker):
    # These tests open their own SQLite files, not the test database.
    with django_db_blocker.unblock():
        yield


def sqlite(path, timeout=20):
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "vagus.config.sqlite_backend",
                "NAME": str(path),
                "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": timeout},
            }
        }
    )
    return handler["default"]


def lock_is_held(db) -> bool:
    fd = os.open(f"{db}.writer-lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def begin(connection):
    connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def end(connection):
    connection.commit()
    connection.set_autocommit(True)


def test_second_writer_waits_for_the_first_and_then_proceeds(tmp_path):
    db = tmp_path / "queue.sqlite3"
    first = sqlite(db)
    first.cursor().execute("CREATE TABLE t (who TEXT)")
    begin(first)
    first.cursor().execute("INSERT INTO t VALUES ('first')")
    assert lock_is_held(db)
    began = threading.Event()

    def second_writer():
        second = sqlite(db)
        begin(second)  # blocks on the file lock while the first transaction is open
        began.set()
        second.cursor().execute("INSERT INTO t VALUES ('second')")
        end(second)
        second.close()

    thread = threading.Thread(target=second_writer)
    thread.start()
    assert not began.wait(0.3), "the second writer did not wait for the first"
    end(first)
    assert began.wait(5)
    thread.join(5)
    assert not lock_is_held(db)
    rows = [r[0] for r in first.cursor().execute("SELECT who FROM t ORDER BY rowid")]
    assert rows == ["first", "second"]
    first.close()


def test_a_rolled_back_writer_releases_the_lock(tmp_path):
    db = tmp_path / "rollback.sqlite3"
    first = sqlite(db)
    first.cursor().execute("CREATE TABLE t (x INTEGER)")
    begin(first)
    first.rollback()
    first.set_autocommit(True)
    second = sqlite(db)
    done = threading.Event()

    def write():
        other = sqlite(db)
        begin(other)
        end(other)
        other.close()
        done.set()

    threading.Thread(target=write).start()
    assert done.wait(2)
    first.close()
    second.close()


def test_a_write_outside_a_transaction_queues_too(tmp_path):
    """An access token's "last used" UPDATE runs in autocommit mode, with no BEGIN. Behind a
    writer that holds the database longer than the busy timeout it used to fail with
    "database is locked"; now it waits in the same queue and goes once the writer commits."""
    db = tmp_path / "autocommit.sqlite3"
    first = sqlite(db, timeout=0.2)
    first.cursor().execute("CREATE TABLE token (id INTEGER PRIMARY KEY, last_used TEXT)")
    first.cursor().execute("INSERT INTO token VALUES (1, NULL)")
    begin(first)
    first.cursor().execute("INSERT INTO token VALUES (2, NULL)")
    outcome: list[object] = []

    def token_call():
        other = sqlite(db, timeout=0.2)
        try:
            other.cursor().execute("UPDATE token SET last_used = 'now' WHERE id = 1")
            outcome.append("written")
        except Exception as exc:  # the old behaviour: OperationalError, database is locked
            outcome.append(exc)
        finally:
            other.close()

    thread = threading.Thread(target=token_call)
    thread.start()
    thread.join(0.8)  # four busy timeouts: long enough for the old code to give up
    assert thread.is_alive() and outcome == [], f"the write did not queue: {outcome}"
    end(first)
    thread.join(5)
    assert outcome == ["written"]
    rows = list(first.cursor().execute("SELECT id, last_used FROM token ORDER BY id"))
    assert rows == [(1, "now"), (2, None)]
    first.close()
