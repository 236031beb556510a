""" "What helps me": per tool, sessions, the mean change with its 95 % interval, or "too few"."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import stats

from vagus.tools import actions

pytestmark = pytest.mark.django_db
BEFORE = [7, 6, 8, 5, 7, 6]
AFTER = [5, 5, 6, 5, 4, 6]


def breathe(user, before=BEFORE, after=AFTER):
    for b, a in zip(before, after, strict=True):
        actions.record_session(user, "breathing", 300, b, a)


def test_numbers_match_scipy(person, person_client):
    breathe(person)
    actions.record_session(person, "breathing", 300, None, 3)  # unrated: counted, not averaged
    changes = np.array(AFTER) - np.array(BEFORE)
    low, high = stats.ttest_1samp(changes, 0).confidence_interval(0.95)
    data = person_client.get("/api/tools/what-helps").json()
    breathing = next(t for t in data["tools"] if t["tool"] == "breathing")
    assert (breathing["sessions"], breathing["rated_sessions"]) == (7, 6)
    assert breathing["mean_change"] == pytest.approx(changes.mean())
    assert (breathing["ci_low"], breathing["ci_high"]) == pytest.approx((low, high))
    assert breathing["evidence"] == "slow-breathing"
    page = person_client.get("/tools/what-helps/").content.decode()
    shown = f"−{abs(changes.mean()):.1f} points (95 % interval −{abs(low):.1f} to −{abs(high):.1f})"
    assert shown in page
    assert "7 sessions, 6 with a rating before and after" in page
    assert "/learn/evidence/slow-breathing/" in page


def test_too_few_sessions_to_tell(person, person_client):
    breathe(person, BEFORE[:3], AFTER[:3])
    data = person_client.get("/api/tools/what-helps").json()
    breathing = next(t for t in data["tools"] if t["tool"] == "breathing")
    assert not breathing["enough"] and breathing["mean_change"] is None
    assert breathing["more_needed"] == 2
    page = person_client.get("/tools/what-helps/").content.decode()
    assert "Too few sessions to tell yet: 2 more with both ratings are needed." in page


def test_grounding_is_honest_about_its_evidence(person_client):
    page = person_client.get("/tools/what-helps/").content.decode()
    assert "few trials of it on its own" in page
    for entry in ["slow-breathing", "progressive-muscle-relaxation", "mindfulness-anxiety",
                  "cbt-anxiety", "expressive-writing", "worry-postponement"]:  # fmt: skip
        assert f"/learn/evidence/{entry}/" in page


def test_only_my_sessions_count(person, other_person, person_client):
    breathe(other_person)
    page = person_client.get("/tools/what-helps/").content.decode()
    assert "No sessions yet." in page and "6 sessions" not in page


def _checkins(user, levels):
    from datetime import timedelta

    from vagus.diary import actions as diary

    first = user.today() - timedelta(days=len(levels))
    for i, level in enumerate(levels):
        diary.save_checkin(user, first + timedelta(days=i), {"anxiety": level})


def test_without_checkins_a_drop_is_not_called_help(person, person_client):
    breathe(person)
    page = person_client.get("/tools/what-helps/").content.decode()
    assert "beyond chance wobble" not in page
    assert "cannot say whether the tool itself helps" in page
    data = person_client.get("/api/tools/what-helps").json()
    breathing = next(t for t in data["tools"] if t["tool"] == "breathing")
    assert breathing["excess"] is None and breathing["controls"] == 0


def test_compared_with_anxiety_without_a_tool_from_similar_levels(person, person_client):
    # Anxiety on consecutive days falls from high levels on its own, by about as much as after
    # these sessions: the tool is no better than waiting, and the page says so.
    levels = [8, 6, 5, 7, 5, 4, 8, 6, 6, 7, 5, 5, 8, 6, 4, 7, 5, 6, 8, 6]
    _checkins(person, levels)
    breathe(person)
    data = person_client.get("/api/tools/what-helps").json()
    breathing = next(t for t in data["tools"] if t["tool"] == "breathing")
    pairs = list(itertools.pairwise(levels))
    similar = [(s, e) for s, e in pairs if min(BEFORE) - 1 <= s <= max(BEFORE) + 1]
    assert breathing["controls"] == len(similar) >= 10
    start = np.array(BEFORE + [s for s, _ in similar], dtype=float)
    change = np.array(
        [a - b for a, b in zip(AFTER, BEFORE, strict=True)] + [e - s for s, e in similar]
    )
    tool = np.r_[np.ones(len(BEFORE)), np.zeros(len(similar))]
    design = np.column_stack((np.ones_like(start), tool, start))
    coef = np.linalg.lstsq(design, change, rcond=None)[0]
    assert breathing["excess"] == pytest.approx(coef[1])  # independent least-squares fit
    assert breathing["excess_low"] < 0 < breathing["excess_high"]
    page = person_client.get("/tools/what-helps/").content.decode()
    assert "about as much as it usually does from the same level without a tool" in page
