"""The `vagus` command, run as a person would: a real process on a real data directory."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

VAGUS = [sys.executable, "-m", "vagus"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "VAGUS_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [*VAGUS, *args], input=stdin, env=env, capture_output=True, text=True, timeout=120
    )


def test_createuser_then_export_and_errors(data_dir):
    name = f"cli-{uuid.uuid4().hex[:8]}"
    created = run(
        data_dir,
        "createuser",
        name,
        "--time-zone",
        "Asia/Tokyo",
        "--password-stdin",
        stdin="a-long-calm-passphrase-42\n",
    )
    assert created.returncode == 0, created.stderr
    assert (data_dir / "secret_key").stat().st_mode & 0o777 == 0o600
    again = run(data_dir, "createuser", name, "--password-stdin", stdin="another-long-pass-1\n")
    assert again.returncode == 1
    assert "exists already" in again.stderr
    weak = run(data_dir, "createuser", f"{name}-2", "--password-stdin", stdin="123\n")
    assert weak.returncode == 1
    assert "too short" in weak.stderr

    exported = run(data_dir, "export", "--user", name)
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    assert document["account"]["username"] == name
    assert document["account"]["time_zone"] == "Asia/Tokyo"
    missing = run(data_dir, "export", "--user", "nobody-" + name)
    assert missing.returncode == 1
    assert "no account" in missing.stderr


def test_createuser_makes_a_clinician_who_is_told_about_two_factor(data_dir):
    name = f"dr-{uuid.uuid4().hex[:8]}"
    created = run(
        data_dir, "createuser", name, "--role", "clinician", "--password-stdin",
        stdin="a-long-calm-passphrase-42\n",
    )
    assert created.returncode == 0, created.stderr
    assert "two-factor" in created.stdout
    unknown = run(data_dir, "createuser", name + "x", "--role", "admin", "--password-stdin")
    assert unknown.returncode == 2
    assert "invalid choice" in unknown.stderr


def test_demo_is_created_once_and_only_into_an_empty_install(data_dir):
    if os.environ.get("VAGUS_DATABASE_URL"):
        pytest.skip("an empty install is a fresh SQLite data directory")
    first = run(data_dir, "demo", "--only-if-empty")
    assert first.returncode == 0, first.stderr
    assert "Demo login: username demo" in first.stdout
    second = run(data_dir, "demo", "--only-if-empty")
    assert "no demo data added" in second.stdout
    document = json.loads(run(data_dir, "export", "--user", "demo").stdout)
    days = {o["day"] for o in document["observations"]}
    assert 95 <= len(days) <= 120  # about 120 days, some left unlogged as in real diaries
    assert document["account"]["is_demo"] is True
    assert len(document["meals"]) >= 3 * 95


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_runs_the_production_server(data_dir):
    port = free_port()
    env = {**os.environ, "VAGUS_DATA_DIR": str(data_dir)}
    server = subprocess.Popen(
        [*VAGUS, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as response:
                    page = response.read().decode()
                    server_header = response.headers.get("Server", "")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert "Log in" in page
        assert "gunicorn" in server_header
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/vagus/site.css") as css:
            assert css.status == 200  # WhiteNoise serves static files
    finally:
        server.terminate()
        server.wait(timeout=20)
