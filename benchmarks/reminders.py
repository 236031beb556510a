"""Reminder worker benchmark: 10,000 people with daily check-in reminders, one simulated day.

Creates the people in a fresh SQLite database (a temporary data directory), their check-in
times spread over the day's minutes and over five time zones, then drives the worker's
``send_due`` minute by minute with a fake clock, as the once-a-minute task would. For each
minute it measures the processing time; every reminder due that minute is sent within it,
so the worst lateness (seconds after the due minute) is at most the slowest minute. The goal
is a worst lateness under 60 s on one core.

    .venv/bin/python benchmarks/reminders.py [--people 10000] [--minutes 1440]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock

ZONES = ["Europe/London", "America/New_York", "Pacific/Auckland", "Asia/Kolkata", "UTC"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--minutes", type=int, default=24 * 60)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    os.environ["VAGUS_DATA_DIR"] = tempfile.mkdtemp(prefix="vagus-bench-reminders-")
    os.environ.pop("VAGUS_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)

    from vagus.accounts.models import User
    from vagus.reminders.models import CHECKIN, Delivery, Reminder, ReminderProfile
    from vagus.reminders.sending import send_due

    rng = random.Random(args.seed)
    started = time.perf_counter()
    users = User.objects.bulk_create(
        [
            User(username=f"bench-{i:05d}", time_zone=ZONES[i % len(ZONES)], password="!")
            for i in range(args.people)
        ],
        batch_size=2000,
    )
    ReminderProfile.objects.bulk_create([ReminderProfile(owner=u) for u in users], batch_size=2000)
    Reminder.objects.bulk_create(
        [
            Reminder(
                owner=u,
                kind=CHECKIN,
                at=clock(rng.randrange(24), rng.randrange(60)),
                channels=["inapp"],
            )
            for u in users
        ],
        batch_size=2000,
    )
    print(f"{args.people} people with check-in reminders in {time.perf_counter() - started:.1f} s")

    day = datetime(2026, 6, 1, tzinfo=UTC)
    first = time.perf_counter()
    warm = send_due(day - timedelta(minutes=1))  # the first pass works out every next time
    print(
        f"first pass (every next time worked out, {warm.sent} due then sent): "
        f"{time.perf_counter() - first:.1f} s"
    )

    per_minute: list[float] = []
    sent = 0
    for minute in range(args.minutes):
        now = day + timedelta(minutes=minute)
        tick = time.perf_counter()
        outcome = send_due(now)
        per_minute.append(time.perf_counter() - tick)
        sent += outcome.sent
    busy = sum(per_minute)
    stored = Delivery.objects.count()
    print(f"simulated {args.minutes} minutes: {sent} reminders sent ({stored} rows in all)")
    print(f"reminders sent per second of processing: {sent / busy:.0f}")
    print(
        "processing per minute: median "
        f"{statistics.median(per_minute) * 1000:.1f} ms, worst {max(per_minute) * 1000:.1f} ms"
    )
    worst = max(per_minute)
    print(f"worst lateness: {worst:.2f} s after the due minute (goal: under 60 s)")
    return 0 if worst < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
