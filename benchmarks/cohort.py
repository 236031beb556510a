"""Cohort analysis at study scale: seconds and peak memory (prints; not a test).

    PYTHONPATH=src .venv/bin/python benchmarks/cohort.py [--participants 10000] [--days 365]
        [--mixedlm-participants 500] [--keep DIR]

Simulates a known-truth cohort (``vagus.science.cohort._simulate``: sleep with a within-person
effect of -0.4 and a between-person one of +0.6, two habits with null within-person effects
and strong between-person ones, 10 % of values missing) and writes it once as the tidy
Parquet file a study export gives. Then, each in its own child process, reads the file and
runs:

- the cohort analysis on the local engine;
- the same on Dask, a LocalCluster of 1 and of 2 worker processes (cluster start included);
- statsmodels MixedLM (REML, random intercept and slope) for one factor on the first 500
  participants, the full-likelihood fit the two-stage estimator stands in for.

Seconds are wall-clock inside the child, after the file is read; peak memory is the largest
summed resident memory of the child and all its processes (Dask workers included), sampled
every 50 ms. Goal: 10,000 x 365 analysed in < 60 s on a 2-core machine, peak < 4 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRUTH = {
    "sleep_hours": (-0.4, 0.6, 0.2),
    "fermented": (0.0, -1.5, 0.0),
    "plant_count": (0.0, 1.5, 0.2),
}


def simulate(path: Path, participants: int, days: int) -> int:
    import numpy as np

    from vagus.science.cohort._simulate import Truth, simulate_cohort

    truth = {name: Truth(*numbers) for name, numbers in TRUTH.items()}
    frame = simulate_cohort(np.random.default_rng(20), participants, days, truth, missing=0.1)
    frame.to_parquet(path)
    return len(frame)


def child(mode: str, path: str, subset: int) -> None:
    """Runs in the child process: one measurement, printed as one JSON line."""
    import pandas as pd

    from vagus.science import cohort

    frame = pd.read_parquet(path)
    started = time.perf_counter()
    if mode == "mixedlm":
        import warnings

        import statsmodels.formula.api as smf

        people = frame["participant"].cat.categories[:subset]
        part = frame[frame["participant"].isin(people)]
        ours = cohort.analyse(part, "anxiety", ["sleep_hours"]).factors[0]
        two_stage = time.perf_counter() - started
        started = time.perf_counter()
        wide = part.pivot_table(
            index=["participant", "date"], columns="measure", values="value", observed=True
        ).reset_index()
        wide = wide.dropna(subset=["anxiety", "sleep_hours"])
        wide["xb"] = wide.groupby("participant", observed=True)["sleep_hours"].transform("mean")
        wide["xw"] = wide["sleep_hours"] - wide["xb"]
        wide["weekday"] = pd.to_datetime(wide["date"]).dt.day_of_week
        model = smf.mixedlm(
            "anxiety ~ xw + xb + C(weekday)",
            wide,
            groups=wide["participant"].astype(str),
            re_formula="~xw",
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = model.fit(reml=True, method=["lbfgs"])
        seconds = time.perf_counter() - started
        detail = {
            "rows": len(wide),
            "converged": bool(fit.converged),
            "within": [round(ours.within.estimate, 4), round(float(fit.params["xw"]), 4)],
            "between": [round(ours.between.estimate, 4), round(float(fit.params["xb"]), 4)],
            "two_stage_seconds": round(two_stage, 2),
        }
    else:
        engine, workers = ("local", 1) if mode == "local" else ("dask", int(mode[-1]))
        result = cohort.analyse(frame, "anxiety", engine=engine, workers=workers)
        seconds = time.perf_counter() - started
        detail = {
            "participants": result.participants,
            "observations": result.observations,
            "within": {f.factor: round(f.within.estimate, 4) for f in result.factors},
            "between": {f.factor: round(f.between.estimate, 4) for f in result.factors},
            "slope_sd": {f.factor: round(f.slope_sd or 0.0, 4) for f in result.factors},
        }
    print(json.dumps({"seconds": seconds, **detail}), flush=True)


def measure(mode: str, path: Path, subset: int) -> tuple[dict[str, object], float]:
    import psutil

    process = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--child",
            mode,
            str(path),
            "--mixedlm-participants",
            str(subset),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    peak = [0]

    def sample() -> None:
        root = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{mode} failed ({process.returncode})")
    return json.loads(out.strip().splitlines()[-1]), peak[0] / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--mixedlm-participants", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="directory to keep the Parquet file in")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.mixedlm_participants)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        path = folder / f"cohort-{args.participants}x{args.days}.parquet"
        started = time.perf_counter()
        rows = simulate(path, args.participants, args.days)
        print(
            f"simulated {args.participants} x {args.days}: {rows:,} tidy rows "
            f"({path.stat().st_size / 2**20:.0f} MB Parquet) in "
            f"{time.perf_counter() - started:.1f} s"
        )
        print(
            "truth: within sleep -0.4, fermented 0, plant_count 0; "
            "between +0.6, -1.5, +1.5; slope SD 0.2, 0, 0.2"
        )
        for mode in ("local", "dask1", "dask2", "mixedlm"):
            found, peak = measure(mode, path, args.mixedlm_participants)
            seconds = found.pop("seconds")
            label = {
                "local": "local engine",
                "dask1": "Dask, 1 worker",
                "dask2": "Dask, 2 workers",
                "mixedlm": f"MixedLM, {args.mixedlm_participants} participants, sleep only",
            }[mode]
            print(f"{label:44s} {seconds:7.1f} s  peak {peak:7.0f} MB  {json.dumps(found)}")


if __name__ == "__main__":
    main()
