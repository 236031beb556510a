"""The evidence library: each claim Vagus relies on, its sources, and how strong the evidence is.

Every suggestion the app makes (a food card, a self-experiment, a coping tool, a questionnaire
result) points to one entry here by its id, so a person is always one tap from the research.

The entries live in ``data/evidence.toml``. They are loaded once, checked strictly, and cached:
a malformed entry (an unknown grade, a DOI that is not a DOI, a missing "what it does not show")
stops the app from starting rather than showing a half-truth. The grading rules are written out
in ``docs/evidence.md``; in short, from weakest to strongest:

- ``early``: animal or laboratory work, observational (association) studies, or small trials;
- ``mixed``: human trials exist but disagree, or the pooled effect is very small or unclear;
- ``moderate``: a meta-analysis of randomised trials, or a large well-run trial, shows benefit
  with some limits (small effects, risk of bias, short follow-up); for a claim that two things
  go together, a meta-analysis of many consistent studies;
- ``strong``: several consistent meta-analyses of randomised trials in people.

Pure Python (no Django), so the command line and the tests use it directly.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "evidence.toml"

GRADES: tuple[str, ...] = ("early", "mixed", "moderate", "strong")
GRADE_LABELS: dict[str, str] = {
    "early": "Early evidence",
    "mixed": "Mixed evidence",
    "moderate": "Moderate evidence",
    "strong": "Strong evidence",
}
# One plain sentence per grade, shown beside every entry (the full rules are in docs/evidence.md).
GRADE_MEANINGS: dict[str, str] = {
    "early": (
        "Only animal or laboratory studies, studies that find links without testing cause, "
        "or small trials. It may help, but we do not know yet."
    ),
    "mixed": "Studies in people disagree, or the effect they find is very small.",
    "moderate": (
        "Reviews of trials in people, or a large careful trial, point the same way, "
        "with some limits."
    ),
    "strong": "Several reviews of many trials in people agree.",
}
STUDY_TYPES: tuple[str, ...] = (
    "animal",
    "laboratory",
    "observational",
    "randomised trial",
    "meta-analysis",
    "review",
    "guideline",
)
TOPICS: dict[str, str] = {
    "gut-brain": "How the gut and brain talk",
    "microbes": "Gut microbes and anxiety",
    "food": "Food",
    "ibs": "IBS",
    "sleep": "Sleep",
    "calming": "Calming the body",
    "therapy": "Thinking and talking",
    "activity": "Moving",
    "self-testing": "Testing for yourself",
}

# Ids are two or more lower-case words joined by hyphens, so code that scans for them can tell an
# evidence id ("slow-breathing") from other names ("fermented").
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_PATTERN = re.compile(r"^\d{1,9}$")

ENTRY_FIELDS = ("id", "topic", "claim", "grade", "study_type", "population", "summary")
SOURCE_FIELDS = ("authors", "year", "title", "journal", "study_type")


class UnknownEvidenceError(KeyError):
    """Asked for an evidence id the library does not hold."""


class EvidenceDataError(ValueError):
    """The evidence data file breaks the library's rules; the message lists every problem."""


@dataclass(frozen=True)
class Source:
    authors: str
    year: int
    title: str
    journal: str
    study_type: str
    doi: str | None = None
    pmid: str | None = None
    # How the reference was checked when no DOI or PMID could be confirmed.
    checked: str | None = None

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def pubmed_url(self) -> str | None:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else None

    def citation(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.journal}."

    def as_dict(self) -> dict[str, Any]:
        return {
            "authors": self.authors,
            "year": self.year,
            "title": self.title,
            "journal": self.journal,
            "study_type": self.study_type,
            "doi": self.doi,
            "pmid": self.pmid,
            "checked": self.checked,
        }


@dataclass(frozen=True)
class Entry:
    id: str
    topic: str
    claim: str
    grade: str
    study_type: str
    population: str
    summary: str
    does_not_show: str
    sources: tuple[Source, ...]
    # Shown for supplements: the reminder to talk to a doctor or pharmacist first.
    caution: str | None = None

    @property
    def grade_label(self) -> str:
        return GRADE_LABELS[self.grade]

    @property
    def grade_meaning(self) -> str:
        return GRADE_MEANINGS[self.grade]

    @property
    def topic_label(self) -> str:
        return TOPICS[self.topic]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "claim": self.claim,
            "grade": self.grade,
            "grade_meaning": self.grade_meaning,
            "study_type": self.study_type,
            "population": self.population,
            "summary": self.summary,
            "does_not_show": self.does_not_show,
            "caution": self.caution,
            "sources": [s.as_dict() for s in self.sources],
        }


