"""Each sample as two FHIR R4 Observations: its diversity indices and its phyla.

No LOINC code names a gut microbiome diversity index or a phylum's share of a stool sample,
so both use the project's own code system ``{base}/CodeSystem/vagus-microbiome`` rather than
a near-miss standard code; the category is ``laboratory`` (a lab measured it) and the method
(16S or shotgun sequencing) is in ``Observation.method``, so no reader merges the two.
Ids are derived from the sample's uuid, so sending the Bundle twice updates, never duplicates.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from vagus.microbiome.models import Sample
from vagus.science.microbiome import METHODS, both_names

if TYPE_CHECKING:
    from vagus.accounts.models import User

SYSTEM = "CodeSystem/vagus-microbiome"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
INDICES = (
    ("observed", "Observed features"),
    ("shannon", "Shannon diversity index (natural log)"),
    ("simpson", "Simpson diversity index (1 − Σp²)"),
    ("pielou", "Pielou evenness"),
    ("chao1", "Chao1 estimated richness"),
)


def _coding(base: str, code: str, display: str) -> dict[str, Any]:
    return {
        "coding": [{"system": f"{base}/{SYSTEM}", "code": code, "display": display}],
        "text": display,
    }


def _common(
    sample: Sample, subject: str, base: str, rid: str, code: str, display: str
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": rid,
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY, "code": "laboratory"}]}],
        "code": _coding(base, code, display),
        "subject": {"reference": subject},
        "effectiveDateTime": sample.collected_on.isoformat(),
        "method": {"text": METHODS[sample.method]},
        "note": [{"text": sample.label}] if sample.label else [],
    }


def sample_observations(sample: Sample, subject: str, base: str) -> list[dict[str, Any]]:
    diversity = _common(
        sample,
        subject,
        base,
        str(uuid.uuid5(sample.uuid, "diversity")),
        "diversity",
        f"Gut microbiome diversity ({sample.diversity_rank} level)",
    )
    diversity["component"] = [
        {
            "code": _coding(base, code, display),
            "valueQuantity": {"value": value, "unit": "1", "system": UCUM, "code": "1"},
        }
        for code, display in INDICES
        if (value := getattr(sample, code)) is not None
    ]
    phyla = _common(
        sample,
        subject,
        base,
        str(uuid.uuid5(sample.uuid, "phyla")),
        "phyla",
        "Gut microbiome phyla, relative abundance",
    )
    phyla["component"] = [
        {
            "code": _coding(base, f"phylum/{t.name}", both_names(t.name, t.former_name or None)),
            "valueQuantity": {
                "value": round(t.relative_abundance, 4),
                "unit": "%",
                "system": UCUM,
                "code": "%",
            },
        }
        for t in sample.taxa.filter(rank="phylum").order_by("-relative_abundance", "name")
    ]
    resources = [diversity]
    if phyla["component"]:
        resources.append(phyla)
    for resource in resources:
        if not resource["note"]:
            del resource["note"]
    return resources


def observations(user: User, subject: str, base: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for sample in Sample.objects.owned_by(user).order_by("collected_on", "id"):
        found += sample_observations(sample, subject, base)
    return found
