"""The data directory is the server user's alone: 0700, and its files (the SQLite database
and its -wal/-shm, the keys) 0600, whether new or left open by an older version."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import uuid
from pathlib import Path

from tests.helpers import PASSWORD

DB = "vagus.sqlite3"


def vagus(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "VAGUS_DATA_DIR": str(data_dir)}
    env.pop("VAGUS_DATABASE_URL", None)  # the files in question are SQLite's
    return subprocess.run(
        [sys.executable, "-m", "vagus", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes(data_dir: Path) -> dict[str, int]:
    return {p.name: mode(p) for p in data_dir.iterdir()}


def test_a_new_data_directory_is_private(tmp_path):
    data_dir = tmp_path / "data"
    created = vagus(
        data_dir,
        "createuser",
        f"p-{uuid.uuid4().hex[:6]}",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert created.returncode == 0, created.stderr
    assert mode(data_dir) == 0o700
    assert {DB, "secret_key"} <= set(modes(data_dir))
    assert all(m == 0o600 for m in modes(data_dir).values()), modes(data_dir)
    # SQLite gives -wal and -shm the database file's mode, whatever the opener's umask.
    old = os.umask(0o022)
    try:
        with sqlite3.connect(data_dir / DB) as connection:
            connection.execute("select count(*) from accounts_user").fetchone()
            assert mode(data_dir / f"{DB}-wal") == 0o600
            assert mode(data_dir / f"{DB}-shm") == 0o600
    finally:
        os.umask(old)


def test_files_left_readable_by_an_older_version_are_fixed_on_start(tmp_path):
    data_dir = tmp_path / "data"
    assert vagus(data_dir, "invite", "list").returncode == 0  # a migrated database
    # As an older version left them: 0755 directory, 0644 files, and a live -wal/-shm pair
    # (held open here, so the command below finds them in use).
    old = os.umask(0o022)
    try:
        connection = sqlite3.connect(data_dir / DB)
        connection.execute("pragma journal_mode=wal")
        connection.execute("select count(*) from accounts_user").fetchone()
        data_dir.chmod(0o755)
        for path in data_dir.iterdir():
            path.chmod(0o644)
        assert {f"{DB}-wal", f"{DB}-shm"} <= set(modes(data_dir))
        listed = vagus(data_dir, "invite", "list")
        assert listed.returncode == 0, listed.stderr
        assert mode(data_dir) == 0o700
        assert {DB, f"{DB}-wal", f"{DB}-shm", "secret_key"} <= set(modes(data_dir))
        assert all(m == 0o600 for m in modes(data_dir).values()), modes(data_dir)
        connection.close()
    finally:
        os.umask(old)


def test_a_shared_directory_is_left_alone(tmp_path, monkeypatch, capsys):
    from vagus.config.paths import protect_data_dir

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    other = shared / "someone-elses-file"
    other.write_text("not ours")
    other.chmod(0o644)
    monkeypatch.setenv("VAGUS_DATA_DIR", str(shared))
    protect_data_dir()
    assert "shared or belongs to another user" in capsys.readouterr().err
    assert mode(shared) == 0o1777
    assert mode(other) == 0o644
