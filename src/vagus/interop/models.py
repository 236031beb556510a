"""What imports leave behind: the key of every imported row, and each import job's story."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet


class ImportedEntry(models.Model):
    """One imported item, keyed by where it came from, so importing twice changes nothing.

    Kept here rather than as a column on ``diary.Observation``: the key belongs to the import,
    not to the diary, and notes and rows Vagus has no measure for (kept raw, never dropped)
    need a home of their own. ``observation`` is set for values; deleting the observation
    deletes its entry too. ``measure`` is set on the entry that records a measure an import
    created, so removing that import can remove the measure when nothing else uses it.
    """

    OBSERVATION, NOTE, RAW, MEASURE = "observation", "note", "raw", "measure"
    KINDS = [(k, k) for k in (OBSERVATION, NOTE, RAW, MEASURE)]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # No index of its own: the unique (owner, source, key) below serves lookups by owner, and
    # one index fewer makes publishing a big import that much shorter.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="imported_entries",
        db_index=False,
    )
    source = models.CharField(max_length=40)
    key = models.CharField(max_length=255)
    kind = models.CharField(max_length=12, choices=KINDS)
    day = models.DateField(null=True, blank=True)
    time = models.DateTimeField(null=True, blank=True)
    label = models.CharField(max_length=120, blank=True, default="")
    text = models.TextField(blank=True, default="")
    observation = models.OneToOneField(
        "diary.Observation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="imported_entry",
    )
    measure = models.ForeignKey(
        "diary.Measure", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["source", "day", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "source", "key"], name="one_imported_entry_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.key}"


class ImportJob(models.Model):
    """An import started from the page or the API: checked first, then run in the background."""

    CHECKING, NEEDS_MAPPING, READY, REFUSED = "checking", "needs_mapping", "ready", "refused"
    IMPORTING, DONE, FAILED = "importing", "done", "failed"
    STATUSES = [
        (CHECKING, "Checking the file"),
        (NEEDS_MAPPING, "Needs your mood mapping"),
        (READY, "Checked, ready to import"),
        (REFUSED, "Cannot be imported"),
        (IMPORTING, "Importing"),
        (DONE, "Imported"),
        (FAILED, "Failed"),
    ]
    RUNNING = {CHECKING, IMPORTING}

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    format = models.CharField(max_length=16)
    filename = models.CharField(max_length=200, blank=True, default="")
    status = models.CharField(max_length=16, choices=STATUSES, default=CHECKING)
    progress = models.FloatField(default=0)  # 0–1 of the current step
    options = models.JSONField(default=dict, blank=True)  # e.g. {"mood_map": {"anxious": 2}}
    counts = models.JSONField(default=dict, blank=True)  # what would change / what changed
    errors = models.JSONField(default=list, blank=True)  # [{"line", "field", "reason"}]
    unmapped = models.JSONField(default=list, blank=True)  # Daylio mood names to map
    notes = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)  # also the running job's heartbeat
    # When the worker picked the job up: a job started whose heartbeat stopped was cut off by
    # a server stop; one never started is still queued.
    started = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.format} import {self.created:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def percent(self) -> int:
        return round(self.progress * 100)
