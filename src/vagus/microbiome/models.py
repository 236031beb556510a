"""Stool-test samples, their taxa and their diversity, always owned by one person."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet
from vagus.science.microbiome import FORMATS, METHODS, RANKS

RANK_CHOICES = [(rank, rank) for rank in RANKS]


class Sample(models.Model):
    """One stool test. Diversity is computed once, at import, and stored (scikit-bio)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="microbiome_samples"
    )
    collected_on = models.DateField()
    label = models.CharField(max_length=120, blank=True, default="")
    method = models.CharField(max_length=10, choices=list(METHODS.items()), default="unknown")
    source_format = models.CharField(max_length=12, choices=list(FORMATS.items()))
    # Which sample of a multi-sample table, and the file's SHA-256: the same file and sample
    # imported twice is found, so a second import changes nothing.
    source_sample = models.CharField(max_length=200, blank=True, default="")
    file_sha256 = models.CharField(max_length=64, blank=True, default="")
    value_kind = models.CharField(max_length=10, default="percent")
    diversity_rank = models.CharField(max_length=10, choices=RANK_CHOICES)
    observed = models.PositiveIntegerField()
    shannon = models.FloatField()
    simpson = models.FloatField()
    pielou = models.FloatField(null=True, blank=True)  # undefined for a single feature
    chao1 = models.FloatField(null=True, blank=True)  # only from whole read counts
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["collected_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "file_sha256", "source_sample"],
                condition=~models.Q(file_sha256=""),
                name="microbiome_sample_once_per_file",
            )
        ]

    def __str__(self) -> str:
        return f"Sample of {self.collected_on:%Y-%m-%d}"


class Taxon(models.Model):
    """One taxon's share of a sample, at one rank (a file lists several ranks)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="microbiome_taxa"
    )
    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="taxa")
    name = models.CharField(max_length=200)  # a phylum under its current name
    rank = models.CharField(max_length=10, choices=RANK_CHOICES)
    relative_abundance = models.FloatField()  # percent of the sample
    count = models.FloatField(null=True, blank=True)  # reads, when the file had counts
    former_name = models.CharField(max_length=100, blank=True, default="")  # phyla, pre-2021

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["sample", "rank", "-relative_abundance", "name"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "rank", "name"], name="microbiome_taxon_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.rank})"


class PendingUpload(models.Model):
    """A file uploaded on the page, kept until the person has seen the preview and confirmed
    (and chosen the sample of a multi-sample table). Removed on import, and after a day."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="microbiome_uploads"
    )
    name = models.CharField(max_length=200)
    data = models.BinaryField()
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return self.name
