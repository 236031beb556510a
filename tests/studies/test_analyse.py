"""`vagus study analyse` and the study page's results: the cohort analysis on a study's
shared data, in a real process on a real data directory, and on the page."""

from __future__ import annotations

import html
import json
import os
import random
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.helpers.db import make_person
from tests.helpers.two_factor import sign_in_with_second_factor
from tests.studies.people import JOIN_AT, JOIN_DAY, enrol, log

# A small study: on a participant's worse gut days their anxiety is higher.
FILL = textwrap.dedent(
    """
    import os, random, django
    from datetime import UTC, datetime, timedelta
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
    django.setup()
    from django.core.management import call_command
    call_command("migrate", interactive=False, verbosity=0)
    from vagus.accounts.models import User
    from vagus.diary import actions as diary
    from vagus.studies import actions
    from tests.helpers.world.studies import study_values
    from tests.studies.test_analyse import diary_of
    researcher = User.objects.create_user("rs", password="x", role="researcher")
    start = datetime(2026, 3, 10, 12, tzinfo=UTC)
    study = actions.create_study(researcher, study_values("Gut", start.date()), "I agree.")
    for n in range(8):
        person = User.objects.create_user(f"p{n}", password="x", time_zone="Europe/London")
        actions.enrol(person, study, keep_data=True, tell_contact=False,
                      shares_earlier=False, now=start)
        for day, values in diary_of(n, start.date()).items():
            diary.save_checkin(person, day, values)
    print(study.uuid)
    """
)


def diary_of(seed: int, start: date, days: int = 20) -> dict[date, dict[str, int]]:
    rng = random.Random(seed)
    usual = rng.randint(2, 6)
    out = {}
    for offset in range(days):
        gut = rng.randint(0, 6)
        anxiety = max(0, min(10, round(usual + 0.8 * (gut - 3) + rng.gauss(0, 0.7))))
        out[start + timedelta(days=offset)] = {"gut_pain": gut, "anxiety": anxiety}
    return out


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)


def test_the_command_prints_one_json_object(tmp_path: Path):
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "VAGUS_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)]),
    }
    made = _run(env, sys.executable, "-c", FILL)
    assert made.returncode == 0, made.stderr
    study_id = made.stdout.strip()
    done = _run(
        env,
        sys.executable,
        "-m",
        "vagus",
        "study",
        "analyse",
        study_id,
        "--outcome",
        "anxiety",
        "--factors",
        "gut_pain",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["participants"], result["observations"], result["outcome"]) == (
        8,
        160,
        "anxiety",
    )
    [gut] = result["factors"]
    assert gut["factor"] == "gut_pain" and gut["participants"] == 8
    assert 0.5 < gut["within"]["estimate"] < 1.1  # the simulated within-person effect is 0.8
    assert gut["within"]["ci_low"] < gut["within"]["estimate"] < gut["within"]["ci_high"]

    unknown = _run(
        env,
        sys.executable,
        "-m",
        "vagus",
        "study",
        "analyse",
        "not-a-study",
        "--outcome",
        "anxiety",
    )
    assert unknown.returncode == 1 and "no study" in unknown.stderr
    bad = _run(
        env,
        sys.executable,
        "-m",
        "vagus",
        "study",
        "analyse",
        study_id,
        "--outcome",
        "not_a_measure",
    )
    assert bad.returncode == 1 and "not_a_measure" in bad.stderr


@pytest.mark.django_db
def test_the_study_page_shows_results_with_the_caution(client, researcher, study):
    from vagus.audit.models import AuditEvent
    from vagus.studies.wording import RESULTS_CAUTION

    for n in range(5):
        person = make_person(f"p{n}")
        enrol(person, study, at=JOIN_AT)
        for day, values in diary_of(n, JOIN_DAY).items():
            log(person, day, **values)
    sign_in_with_second_factor(client, researcher)
    page = client.get(f"/studies/research/{study.uuid}/").content.decode()
    assert html.escape(RESULTS_CAUTION) in page and "What goes with" not in page  # nothing run yet
    page = client.get(f"/studies/research/{study.uuid}/?outcome=anxiety").content.decode()
    assert "What goes with anxiety" in page and "gut_pain" in page
    assert "not proof of cause" in page
    reads = AuditEvent.objects.filter(action="study.read", detail__what="analyse")
    assert reads.count() == 5
