"""Samples in the FHIR export: laboratory Observations that validate, one method each."""

from __future__ import annotations

from datetime import date

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.microbiome.conftest import DATA
from vagus.interop import fhir_export
from vagus.microbiome import actions

pytestmark = pytest.mark.django_db


def test_diversity_and_phyla_observations_validate(person, other_person):
    sample = actions.import_sample(
        person,
        (DATA / "taxa_counts.csv").read_bytes(),
        collected_on=date(2026, 2, 1),
        method="16S",
        label="Lab B",
    ).sample
    actions.import_sample(other_person, (DATA / "metaphlan3.tsv").read_bytes())
    document = fhir_export.bundle(person)
    Bundle.model_validate(document)
    observations = [
        e["resource"]
        for e in document["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["system"].endswith("vagus-microbiome")
    ]
    assert len(observations) == 2  # bob's shotgun sample is not in alice's export
    diversity, phyla = observations
    assert diversity["category"][0]["coding"][0]["code"] == "laboratory"
    assert diversity["method"]["text"] == "16S rRNA gene sequencing"
    assert diversity["effectiveDateTime"] == "2026-02-01"
    values = {
        c["code"]["coding"][0]["code"]: c["valueQuantity"]["value"] for c in diversity["component"]
    }
    assert values["shannon"] == pytest.approx(sample.shannon) and values["chao1"] == sample.chao1
    names = [c["code"]["text"] for c in phyla["component"]]
    assert names == [
        "Bacillota (Firmicutes)",
        "Bacteroidota (Bacteroidetes)",
        "Pseudomonadota (Proteobacteria)",
    ]
    # Sending the Bundle twice updates: the ids come from the sample.
    again = fhir_export.bundle(person)
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in document["entry"]]
