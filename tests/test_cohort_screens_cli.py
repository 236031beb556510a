"""``vagus cohort screens``, run as a researcher would: a real process on a real file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vagus
from vagus.science import cohort
from vagus.science.cohort._simulate import simulate_cohort

VAGUS = [sys.executable, "-m", "vagus", "cohort", "screens"]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    # An empty data directory that must stay empty: the command needs no database.
    source = str(Path(vagus.__file__).parents[1])  # this checkout, whatever the cwd
    path = os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "VAGUS_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": path}
    return subprocess.run(
        [*VAGUS, *args], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> tuple[pd.DataFrame, Path]:
    frame = simulate_cohort(np.random.default_rng(4), 12, 60, missing=0.1)
    days = frame.drop_duplicates(["participant", "date"])[["participant", "date"]]
    # Varies day to day, so without the guard it would be screened like any habit.
    taken = days.assign(
        measure="medication_as_prescribed",
        value=np.random.default_rng(3).integers(0, 2, len(days)).astype(float),
    )
    path = tmp_path_factory.mktemp("study") / "study.csv"
    pd.concat([frame, taken]).to_csv(path, index=False)
    return frame, path


def test_json_is_one_object_with_the_counts_and_no_medication(tmp_path, study):
    frame, path = study
    done = run(tmp_path, str(path), "--outcome", "anxiety", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)  # exactly one object: json.loads refuses anything more
    assert set(result) == {"outcome", "participants", "screened", "factors"}
    assert result["outcome"] == "anxiety" and result["participants"] == 12
    pairs = [(f["factor"], f["lag"]) for f in result["factors"]]
    assert pairs == [("fermented", 0), ("fermented", 1), ("sleep_hours", 0), ("sleep_hours", 1)]
    for f in result["factors"]:
        assert set(f) == {"factor", "lag", "participants", "higher", "lower", "median_estimate"}
        assert f["higher"] + f["lower"] <= f["participants"] <= 12
    # The same numbers as the library on the file without its medication rows.
    expected = cohort.screens(frame, "anxiety").to_dict()
    assert result["screened"] == expected["screened"]
    for mine, theirs in zip(result["factors"], expected["factors"], strict=True):
        assert mine == {**theirs, "median_estimate": pytest.approx(theirs["median_estimate"])}
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())


def test_the_table_says_these_are_associations(tmp_path, study):
    done = run(tmp_path, str(study[1]), "--outcome", "anxiety", "--factors", "sleep_hours")
    assert done.returncode == 0, done.stderr
    assert "sleep_hours" in done.stdout and "fermented" not in done.stdout
    assert "not causes" in done.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--outcome", "mood"), "no measure “mood”"),
        (("--outcome", "anxiety", "--factors", "medication_as_prescribed"), "medication"),
    ],
)
def test_bad_input_exits_1_naming_the_problem(tmp_path, study, args, words):
    done = run(tmp_path, str(study[1]), *args, "--json")
    assert done.returncode == 1
    assert words in done.stderr and done.stdout == ""


def test_dask_gives_the_local_json(tmp_path, study):
    # Every participant has 60 rows here, so equal chunks carry equal arrays: the case in
    # which content-named scattered data once collided between chunks.
    local = run(tmp_path, str(study[1]), "--outcome", "anxiety", "--json")
    on_dask = run(tmp_path, str(study[1]), "--outcome", "anxiety", "--engine", "dask", "--json")
    assert on_dask.returncode == 0, on_dask.stderr
    mine, theirs = json.loads(on_dask.stdout), json.loads(local.stdout)
    assert {**mine, "factors": None} == {**theirs, "factors": None}
    for a, b in zip(mine["factors"], theirs["factors"], strict=True):
        assert a == {**b, "median_estimate": pytest.approx(b["median_estimate"], abs=1e-9)}
