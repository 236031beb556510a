"""``vagus reminders`` and ``createuser --email`` as real processes on a real database;
two workers started together send each reminder once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

VAGUS = [sys.executable, "-m", "vagus"]
PASSWORD = "a-long-calm-passphrase-42\n"


def env_for(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "VAGUS_DATA_DIR": str(data_dir)}


def run(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [*VAGUS, *args],
        input=stdin,
        env=env_for(data_dir),
        capture_output=True,
        text=True,
        timeout=180,
    )


def export(data_dir: Path, name: str) -> dict:
    done = run(data_dir, "export", "--user", name)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_two_workers_started_together_send_each_reminder_once(tmp_path):
    data_dir = tmp_path / "data"
    name = f"rem-{uuid.uuid4().hex[:8]}"
    created = run(
        data_dir,
        "createuser",
        name,
        "--time-zone",
        "Europe/London",
        "--email",
        f"{name}@example.org",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert created.returncode == 0, created.stderr
    setting = run(data_dir, "reminders", "set", "--user", name, "--checkin", "08:00")
    assert setting.returncode == 0, setting.stderr
    assert "08:00" in setting.stdout
    # Run on PostgreSQL too: scripts/with-postgres sets VAGUS_DATABASE_URL for these processes.
    for day in ("2026-06-01", "2026-06-02"):
        now = f"{day}T07:00:00Z"  # 08:00 in London (BST)
        workers = [
            subprocess.Popen(
                [*VAGUS, "reminders", "send-due", "--now", now],
                env=env_for(data_dir),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [w.communicate(timeout=180) for w in workers]
        assert [w.returncode for w in workers] == [0, 0], outputs
        sent = sum(int(out.split(": ")[1].split(" sent")[0]) for out, _ in outputs)
        assert sent == 1, outputs
    document = export(data_dir, name)
    deliveries = document["reminder_deliveries"]
    assert sorted(d["slot_day"] for d in deliveries) == ["2026-06-01", "2026-06-02"]
    assert {d["slot_time"] for d in deliveries} == {"08:00"}
    (settings,) = document["reminder_settings"]
    assert settings["email"] == f"{name}@example.org"
    assert settings["email_verified"] is True  # an operator's address counts as confirmed
    again = run(data_dir, "reminders", "send-due", "--now", "2026-06-02T07:00:30Z")
    assert again.returncode == 0 and again.stdout.split(": ")[1].startswith("0 sent")


def test_command_errors_are_plain(tmp_path):
    data_dir = tmp_path / "data"
    missing = run(data_dir, "reminders", "set", "--user", "nobody", "--checkin", "08:00")
    assert missing.returncode == 1 and "no account" in missing.stderr
    bad_time = run(data_dir, "reminders", "set", "--user", "nobody", "--checkin", "8 am")
    assert bad_time.returncode == 2 and "not a time like 08:30" in bad_time.stderr
    naive = run(data_dir, "reminders", "send-due", "--now", "2026-06-01T07:00")
    assert naive.returncode == 2 and "offset" in naive.stderr
    bad_email = run(
        data_dir,
        "createuser",
        "x-" + uuid.uuid4().hex[:6],
        "--email",
        "not-an-address",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert bad_email.returncode == 1 and "email" in bad_email.stderr.lower()
