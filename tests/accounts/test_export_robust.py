"""One broken character stored before it was refused must not break a backup.

A lone UTF-16 surrogate in a tool session's settings used to make every JSON export answer
500 (it cannot be written as UTF-8), and `vagus export -o` truncated the previous backup
before failing. Now the export writes it as U+FFFD, and the file is replaced all or nothing.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from vagus.backup.export import write_private_file
from vagus.tools.models import ToolSession

BROKEN = {"pattern": "slow \ud800", "\udfff": "a key too"}
FIXED = {"pattern": "slow \ufffd", "\ufffd": "a key too"}


def store_broken_session(user) -> None:
    # Straight into the table, as an older Vagus let the API do; the API refuses it now.
    # Only SQLite can hold one: PostgreSQL's jsonb refuses a lone surrogate itself.
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("only a SQLite database can hold a lone surrogate")
    ToolSession.objects.create(
        owner=user,
        tool="breathing",
        started=timezone.now() - timedelta(minutes=5),
        duration_seconds=300,
        settings=BROKEN,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/accounts/export/", "/data/export/vagus.json", "/api/exports/json"]
)
def test_every_json_export_still_works_and_keeps_everything_else(person, person_client, url):
    store_broken_session(person)
    response = person_client.get(url)
    assert response.status_code == 200
    document = json.loads(response.content.decode("utf-8"))
    (session,) = document["tool_sessions"]
    assert session["settings"] == FIXED
    assert session["duration_seconds"] == 300


def test_a_failed_write_leaves_the_previous_backup_untouched(tmp_path: Path):
    backup = tmp_path / "backup.json"
    backup.write_text('{"previous": "backup"}\n', encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_private_file(backup, '{"new": "\ud800"}')  # cannot be written as UTF-8
    assert backup.read_text(encoding="utf-8") == '{"previous": "backup"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["backup.json"]  # no temporary file left
    write_private_file(backup, "new\n")
    assert backup.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


STORE = """
import sys
from datetime import timedelta
from vagus.cli import _setup
_setup()
from django.utils import timezone
from vagus.accounts.models import User
from vagus.tools.models import ToolSession
ToolSession.objects.create(
    owner=User.objects.get(username=sys.argv[1]), tool="breathing", duration_seconds=300,
    started=timezone.now() - timedelta(minutes=5), settings={"pattern": "slow \\ud800"},
)
"""


def test_the_cli_replaces_a_backup_all_or_nothing(tmp_path: Path):
    """`vagus export -o` run as a person would, over a data directory holding the bad row."""
    if os.environ.get("VAGUS_DATABASE_URL"):
        pytest.skip("only a SQLite database can hold a lone surrogate")
    env = {**os.environ, "VAGUS_DATA_DIR": str(tmp_path / "data")}
    name = f"cli-{uuid.uuid4().hex[:8]}"

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            args, input=stdin, env=env, capture_output=True, text=True, timeout=120
        )

    vagus = [sys.executable, "-m", "vagus"]
    made = run(*vagus, "createuser", name, "--password-stdin", stdin="a-long-calm-passphrase-42\n")
    assert made.returncode == 0, made.stderr
    stored = run(sys.executable, "-c", STORE, name)
    assert stored.returncode == 0, stored.stderr
    backup = tmp_path / "backup.json"
    backup.write_text("yesterday's backup\n", encoding="utf-8")
    backup.chmod(0o644)

    exported = run(*vagus, "export", "--user", name, "-o", str(backup))
    assert exported.returncode == 0, exported.stderr
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["tool_sessions"][0]["settings"] == {"pattern": "slow \ufffd"}
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "data"]
