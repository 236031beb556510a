"""Meal analysis throughput and knowledge-base load time (prints figures; not a test).

Run with ``.venv/bin/python benchmarks/meals.py``. Goals: knowledge base loads in under 200 ms
from cold, and one core analyses at least 2,000 meals per second. Meals are the labelled test
set (realistic, with typos), so the fuzzy-matching path is exercised as often as in real use.
The cold load runs in a fresh interpreter so that nothing is cached by an earlier import.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "science" / "data" / "labelled_meals.toml"

_COLD_LOAD = """
import time
t0 = time.perf_counter()
from vagus.science.foods.knowledge import knowledge_base
t1 = time.perf_counter()
kb = knowledge_base()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, len(kb.foods), len(kb.index.phrases))
"""


def cold_load(runs: int = 5) -> tuple[float, float, int, int]:
    """Median import and load seconds over ``runs`` fresh interpreters."""
    imports, loads = [], []
    foods = phrases = 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _COLD_LOAD], capture_output=True, text=True, check=True
        ).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
        foods, phrases = int(out[2]), int(out[3])
    return statistics.median(imports), statistics.median(loads), foods, phrases


def throughput(seconds: float = 3.0) -> tuple[float, int]:
    """Meals per second on one core, analysing the labelled set over and over."""
    from vagus.science import foods

    with LABELLED.open("rb") as handle:
        texts = [meal["text"] for meal in tomllib.load(handle)["meals"]]
    foods.analyse_meal("warm-up porridge")
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            foods.analyse_meal(text)
        done += len(texts)
    return done / (time.perf_counter() - start), len(texts)


def main() -> None:
    import_s, load_s, n_foods, n_phrases = cold_load()
    print(f"knowledge base: {n_foods} foods, {n_phrases} indexed phrases")
    print(f"cold load (median of 5 fresh interpreters): {load_s * 1000:.1f} ms")
    print(f"  (+ module import {import_s * 1000:.1f} ms; goal for the load: < 200 ms)")
    rate, n_texts = throughput()
    print(f"throughput: {rate:,.0f} meals/s on one core over {n_texts} labelled meals")
    print("  (goal: >= 2,000 meals/s)")


if __name__ == "__main__":
    main()
