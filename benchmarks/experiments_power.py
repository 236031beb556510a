"""Print power tables for typical self-experiments (not a test; run it by hand).

    .venv/bin/python benchmarks/experiments_power.py

Daily 0-10 ratings with day-to-day SD 1.5 (a typical anxiety diary), weekly periods with a
two-day washout, the exact two-sided randomisation test at alpha 0.05.
"""

from __future__ import annotations

import time

from vagus.science import experiments


def main() -> None:
    started = time.perf_counter()
    pair_counts = (4, 6, 8, 10, 12)
    print("power of the exact randomisation test (sd 1.5, 7-day periods, washout 2)")
    print("effect  AR   " + "  ".join(f"{p:>2} pairs" for p in pair_counts) + "  suggested")
    for effect in (0.5, 1.0, 1.5, 2.0):
        for phi in (0.2, 0.5):
            powers = [
                experiments.power(effect, 1.5, phi, 7, 2, pairs, n_sim=4000).power
                for pairs in pair_counts
            ]
            suggested = experiments.suggest_pairs(effect, 1.5, phi, 7, 2, n_sim=4000)
            cells = "  ".join(f"{p:8.2f}" for p in powers)
            print(f"{effect:6.1f}  {phi:.1f}  {cells}  {suggested if suggested else '> 12':>9}")
    print("\nsmallest two-sided p-value by number of pairs:")
    print("  " + ", ".join(f"{p}: {experiments.min_p_value(p):.4g}" for p in range(1, 9)))
    print(f"\n({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
