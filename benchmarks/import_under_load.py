"""One big import must not freeze everyone: check-in latency while a ~500k-row CSV imports.

Starts `vagus serve` (gunicorn and its huey worker) on loopback with a fresh SQLite data
directory. One person uploads a spreadsheet CSV of ROWS rows through the API (checked, then
imported, by the worker); meanwhile another person's script PUTs check-ins back to back with
a personal access token. Prints the check-ins' p50/p95/max latency during the import, errors
(any "database is locked"), the import's duration, the publish transaction's duration, and
the worker's peak memory (VmHWM of its process).

    .venv/bin/python benchmarks/import_under_load.py [--rows 499000] [--think 0.05]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

MEASURES = ["anxiety", "mood", "stress", "gut_pain", "bloating", "sleep_quality", "urgency"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(data_dir: Path) -> tuple[str, str, date]:
    os.environ["VAGUS_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from vagus.accounts.models import AccessToken, User

    importer = User.objects.create_user("importer", password="import-pass-long", time_zone="UTC")
    checker = User.objects.create_user("checker", password="checker-pass-long", time_zone="UTC")
    return (
        AccessToken.issue(importer, "bench")[1],
        AccessToken.issue(checker, "bench")[1],
        (checker.today()),
    )


def write_csv(path: Path, rows: int) -> None:
    """``date,time,measure,value``: timed values of built-in measures, ~20 bytes a row."""
    rng = random.Random(1)
    start = date(2000, 1, 1)
    with path.open("w") as out:
        out.write("date,time,measure,value\n")
        for i in range(rows):
            day = start + timedelta(days=i // 60)
            minute = i % 60
            out.write(f"{day},{8 + minute // 6:02d}:{minute % 6 * 10:02d},")
            out.write(f"{MEASURES[i % len(MEASURES)]},{rng.randrange(11)}\n")


def multipart(fields: dict[str, str], path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    )
    head += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="{path.name}"\r\nContent-Type: text/csv\r\n\r\n'
    ).encode()
    return head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode(), (
        f"multipart/form-data; boundary={boundary}"
    )


def call(port, token, method, path, body=b"", content_type="application/json", timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request(
        method,
        path,
        body=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": content_type},
    )
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


def checkins(port, token, today, stop, samples, errors, think):
    rng = random.Random(2)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    offset = 0
    while not stop.is_set():
        day = (today - timedelta(days=offset % 3000)).isoformat()
        offset += 1
        body = json.dumps({"values": {"anxiety": rng.randrange(11), "mood": rng.randrange(11)}})
        began = time.monotonic()
        try:
            conn.request("PUT", f"/api/days/{day}", body=body, headers=headers)
            response = conn.getresponse()
            text = response.read()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            continue
        samples.append((began, time.monotonic() - began))
        if response.status != 200:
            errors.append(f"HTTP {response.status} {text[:80]!r}")
        if think:
            time.sleep(think)
    conn.close()


def worker_pid(server_pid: int) -> int | None:
    for task in Path(f"/proc/{server_pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"worker" in Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0"):
                return int(child)
    return None


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=499_000)
    parser.add_argument("--think", type=float, default=0.05, help="pause between check-ins (s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vagus-import-load-") as tmp:
        data_dir = Path(tmp)
        import_token, checkin_token, today = prepare(data_dir)
        csv_path = data_dir / "big.csv"
        write_csv(csv_path, args.rows)
        size_mb = csv_path.stat().st_size / 1024**2
        port = free_port()
        log_path = data_dir / "server.log"
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "vagus", "serve", "--port", str(port)],
                env={**os.environ, "VAGUS_DATA_DIR": str(data_dir)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit("server did not start:\n" + log_path.read_text())
                    time.sleep(0.2)
            time.sleep(2)  # let the worker start
            stop = threading.Event()
            samples: list[tuple[float, float]] = []
            errors: list[str] = []
            driver = threading.Thread(
                target=checkins,
                args=(port, checkin_token, today, stop, samples, errors, args.think),
            )
            driver.start()
            time.sleep(2)  # a baseline before the import
            body, content_type = multipart({"format": "csv", "confirm": "true"}, csv_path)
            began = time.monotonic()
            status, data = call(port, import_token, "POST", "/api/imports", body, content_type)
            assert status == 202, (status, data)
            job = json.loads(data)
            while job["status"] in ("checking", "ready", "importing"):
                time.sleep(0.5)
                job = json.loads(call(port, import_token, "GET", f"/api/imports/{job['id']}")[1])
            ended = time.monotonic()
            time.sleep(1)
            stop.set()
            driver.join()
            pid = worker_pid(server.pid)
            peak = peak_rss_mb(pid) if pid else float("nan")
        finally:
            server.terminate()
            server.wait(timeout=60)
        locked = log_path.read_text().count("database is locked")

    during = [latency for start, latency in samples if began <= start <= ended]
    cuts = statistics.quantiles(during, n=100) if len(during) > 1 else [float("nan")] * 99
    print(f"rows={args.rows} file_mb={size_mb:.1f}")
    print(
        f"import status={job['status']} created={job['counts'].get('created')} "
        f"duration_s={ended - began:.1f} publish_s={job['counts'].get('publish_seconds')}"
    )
    print(
        f"checkins_during_import={len(during)} latency_ms p50={cuts[49] * 1000:.0f} "
        f"p95={cuts[94] * 1000:.0f} max={max(during, default=float('nan')) * 1000:.0f}"
    )
    print(f"errors={len(errors)} db_locked_in_log={locked} worker_peak_rss_mb={peak:.0f}")
    if errors:
        print("first errors:", errors[:5])
    if job["status"] != "done":
        print("import message:", job["message"])


if __name__ == "__main__":
    main()
