"""End to end with the real worker: `vagus serve` starts gunicorn and the huey consumer as a
child; an import posted to the API is checked and imported by that consumer; stopping the
server stops the worker too. Everything runs in subprocesses on a fresh data directory."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

PREPARE = """
import django, sys
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from vagus.accounts.models import AccessToken, User
user = User.objects.create_user(sys.argv[1], password="a-long-test-password", time_zone="UTC")
print(AccessToken.issue(user, "worker test")[1])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def is_worker(pid: int) -> bool:
    try:
        return b"worker" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        return False


def multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: text/csv\r\n\r\n".encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def server(tmp_path):
    env = {**os.environ, "VAGUS_DATA_DIR": str(tmp_path), "PYTHONPATH": os.pathsep.join(sys.path)}
    env["DJANGO_SETTINGS_MODULE"] = "vagus.config.settings"
    name = f"walker{uuid.uuid4().hex[:8]}"
    token = subprocess.run(
        [sys.executable, "-c", PREPARE, name], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    port = free_port()
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "vagus", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 90
    while True:
        assert process.poll() is None, (tmp_path / "server.log").read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
    yield process, port, token, tmp_path
    if process.poll() is None:
        process.kill()
    log.close()


def call(port, token, method, path, body=b"", content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": content_type}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, json.loads(data) if data else None


def test_an_import_runs_in_the_real_worker_and_the_worker_stops_with_the_server(server):
    process, port, token, data_dir = server
    workers = [pid for pid in children(process.pid) if is_worker(pid)]
    deadline = time.monotonic() + 30
    while not workers and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = [pid for pid in children(process.pid) if is_worker(pid)]
    assert len(workers) == 1, "vagus serve did not start the worker"

    csv = b"date,measure,value\n2024-05-01,anxiety,3\n2024-05-02,anxiety,5\n"
    body, content_type = multipart({"format": "csv", "confirm": "true"}, "mine.csv", csv)
    status, job = call(port, token, "POST", "/api/imports", body, content_type)
    assert status == 202 and job["status"] == "checking"  # queued for the worker, not run here
    deadline = time.monotonic() + 60
    while job["status"] in ("checking", "importing", "ready"):
        assert time.monotonic() < deadline, f"the worker did not finish the import: {job}"
        time.sleep(0.3)
        status, job = call(port, token, "GET", f"/api/imports/{job['id']}")
    assert job["status"] == "done", job
    assert job["counts"]["created"] == 2
    status, day = call(port, token, "GET", "/api/days/2024-05-02")
    assert status == 200 and "5" in json.dumps(day)
    assert list((data_dir / "imports").iterdir()) == []  # upload and staging files are gone
    assert (data_dir / "tasks.sqlite3").exists()  # the queue lives in the data directory

    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while is_worker(workers[0]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not is_worker(workers[0]), "the worker outlived the server"
