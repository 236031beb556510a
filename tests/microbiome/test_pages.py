"""The pages: upload, check, choose a sample, save; the sample page's words; delete; only yours."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.microbiome.conftest import DATA, hdf5_table
from vagus.diary import actions as diary_actions
from vagus.microbiome import actions
from vagus.microbiome.models import PendingUpload, Sample

pytestmark = pytest.mark.django_db


def upload(client, name: str, content: bytes):
    return client.post(reverse("microbiome:upload"), {"file": SimpleUploadedFile(name, content)})


def test_upload_check_and_save_a_metaphlan_profile(person, person_client):
    response = upload(person_client, "profile.txt", (DATA / "metaphlan3.tsv").read_bytes())
    assert response.status_code == 302
    page = person_client.get(response["Location"])
    html = page.content.decode()
    assert "Check before saving" in html and "Values read as percentages" in html
    assert Sample.objects.count() == 0  # nothing saved before confirming
    day = person.today() - timedelta(days=1)
    saved = person_client.post(
        response["Location"],
        {"collected_on": day.isoformat(), "label": "Lab A", "method": "shotgun"},
    )
    sample = Sample.objects.get()
    assert saved["Location"] == reverse("microbiome:sample", args=[sample.uuid])
    assert not PendingUpload.objects.exists()
    html = person_client.get(saved["Location"]).content.decode()
    assert "Bacillota (Firmicutes)" in html and "Pseudomonadota (Proteobacteria)" in html
    assert "Faecalibacterium prausnitzii" in html
    assert reverse("learn:entry", kwargs={"entry_code": "faecalibacterium-quality-of-life"}) in html
    assert "(early evidence)" in html
    assert "not a reliable marker" in html  # the ratio only with its caution
    assert "Chao1 needs read counts" in html
    assert "snapshot" in html and "healthy range" in html and "context, not a cause" in html


def test_a_table_with_two_samples_asks_which(person, person_client):
    response = upload(person_client, "table.biom", (DATA / "biom1_two_samples.biom").read_bytes())
    page = person_client.get(response["Location"])
    assert b"holds 2 samples" in page.content and b"Sample.B" in page.content
    missing = person_client.post(
        response["Location"], {"collected_on": "2026-01-02", "method": "16S"}
    )
    assert missing.status_code == 400 and Sample.objects.count() == 0
    person_client.post(
        response["Location"], {"collected_on": "2026-01-02", "method": "16S", "sample": "Sample.B"}
    )
    assert Sample.objects.get().source_sample == "Sample.B"


def test_bad_and_oversized_files_are_refused_with_a_reason(person_client, settings):
    bad = upload(person_client, "x.csv", b"taxon,rank,value\nFoo,zz,3\n")
    page = person_client.get(bad["Location"])
    assert (
        page.status_code == 400
        and "Line 2: “zz” is not a rank Vagus knows" in page.content.decode()
    )
    assert not PendingUpload.objects.exists() and not Sample.objects.exists()
    truncated = upload(person_client, "t.biom", hdf5_table()[:1200])
    assert "cut short" in person_client.get(truncated["Location"]).content.decode()
    settings.VAGUS_MAX_UPLOAD_MB = 0.0001
    big = upload(person_client, "big.csv", b"taxon,rank,value\n" + b"Foo,genus,1\n" * 200)
    assert big.status_code == 400 and "the most Vagus takes" in big.content.decode()


def test_sample_page_shows_the_diary_before_and_the_change(person, person_client):
    first = actions.import_sample(
        person,
        (DATA / "taxa_counts.csv").read_bytes(),
        collected_on=person.today() - timedelta(days=30),
        method="16S",
    )
    second = actions.import_sample(person, hdf5_table(), collected_on=person.today(), method="16S")
    other = actions.import_sample(
        person,
        (DATA / "metaphlan3.tsv").read_bytes(),
        collected_on=person.today() - timedelta(days=10),
    )
    assert first.sample and second.sample and other.sample
    for back in (2, 3):
        diary_actions.save_checkin(
            person, person.today() - timedelta(days=back), {"anxiety": 4 + back}
        )
    diary_actions.add_meal(
        person, "a glass of kefir", datetime.now(person.zone()) - timedelta(days=2)
    )
    html = person_client.get(
        reverse("microbiome:sample", args=[second.sample.uuid])
    ).content.decode()
    assert "Bray–Curtis" in html  # from the 16S sample of 30 days before, not the shotgun one
    assert "6.5 (2 days logged)" in html  # anxiety averaged over the 14 days before
    assert "<dt>Fermented food servings</dt><dd>Nothing logged" not in html  # the kefir
    index = person_client.get(reverse("microbiome:index")).content.decode()
    # One panel per method: 16S and shotgun samples never share a line.
    assert "Shannon diversity, 16S tests" in index and "Shannon diversity, shotgun tests" in index


def test_delete_and_nobody_elses_samples(person, other_person, person_client, client_of):
    mine = actions.import_sample(person, (DATA / "taxa_percent.csv").read_bytes()).sample
    assert mine is not None
    other = client_of(other_person)
    assert other.get(reverse("microbiome:sample", args=[mine.uuid])).status_code == 404
    assert other.post(reverse("microbiome:delete", args=[mine.uuid])).status_code == 404
    assert person_client.post(reverse("microbiome:delete", args=[mine.uuid])).status_code == 302
    assert not Sample.objects.exists()
