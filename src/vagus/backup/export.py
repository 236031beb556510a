"""Everything a person has stored, as one JSON document.

The document is complete only if every model with an owner has a section (a test checks
every such model); see :mod:`vagus.backup.registry` for how an app adds one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils import timezone

import vagus
from vagus.backup import registry

if TYPE_CHECKING:
    from vagus.accounts.models import User


def export_user_data(user: User) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": registry.FORMAT,
        "format_version": registry.FORMAT_VERSION,
        "vagus_version": vagus.__version__,
        "exported_at": timezone.now().isoformat(),
    }
    for section in registry.sections():
        # A broken character stored before it was refused must not make the whole backup
        # fail (it cannot be written as UTF-8): each row exports it as U+FFFD, everything
        # else exactly (see vagus.backup.rows.Row).
        document[section.name] = registry.dump(section, section.fn(user))
    return document


def write_private_file(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` (mode 0600: everything a person wrote) all or nothing.

    The text goes to a temporary file in the same directory, is flushed to disk, and then
    replaces ``path`` in one rename, so a failure part-way never truncates an existing backup.
    """
    target = Path(path)
    data = text.encode("utf-8")  # fails here, before anything on disk is touched
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp creates it 0600
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
