"""Where Vagus keeps its files: one data directory, chosen by VAGUS_DATA_DIR.

Everything in it is personal (day notes, meals, answers, session keys, the keys themselves),
so the directory is the server user's alone: 0700, and every file in it 0600.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from collections.abc import Callable
from pathlib import Path

# Files Vagus creates from now on are readable by the server's user only. SQLite makes its
# -wal and -shm files with the database file's own mode, so a 0600 database keeps them 0600.
PRIVATE_UMASK = 0o077


def data_dir() -> Path:
    """The data directory, created on first use (SQLite database, secret key)."""
    configured = os.environ.get("VAGUS_DATA_DIR")
    path = Path(configured) if configured else Path.home() / ".local" / "share" / "vagus"
    path = path.expanduser().resolve()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def protect_data_dir() -> Path:
    """Set a private umask for this process and tighten what an older version left open.

    Called once at start-up by the settings, so the server, every ``vagus`` command and
    ``django-admin`` all do it before a file is written.
    """
    os.umask(PRIVATE_UMASK)
    path = data_dir()
    info = path.stat()
    if info.st_mode & stat.S_ISVTX or info.st_uid != os.geteuid():
        # A shared directory such as /tmp, or another user's: not ours to lock down.
        print(
            f"vagus: {path} is shared or belongs to another user, so its permissions are left "
            "alone; give Vagus a data directory of its own.",
            file=sys.stderr,
        )
        return path
    if stat.S_IMODE(info.st_mode) != 0o700:
        path.chmod(0o700)
    for entry in path.iterdir():
        try:
            mode = entry.lstat().st_mode
        except FileNotFoundError:  # a -wal or -shm removed while we looked
            continue
        if stat.S_ISREG(mode) and stat.S_IMODE(mode) & 0o077:
            entry.chmod(0o600)
        elif stat.S_ISDIR(mode) and stat.S_IMODE(mode) & 0o077:
            entry.chmod(0o700)
    return path


def write_once(path: Path, make: Callable[[], str]) -> None:
    """Create ``path`` (0600) with ``make()`` unless it exists; never leave it half-written.

    The text is written aside and then linked into place, which fails if the file exists:
    when two processes start at once, one key wins and neither reads a file still being
    written (opening the final name with O_EXCL and then writing left that gap).
    """
    if path.exists():
        return
    aside = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(make())
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(aside, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: create the name itself
            _create_exclusively(path, aside.read_text())
    finally:
        aside.unlink(missing_ok=True)


def _create_exclusively(path: Path, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as handle:
        handle.write(text)


def secret_key() -> str:
    """VAGUS_SECRET_KEY, or a key generated on first run and kept in the data directory.

    Generated rather than defaulted so that no two installations share a key, and kept so
    that sessions survive a restart.
    """
    configured = os.environ.get("VAGUS_SECRET_KEY")
    if configured:
        return configured
    key_file = data_dir() / "secret_key"
    write_once(key_file, lambda: secrets.token_urlsafe(50))
    return key_file.read_text().strip()


def private_file(name: str, make: Callable[[], str]) -> str:
    """The text of ``name`` in the data directory, written by ``make()`` on first use (0600).

    For keys generated on first run and kept (the Web Push signing key): when two processes
    start at once, both read the same key (``write_once``).
    """
    path = data_dir() / name
    write_once(path, make)
    return path.read_text()
