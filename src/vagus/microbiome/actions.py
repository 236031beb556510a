"""Every write of the microbiome app: importing a sample, deleting one. One transaction each."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from vagus import audit
from vagus.microbiome.models import PendingUpload, Sample, Taxon
from vagus.science import microbiome
from vagus.science.microbiome import Diversity, MicrobiomeFileError, Profile

if TYPE_CHECKING:
    from vagus.accounts.models import User

# A stool test's table is small (a few hundred taxa); this keeps a wrong file from filling
# the database while it waits on the preview page.
MAX_FILE_BYTES = 20 * 1024 * 1024
PENDING_FOR = timedelta(days=1)


@dataclass
class ImportOutcome:
    profile: Profile
    diversity: Diversity
    collected_on: date
    method: str
    sample: Sample | None = None  # None on a dry run
    already: bool = False  # the same file and sample were imported before: nothing changed
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if self.already:
            return "This sample was imported before; nothing changed."
        taxa = len(self.profile.taxa)
        return (
            f"{'Would import' if self.sample is None else 'Imported'} the sample of "
            f"{self.collected_on:%-d %B %Y} with {taxa} taxa "
            f"({self.diversity.observed} at {self.diversity.rank} level)."
        )


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_size(size: int) -> None:
    if size == 0:
        raise MicrobiomeFileError("This file is empty.")
    if size > MAX_FILE_BYTES:
        raise MicrobiomeFileError(
            f"This file is {size / 1024**2:,.0f} MB; a stool test's table is far smaller "
            f"(the most Vagus takes here is {MAX_FILE_BYTES // 1024**2} MB)."
        )


def import_sample(
    user: User,
    data: bytes,
    *,
    collected_on: date | None = None,
    label: str = "",
    method: str | None = None,
    sample: str | None = None,
    dry_run: bool = False,
) -> ImportOutcome:
    """Read one sample from ``data`` and store it with its taxa and diversity, all or nothing.

    Raises :class:`MicrobiomeFileError` for a file that cannot be read; nothing is written then.
    """
    check_size(len(data))
    profile = microbiome.read_profile(data, sample=sample)
    measured = microbiome.diversity(profile)
    notes = list(profile.notes)
    if collected_on is None:
        collected_on = user.today()
        notes.append("No collection date was given, so today's date was used.")
    chosen = method or profile.method
    if chosen not in microbiome.METHODS:
        raise MicrobiomeFileError(f"“{chosen}” is not a method: use 16S, shotgun or unknown.")
    outcome = ImportOutcome(profile, measured, collected_on, chosen, notes=notes)
    digest = file_hash(data)
    existing = Sample.objects.owned_by(user).filter(
        file_sha256=digest, source_sample=profile.sample_id
    )
    if existing.exists():
        outcome.already = True
        outcome.sample = existing.first()
        return outcome
    if dry_run:
        return outcome
    with transaction.atomic():
        stored = Sample.objects.create(
            owner=user,
            collected_on=collected_on,
            label=label.strip()[:120],
            method=chosen,
            source_format=profile.source_format,
            source_sample=profile.sample_id,
            file_sha256=digest,
            value_kind=profile.value_kind,
            diversity_rank=measured.rank,
            observed=measured.observed,
            shannon=measured.shannon,
            simpson=measured.simpson,
            pielou=measured.pielou,
            chao1=measured.chao1,
        )
        Taxon.objects.bulk_create(
            Taxon(
                owner=user,
                sample=stored,
                name=t.name[:200],
                rank=t.rank,
                relative_abundance=t.relative_abundance,
                count=t.count,
                former_name=t.former_name or "",
            )
            for t in profile.taxa
        )
        audit.record(
            "import.publish",
            user,
            detail={"kind": "microbiome", "sample": str(stored.uuid), "taxa": len(profile.taxa)},
        )
    outcome.sample = stored
    return outcome


def delete_sample(user: User, sample: Sample) -> None:
    """Delete one of ``user``'s samples and its taxa."""
    with transaction.atomic():
        found = Sample.objects.owned_by(user).get(pk=sample.pk)
        audit.record(
            "import.remove_source",
            user,
            detail={"kind": "microbiome", "sample": str(found.uuid)},
        )
        found.delete()


def keep_upload(user: User, name: str, data: bytes) -> PendingUpload:
    """Hold an uploaded file for its preview; a person's day-old uploads go at the same time."""
    check_size(len(data))
    with transaction.atomic():
        PendingUpload.objects.owned_by(user).filter(
            created__lt=timezone.now() - PENDING_FOR
        ).delete()
        return PendingUpload.objects.create(owner=user, name=name[:200], data=data)


def drop_upload(user: User, upload: PendingUpload) -> None:
    PendingUpload.objects.owned_by(user).filter(pk=upload.pk).delete()
