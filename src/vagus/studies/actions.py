"""Every write of the studies app, each one function in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from vagus.audit.models import AuditEvent
from vagus.diary.models import Measure
from vagus.science import instruments
from vagus.studies import protocol as protocols
from vagus.studies.models import Consent, ConsentVersion, Enrolment, Study, consent_hash
from vagus.studies.pseudonyms import new_pseudonym

if TYPE_CHECKING:
    from vagus.accounts.models import User

READ = "study.read"


class AlreadyEnrolled(Exception):
    """The person is already in this study."""


def parse_protocol(raw: Any) -> protocols.Protocol:
    """The protocol, checked against the measures and questionnaires this server has."""
    known = Measure.objects.filter(owner__isnull=True).values_list("code", flat=True)
    return protocols.parse(raw, known_measures=set(known), known_questionnaires=instruments.CODES)


def _fields(values: Mapping[str, Any]) -> dict[str, Any]:
    fields = {
        k: values[k] for k in ("title", "description", "target_size", "starts", "ends", "contact")
    }
    fields["protocol"] = parse_protocol(values["protocol"]).data()
    return fields


def create_study(
    researcher: User, values: Mapping[str, Any], consent_text: str, now: datetime | None = None
) -> Study:
    with transaction.atomic():
        study = Study.objects.create(owner=researcher, **_fields(values))
        ConsentVersion.objects.create(
            study=study,
            number=1,
            text=consent_text,
            sha256=consent_hash(consent_text),
            created=now or timezone.now(),
        )
    return study


def update_study(
    researcher: User,
    study: Study,
    values: Mapping[str, Any],
    consent_text: str,
    now: datetime | None = None,
) -> bool:
    """Save the study's new details; True when the consent text changed (a new version that
    everyone already enrolled must agree to before the study sees more of their data)."""
    fields = _fields(values)
    with transaction.atomic():
        Study.objects.owned_by(researcher).filter(pk=study.pk).update(**fields)
        current = study.current_consent()
        if current.sha256 == consent_hash(consent_text):
            return False
        ConsentVersion.objects.create(
            study=study,
            number=current.number + 1,
            text=consent_text,
            sha256=consent_hash(consent_text),
            created=now or timezone.now(),
        )
    return True


def import_protocol(researcher: User, text: str, *, starts: date, contact: str) -> Study:
    """A new study of ``researcher`` from a protocol file (ProtocolError if it is not one)."""
    document = protocols.read_document(text)
    values = {
        "title": str(document.get("title") or "Imported study")[:120],
        "description": str(document.get("description") or "")[:4000],
        "target_size": int(document.get("target_size") or 30),
        "starts": starts,
        "ends": None,
        "contact": contact,
        "protocol": document.get("protocol"),
    }
    return create_study(researcher, values, str(document.get("consent") or ""))


def enrol(
    user: User,
    study: Study,
    *,
    keep_data: bool,
    tell_contact: bool,
    shares_earlier: bool,
    now: datetime | None = None,
) -> Enrolment:
    """Enrol ``user`` under a fresh pseudonym with their consent to the current text."""
    now = now or timezone.now()
    avoid = [user.username, user.email, str(user.pk), str(user.uuid), user.uuid.hex]
    try:
        with transaction.atomic():
            taken = set(study.enrolments.values_list("pseudonym", flat=True))
            enrolment = Enrolment.objects.create(
                owner=user,
                study=study,
                pseudonym=new_pseudonym(taken, avoid=[a for a in avoid if a]),
                enrolled_on=user.day_of(now),
                enrolled_at=now,
                shares_earlier=shares_earlier,
            )
            _consent(user, enrolment, keep_data=keep_data, tell_contact=tell_contact, now=now)
    except IntegrityError as exc:
        raise AlreadyEnrolled(study.title) from exc
    return enrolment


def _consent(
    user: User, enrolment: Enrolment, *, keep_data: bool, tell_contact: bool, now: datetime
) -> Consent:
    version = enrolment.study.current_consent()
    return Consent.objects.create(
        owner=user,
        enrolment=enrolment,
        version_number=version.number,
        version_sha256=version.sha256,
        given_at=now,
        keep_data_on_withdrawal=keep_data,
        tell_contact_of_safety_events=tell_contact,
    )


def reconsent(
    user: User,
    enrolment: Enrolment,
    *,
    keep_data: bool,
    tell_contact: bool,
    now: datetime | None = None,
) -> Consent:
    """Agree to the study's current consent text (after it changed)."""
    with transaction.atomic():
        return _consent(
            user,
            enrolment,
            keep_data=keep_data,
            tell_contact=tell_contact,
            now=now or timezone.now(),
        )


def withdraw(user: User, enrolment: Enrolment, now: datetime | None = None) -> Enrolment:
    """Leave the study. As consented, the study keeps what was shared until today, or no
    longer sees any of it (the enrolment stays, with the pseudonym only, so the monitor can
    count a drop-out)."""
    now = now or timezone.now()
    with transaction.atomic():
        consent = enrolment.latest_consent()
        keep = bool(consent and consent.keep_data_on_withdrawal)
        Enrolment.objects.owned_by(user).filter(pk=enrolment.pk, withdrawn_at__isnull=True).update(
            withdrawn_at=now, withdrawn_on=user.day_of(now), data_removed=not keep
        )
    enrolment.refresh_from_db()
    return enrolment


def audit_reads(researcher: User | None, enrolments: Iterable[Enrolment], what: str) -> int:
    """One audit row per participant whose data a researcher's page or download showed,
    in the participant's own record ("who read my data"). ``researcher`` is None for the
    operator's command line."""
    rows = [
        AuditEvent(
            owner_id=e.owner_id,
            actor=researcher,
            action=READ,
            detail={"study": str(e.study.uuid), "pseudonym": e.pseudonym, "what": what},
        )
        for e in enrolments
    ]
    AuditEvent.objects.bulk_create(rows)
    return len(rows)
