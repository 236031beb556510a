"""``vagus cohort analyse``, run as a researcher would: a real process on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vagus
from vagus.science.cohort._simulate import simulate_cohort

VAGUS = [sys.executable, "-m", "vagus", "cohort", "analyse"]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    # An empty data directory that must stay empty: the command needs no database.
    source = str(Path(vagus.__file__).parents[1])  # this checkout, whatever the cwd
    path = os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "VAGUS_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": path}
    return subprocess.run(
        [*VAGUS, *args], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )


@pytest.fixture(scope="module")
def cohort_frame():
    return simulate_cohort(np.random.default_rng(8), 15, 30, missing=0.05)


@pytest.fixture(scope="module")
def csv_file(tmp_path_factory, cohort_frame) -> Path:
    path = tmp_path_factory.mktemp("study") / "study.csv"
    cohort_frame.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def local_json(tmp_path_factory, csv_file) -> subprocess.CompletedProcess:
    return run(tmp_path_factory.mktemp("run"), str(csv_file), "--outcome", "anxiety", "--json")


def test_json_from_csv_and_parquet_is_one_object_of_the_issue_shape(
    tmp_path, local_json, cohort_frame
):
    parquet = tmp_path / "study.parquet"
    cohort_frame.to_parquet(parquet)
    from_csv = local_json
    from_parquet = run(
        tmp_path, str(parquet), "--outcome", "anxiety", "--factors", "sleep_hours", "--json"
    )
    assert from_csv.returncode == 0, from_csv.stderr
    assert from_parquet.returncode == 0, from_parquet.stderr
    data = json.loads(from_csv.stdout)  # the whole of stdout is one JSON value
    assert isinstance(data, dict) and from_csv.stdout.count("\n") == 1
    assert list(data) == ["participants", "observations", "outcome", "factors"]
    assert data["participants"] == 15 and data["outcome"] == "anxiety"
    assert [f["factor"] for f in data["factors"]] == ["fermented", "sleep_hours"]
    for f in data["factors"]:
        assert list(f) == ["factor", "participants", "within", "between", "slope_sd"]
        assert list(f["within"]) == ["estimate", "ci_low", "ci_high", "p", "q"]
        assert list(f["between"]) == ["estimate", "ci_low", "ci_high"]
    sleep = json.loads(from_parquet.stdout)["factors"]
    assert [f["factor"] for f in sleep] == ["sleep_hours"]
    assert sleep[0]["within"]["estimate"] == pytest.approx(
        data["factors"][1]["within"]["estimate"], abs=1e-9
    )
    assert not (tmp_path / "data").exists()


def test_a_running_dask_scheduler_gives_the_local_answer(tmp_path, csv_file, local_json):
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, processes=False, dashboard_address=None, protocol="tcp://", host="127.0.0.1"
    ) as cluster:
        remote = run(
            tmp_path,
            str(csv_file),
            "--outcome",
            "anxiety",
            "--json",
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local_json.stdout)


def test_the_table_says_these_are_associations(tmp_path, csv_file):
    shown = run(tmp_path, str(csv_file), "--outcome", "anxiety")
    assert shown.returncode == 0, shown.stderr
    assert "sleep_hours" in shown.stdout and "not causes" in shown.stdout


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_ROWS = "".join(
    f"{p},2026-03-0{d},{m},{v}\n"
    for p in ("a", "b", "c")
    for d in range(1, 4)
    for m, v in (("anxiety", d), ("sleep_hours", 7))
)


@pytest.mark.parametrize(
    ("text", "outcome", "words"),
    [
        ("participant,date,value\na,2026-03-01,3\n", "anxiety", "no “measure” column"),
        (
            "participant,date,measure,value\n" + GOOD_ROWS + "a,2026-03-04,anxiety,high\n",
            "anxiety",
            "not numbers",
        ),
        (
            "participant,date,measure,value\n"
            + "".join(
                f"a,2026-03-0{d},anxiety,{d}\na,2026-03-0{d},sleep_hours,7\n" for d in range(1, 8)
            ),
            "anxiety",
            "1 participant",
        ),
        ("participant,date,measure,value\n" + GOOD_ROWS, "calm", "no measure “calm”"),
    ],
    ids=["missing column", "not a number", "one participant", "unknown outcome"],
)
def test_bad_input_exits_non_zero_naming_the_problem(tmp_path, text, outcome, words):
    done = run(tmp_path, str(write(tmp_path, text)), "--outcome", outcome, "--json")
    assert done.returncode != 0
    assert done.stdout == ""
    assert words in done.stderr


def test_a_missing_file_is_named(tmp_path):
    done = run(tmp_path, str(tmp_path / "nowhere.csv"), "--outcome", "anxiety")
    assert done.returncode != 0 and "nowhere.csv" in done.stderr


def test_medication_is_never_analysed(tmp_path, cohort_frame):
    import pandas as pd

    days = cohort_frame.drop_duplicates(["participant", "date"])[["participant", "date"]]
    # Varies day to day, so without the guard it would be analysed like any habit.
    taken = days.assign(
        measure="medication_as_prescribed",
        value=np.random.default_rng(3).integers(0, 2, len(days)).astype(str),
    )
    path = tmp_path / "with-medication.csv"
    pd.concat([cohort_frame, taken]).to_csv(path, index=False)
    everything = run(tmp_path, str(path), "--outcome", "anxiety", "--json")
    assert everything.returncode == 0, everything.stderr
    factors = [f["factor"] for f in json.loads(everything.stdout)["factors"]]
    assert "sleep_hours" in factors and "medication_as_prescribed" not in factors
    for asked in (("--factors", "medication_as_prescribed"), ("--factors", "sertraline_mg")):
        refused = run(tmp_path, str(path), "--outcome", "anxiety", *asked)
        assert refused.returncode == 1 and "does not analyse medication" in refused.stderr
    as_outcome = run(tmp_path, str(path), "--outcome", "medication_as_prescribed")
    assert as_outcome.returncode == 1 and "does not analyse medication" in as_outcome.stderr
