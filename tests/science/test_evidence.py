"""The evidence data: every entry complete, graded on the scale, references well formed."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from vagus.science import evidence

REQUIRED = {
    "microbiota-anxiety",
    "probiotics-anxiety",
    "fermented-foods-microbiome",
    "fibre-microbiome",
    "plant-diversity",
    "ultra-processed-mental-health",
    "diet-depression-trial",
    "ibs-anxiety-overlap",
    "sleep-anxiety",
    "mindfulness-anxiety",
    "slow-breathing",
    "progressive-muscle-relaxation",
    "cbt-anxiety",
    "psychological-therapy-ibs",
    "exercise-anxiety",
    "worry-postponement",
    "expressive-writing",
    "nof1-trials",
}
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def raw() -> dict:
    return tomllib.loads(evidence.DATA.read_text(encoding="utf-8"))


def test_the_data_file_has_no_problems():
    assert evidence.problems(raw()) == []


def test_at_least_25_entries_with_unique_ids():
    ids = [item["id"] for item in raw()["entry"]]
    assert len(ids) >= 25
    assert len(ids) == len(set(ids))


def test_required_ids_are_present():
    assert evidence.ids() >= REQUIRED


@pytest.mark.parametrize("entry", evidence.entries(), ids=lambda e: e.id)
def test_every_entry_is_complete(entry: evidence.Entry):
    for field in ("claim", "population", "summary", "does_not_show"):
        assert getattr(entry, field).strip(), field
    assert entry.grade in evidence.GRADES
    assert entry.study_type in evidence.STUDY_TYPES
    assert entry.topic in evidence.TOPICS
    # A claim is one plain sentence.
    assert entry.claim.endswith(".") and entry.claim.count(". ") == 0, entry.claim
    assert entry.sources
    for source in entry.sources:
        assert source.authors and source.title and source.journal
        assert 1900 <= source.year <= 2100
        assert source.study_type in evidence.STUDY_TYPES
        assert source.doi or source.pmid or source.checked
        if source.doi:
            assert DOI.match(source.doi), source.doi
        if source.pmid:
            assert source.pmid.isdigit(), source.pmid


def test_supplement_entries_send_people_to_a_doctor_or_pharmacist():
    for entry in evidence.entries():
        if "probiotic" in entry.id:
            assert entry.caution and "doctor or pharmacist" in entry.caution


def test_animal_and_observational_evidence_is_never_graded_above_early():
    # The grading rules (docs/evidence.md): mice and associations show what may be, not what works.
    for entry in evidence.entries():
        if entry.study_type in {"animal", "laboratory", "observational"}:
            assert entry.grade == "early", entry.id


def test_unknown_ids_raise_a_key_error():
    with pytest.raises(evidence.UnknownEvidenceError):
        evidence.get("no-such-claim")
    assert evidence.missing(["cbt-anxiety", "no-such-claim"]) == ["no-such-claim"]


def test_select_filters_by_topic_and_grade():
    food = evidence.select(topic="food")
    assert food and all(e.topic == "food" for e in food)
    early_food = evidence.select(topic="food", grade="early")
    assert early_food and all(e.grade == "early" for e in early_food)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"grade": "promising"}, "grade"),
        ({"study_type": "anecdote"}, "study type"),
        ({"does_not_show": ""}, "missing does_not_show"),
        ({"id": "Bad Id"}, "id must be"),
    ],
)
def test_a_broken_entry_is_reported(change, problem):
    data = raw()
    data["entry"][0].update(change)
    assert any(problem in p for p in evidence.problems(data))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"doi": "doi:10.1/x"}, "not a DOI"),
        ({"pmid": "PMC123"}, "PMID"),
        ({"doi": None, "pmid": None}, "give a DOI or PMID"),
    ],
)
def test_a_broken_reference_is_reported(change, problem):
    data = raw()
    source = data["entry"][0]["source"][0]
    for key, value in change.items():
        if value is None:
            source.pop(key, None)
        else:
            source[key] = value
    source.pop("checked", None)
    assert any(problem in p for p in evidence.problems(data))


def test_load_refuses_a_broken_file(tmp_path: Path):
    broken = tmp_path / "evidence.toml"
    broken.write_text('[[entry]]\nid = "x"\ngrade = "promising"\n', encoding="utf-8")
    with pytest.raises(evidence.EvidenceDataError):
        evidence.load(broken)