def problems(raw: Mapping[str, Any]) -> list[str]:
    """Every way the parsed data file breaks the rules (empty when it is sound)."""
    found: list[str] = []
    entries = raw.get("entry")
    if not isinstance(entries, list) or not entries:
        return ["the file has no [[entry]] tables"]
    seen: set[str] = set()
    for index, item in enumerate(entries):
        where = f"entry {item.get('id', index)!r}"
        found += [
            f"{where}: missing {f}" for f in (*ENTRY_FIELDS, "does_not_show") if not item.get(f)
        ]
        entry_id = str(item.get("id", ""))
        if entry_id and not ID_PATTERN.match(entry_id):
            found.append(f"{where}: id must be two or more lower-case words joined by hyphens")
        if entry_id in seen:
            found.append(f"{where}: id used twice")
        seen.add(entry_id)
        if item.get("grade") not in GRADES:
            found.append(f"{where}: grade {item.get('grade')!r} is not one of {GRADES}")
        if item.get("study_type") not in STUDY_TYPES:
            found.append(f"{where}: study type {item.get('study_type')!r} not in {STUDY_TYPES}")
        if item.get("topic") not in TOPICS:
            found.append(f"{where}: topic {item.get('topic')!r} not in {tuple(TOPICS)}")
        sources = item.get("source")
        if not isinstance(sources, list) or not sources:
            found.append(f"{where}: needs at least one [[entry.source]]")
            continue
        for number, source in enumerate(sources, 1):
            found += _source_problems(f"{where} source {number}", source)
    return found


def _source_problems(where: str, source: Mapping[str, Any]) -> list[str]:
    found = [f"{where}: missing {f}" for f in SOURCE_FIELDS if not source.get(f)]
    year = source.get("year")
    if not isinstance(year, int) or not 1900 <= year <= 2100:
        found.append(f"{where}: year must be a four-digit number")
    if source.get("study_type") not in STUDY_TYPES:
        found.append(f"{where}: study type {source.get('study_type')!r} not in {STUDY_TYPES}")
    doi, pmid = source.get("doi"), source.get("pmid")
    if doi is not None and not DOI_PATTERN.match(str(doi)):
        found.append(f"{where}: {doi!r} is not a DOI (10.NNNN/...)")
    if pmid is not None and not (isinstance(pmid, str) and PMID_PATTERN.match(pmid)):
        found.append(f"{where}: PMID must be digits, written as a string")
    if not doi and not pmid and not source.get("checked"):
        # A reference with no identifier must say how it was checked, or it does not go in.
        found.append(f"{where}: give a DOI or PMID, or say how it was checked")
    return found


def _entry(item: Mapping[str, Any]) -> Entry:
    return Entry(
        id=item["id"],
        topic=item["topic"],
        claim=item["claim"].strip(),
        grade=item["grade"],
        study_type=item["study_type"],
        population=item["population"].strip(),
        summary=" ".join(item["summary"].split()),
        does_not_show=" ".join(item["does_not_show"].split()),
        caution=item.get("caution"),
        sources=tuple(
            Source(
                authors=s["authors"],
                year=s["year"],
                title=s["title"],
                journal=s["journal"],
                study_type=s["study_type"],
                doi=s.get("doi"),
                pmid=s.get("pmid"),
                checked=s.get("checked"),
            )
            for s in item["source"]
        ),
    )


def load(path: Path = DATA) -> tuple[Entry, ...]:
    """Read and check a data file. Raises EvidenceDataError listing every problem found."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    found = problems(raw)
    if found:
        raise EvidenceDataError(f"{path.name}: " + "; ".join(found))
    return tuple(_entry(item) for item in raw["entry"])


@cache
def entries() -> tuple[Entry, ...]:
    """All entries of the library, in the order of the data file (read once per process)."""
    return load()


@cache
def _by_id() -> dict[str, Entry]:
    return {entry.id: entry for entry in entries()}


def ids() -> frozenset[str]:
    return frozenset(_by_id())


def exists(entry_id: str) -> bool:
    return entry_id in _by_id()


def get(entry_id: str) -> Entry:
    try:
        return _by_id()[entry_id]
    except KeyError:
        raise UnknownEvidenceError(entry_id) from None


def select(topic: str | None = None, grade: str | None = None) -> list[Entry]:
    """Entries with the given topic and grade (either may be None for all)."""
    return [
        entry
        for entry in entries()
        if (topic is None or entry.topic == topic) and (grade is None or entry.grade == grade)
    ]


def missing(entry_ids: Iterable[str]) -> list[str]:
    """The ids in ``entry_ids`` that the library does not hold, sorted."""
    known = ids()
    return sorted({entry_id for entry_id in entry_ids if entry_id not in known})
