"""Re-analysing all of a person's meals after a custom food changes (prints figures; not a test).

Creates a throwaway SQLite database, one person with ``--meals`` meals spread over the last
``--meals / 3`` days (three a day, texts built from the labelled test set so nearly every text
is different and the per-text cache does not flatter the figure), then times:

* teaching a custom food (the food, the re-analysis of every meal, the derived measures);
* removing it again;
* a full rebuild of every derived measure from the stored analyses.

    .venv/bin/python benchmarks/meal_reanalysis.py [--meals 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tomllib
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "science" / "data" / "labelled_meals.toml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meals", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["VAGUS_DATA_DIR"] = data_dir
        os.environ.pop("VAGUS_DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        call_command("migrate", verbosity=0, run_syncdb=True)
        from vagus.accounts.models import User
        from vagus.diary import custom_foods, nutrition
        from vagus.diary.models import Meal, Observation

        with LABELLED.open("rb") as handle:
            texts = [meal["text"] for meal in tomllib.load(handle)["meals"]]
        user = User.objects.create(username="bench", time_zone="Europe/London")
        today = user.today()
        meals = []
        for i in range(args.meals):
            day = today - timedelta(days=i // 3)
            second = texts[(i // len(texts) * 37 + i * 7 + 3) % len(texts)]
            text = f"{texts[i % len(texts)]} and {second} qwerty blorp"
            eaten = datetime(day.year, day.month, day.day, 8 + 5 * (i % 3), tzinfo=user.zone())
            meals.append(Meal(owner=user, day=day, eaten_at=eaten, text=text))
        t0 = time.perf_counter()
        nutrition.prepare_meals(user, meals)
        Meal.objects.bulk_create(meals, batch_size=500)
        nutrition.recompute_days(user, {m.day for m in meals})
        setup = time.perf_counter() - t0
        distinct = len({m.text for m in meals})
        print(f"{args.meals} meals ({distinct} distinct texts) on {args.meals // 3 + 1} days")
        print(f"first analysis + derived measures: {setup:.2f} s")

        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            taught = custom_foods.add_custom_food(user, "qwerty blorp", ["legume"], "lentil")
            add_s = time.perf_counter() - t0
        print(
            f"teach a custom food: {add_s:.2f} s, {taught.reanalysed} meals changed, "
            f"{len(queries)} queries"
        )
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            changed = custom_foods.delete_custom_food(user, taught.food)
            delete_s = time.perf_counter() - t0
        print(f"remove it: {delete_s:.2f} s, {changed} meals changed, {len(queries)} queries")
        Observation.objects.filter(owner=user, source="meal").delete()
        t0 = time.perf_counter()
        nutrition.recompute_days(user)
        rebuild_s = time.perf_counter() - t0
        print(f"rebuild every derived measure from stored analyses: {rebuild_s:.2f} s")
        print(f"derived observations: {Observation.objects.filter(source='meal').count()}")
    return None


if __name__ == "__main__":
    sys.exit(main())
