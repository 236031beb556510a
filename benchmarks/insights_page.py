"""How long the Insights page takes for a real account in SQLite (prints figures; not a test).

    .venv/bin/python benchmarks/insights_page.py [--repeat 7]

Creates, in a temporary data directory, accounts with a 1-year and a 3-year diary: every
check-in measure on about 90 % of days, the twelve meal-derived measures on days with meals,
two custom measures and a weekly GAD-7 total (about 30 factors, screened at lags 0 and 1).
For each it prints the best-of-N time to build the daily table (one query), to screen it,
and to serve the whole page and API response through Django's test client.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta


def _fill(user, days: int, rng: random.Random) -> int:
    from vagus.diary import actions
    from vagus.diary.catalog import BUILTINS, MEAL_MEASURES
    from vagus.diary.models import Measure, Observation

    measures = {m.code: m for m in Measure.objects.filter(owner__isnull=True)}
    custom = [
        actions.create_measure(user, "Walk outside", "yesno", "better"),
        actions.create_measure(user, "Work stress", "scale", "worse"),
    ]
    rows = []
    start = user.today() - timedelta(days=days)
    for offset in range(days):
        day = start + timedelta(days=offset)
        if rng.random() < 0.1:
            continue
        for b in BUILTINS:
            top = {"scale": 10, "bristol": 7, "yesno": 1, "hours": 10, "minutes": 90, "count": 4}
            value = rng.randint(1 if b.kind.code == "bristol" else 0, top[b.kind.code])
            rows.append(Observation(owner=user, measure=measures[b.code], day=day, value=value))
        for m in custom:
            top = 1 if m.kind == "yesno" else 10
            rows.append(Observation(owner=user, measure=m, day=day, value=rng.randint(0, top)))
        if rng.random() < 0.8:
            for b in MEAL_MEASURES:
                rows.append(
                    Observation(
                        owner=user,
                        measure=measures[b.code],
                        day=day,
                        value=rng.randint(0, 5),
                        source="meal",
                    )
                )
        if offset % 7 == 0:
            rows.append(
                Observation(
                    owner=user,
                    measure=measures["gad7_total"],
                    day=day,
                    value=rng.randint(0, 21),
                    source="questionnaire",
                )
            )
    Observation.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="vagus-insights-bench-")
    os.environ["VAGUS_DATA_DIR"] = data_dir
    os.environ.pop("VAGUS_DATABASE_URL", None)
    from vagus.cli import _setup

    _setup()
    from django.conf import settings
    from django.test import Client

    from vagus.accounts.models import User
    from vagus.insights.queries import daily_frame, insights_for, measures_by_code

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    print(f"SQLite in {data_dir}; best of {args.repeat} runs, milliseconds")
    print(
        f"{'diary':>8} {'rows':>7} {'factors':>7} {'table':>7} {'screen':>7} {'page':>7} {'api':>7}"
    )
    for years in (1, 3):
        user = User.objects.create(username=f"bench{years}", time_zone="Europe/London")
        n_rows = _fill(user, 365 * years, random.Random(years))
        frame = daily_frame(user)
        measures = measures_by_code(user)
        report = insights_for(user, "anxiety", frame=frame, measures=measures)
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        assert client.get("/insights/").status_code == 200
        table = _best(lambda u=user: daily_frame(u), args.repeat)
        screen = _best(
            lambda u=user, f=frame, m=measures: insights_for(u, "anxiety", frame=f, measures=m),
            args.repeat,
        )
        page = _best(lambda c=client: c.get("/insights/"), args.repeat)
        api = _best(lambda c=client: c.get("/api/insights"), args.repeat)
        factors = len({f.association.factor for f in report.estimated})
        print(
            f"{years:>6} y {n_rows:>7} {factors:>7} {table:>7.1f} {screen:>7.1f} "
            f"{page:>7.1f} {api:>7.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
