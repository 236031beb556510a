"""Load benchmark: 20 simulated people posting check-ins to the production server for 30 s.

Starts `vagus serve` (gunicorn) on loopback with a fresh SQLite database, drives concurrent
PUT /api/days/{day} requests with personal access tokens, then reads the database back and
counts acknowledged check-ins that were not stored (`lost`). Prints requests/s, latency
percentiles and any "database is locked" errors from the server log.

    .venv/bin/python benchmarks/checkin_load.py [--users 20] [--seconds 30] [--think 0]
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
from datetime import timedelta
from pathlib import Path

# Each request is a whole check-in (anxiety plus these 14 values), as the check-in page sends.
CHECKIN = {
    "mood": 6,
    "stress": 4,
    "gut_pain": 2,
    "bloating": 3,
    "urgency": 1,
    "stool_form": 4,
    "sleep_hours": 7.25,
    "sleep_quality": 6,
    "activity_minutes": 30,
    "mindfulness_minutes": 10,
    "social_minutes": 60,
    "caffeine_drinks": 2,
    "alcohol_units": 0,
    "probiotic": 1,
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(data_dir: Path, users: int) -> list[tuple[str, str]]:
    """Create the accounts and their tokens directly in the fresh database."""
    os.environ["VAGUS_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from vagus.accounts.models import AccessToken, User

    people = []
    for i in range(users):
        user = User.objects.create_user(f"load{i}", password=f"load-pass-{i}-long", time_zone="UTC")
        _, token = AccessToken.issue(user, "load")
        people.append((user.username, token))
    return people


def wait_for(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("server exited early")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("server did not start")


def drive(port, username, token, until, today, acknowledged, latencies, errors, seed, think):
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    offset = 0
    while time.monotonic() < until:
        day = (today - timedelta(days=offset % 3650)).isoformat()
        offset += 1
        anxiety = rng.randrange(11)
        body = json.dumps({"values": {"anxiety": anxiety, **CHECKIN}})
        start = time.perf_counter()
        try:
            conn.request("PUT", f"/api/days/{day}", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - start)
        if response.status == 200:
            acknowledged[(username, day)] = anxiety
        else:
            errors.append(f"HTTP {response.status}")
        if think:
            time.sleep(rng.expovariate(1 / think))
    conn.close()


def count_lost(acknowledged: dict[tuple[str, str], int]) -> int:
    from vagus.diary.models import Observation

    stored = {
        (username, day.isoformat()): value
        for username, day, value in Observation.objects.filter(
            measure__code="anxiety", owner__username__startswith="load"
        ).values_list("owner__username", "day", "value")
    }
    return sum(1 for key, value in acknowledged.items() if stored.get(key) != float(value))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a user pauses between check-ins (0: back-to-back, a stress test)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="vagus-load-") as tmp:
        data_dir = Path(tmp)
        people = prepare(data_dir, args.users)
        from vagus.accounts.models import User

        today = User.objects.get(username="load0").today()
        port = free_port()
        log_path = data_dir / "server.log"
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "vagus",
                    "serve",
                    "--port",
                    str(port),
                    "--workers",
                    str(args.workers),
                    "--threads",
                    str(args.threads),
                ],
                env={**os.environ, "VAGUS_DATA_DIR": str(data_dir)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_for(port, server)
            acknowledged: dict[tuple[str, str], int] = {}
            latencies: list[float] = []
            errors: list[str] = []
            until = time.monotonic() + args.seconds
            threads = [
                threading.Thread(
                    target=drive,
                    args=(
                        port,
                        name,
                        token,
                        until,
                        today,
                        acknowledged,
                        latencies,
                        errors,
                        i,
                        args.think,
                    ),
                )
                for i, (name, token) in enumerate(people)
            ]
            began = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - began
        finally:
            server.terminate()
            server.wait(timeout=30)
        lost = count_lost(acknowledged)
        locked = log_path.read_text().count("database is locked")

    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"users={args.users} seconds={args.seconds:g} workers={args.workers} threads={args.threads}"
    )
    print(f"requests={len(latencies)} requests/s={len(latencies) / elapsed:.1f}")
    print(
        f"latency_ms p50={cuts[49] * 1000:.1f} p95={cuts[94] * 1000:.1f} "
        f"p99={cuts[98] * 1000:.1f} max={max(latencies) * 1000:.1f}"
    )
    print(f"acknowledged={len(acknowledged)} lost={lost} errors={len(errors)} db_locked={locked}")
    if errors:
        print("first errors:", errors[:5])


if __name__ == "__main__":
    main()
