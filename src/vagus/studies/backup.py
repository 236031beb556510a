"""The studies' part of a backup.

A participant's enrolments and consents are theirs: in their export, gone with their account.
A researcher's studies (title, protocol, every consent version) are the researcher's. None of
it is restored: an enrolment belongs to the server where the study runs (join again there),
and a study is set up elsewhere from its protocol file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vagus.backup.registry import not_restored, section
from vagus.backup.rows import Day, Flag, Id, Moment, Row, Text
from vagus.studies.models import Consent, Enrolment, Study

if TYPE_CHECKING:
    from vagus.accounts.models import User


class StudyRow(Row):
    id: Id
    title: Text
    description: Text
    protocol: dict[str, Any]
    target_size: int
    starts: Day
    ends: Day | None
    contact: Text
    consent_versions: list[dict[str, Any]]
    created: Moment


class EnrolmentRow(Row):
    id: Id
    study: Text
    pseudonym: Text
    enrolled_on: Day
    shares_earlier: Flag
    withdrawn_at: Moment | None
    data_removed: Flag


class ConsentRow(Row):
    id: Id
    enrolment: Id
    version_number: int
    version_sha256: Text
    given_at: Moment
    keep_data_on_withdrawal: Flag
    tell_contact_of_safety_events: Flag


@section("studies", model="studies.Study", row=StudyRow)
def export_studies(user: User) -> list[StudyRow]:
    return [
        StudyRow(
            id=str(s.uuid),
            title=s.title,
            description=s.description,
            protocol=s.protocol,
            target_size=s.target_size,
            starts=s.starts,
            ends=s.ends,
            contact=s.contact,
            consent_versions=[
                {
                    "number": v.number,
                    "sha256": v.sha256,
                    "text": v.text,
                    "created": v.created.isoformat(),
                }
                for v in s.consent_versions.all()
            ],
            created=s.created,
        )
        for s in Study.objects.owned_by(user)
    ]


@section("study_enrolments", model="studies.Enrolment", row=EnrolmentRow)
def export_enrolments(user: User) -> list[EnrolmentRow]:
    return [
        EnrolmentRow(
            id=str(e.uuid),
            study=e.study.title,
            pseudonym=e.pseudonym,
            enrolled_on=e.enrolled_on,
            shares_earlier=e.shares_earlier,
            withdrawn_at=e.withdrawn_at,
            data_removed=e.data_removed,
        )
        for e in Enrolment.objects.owned_by(user).select_related("study")
    ]


@section("study_consents", model="studies.Consent", row=ConsentRow)
def export_consents(user: User) -> list[ConsentRow]:
    return [
        ConsentRow(
            id=str(c.uuid),
            enrolment=str(c.enrolment.uuid),
            version_number=c.version_number,
            version_sha256=c.version_sha256,
            given_at=c.given_at,
            keep_data_on_withdrawal=c.keep_data_on_withdrawal,
            tell_contact_of_safety_events=c.tell_contact_of_safety_events,
        )
        for c in Consent.objects.owned_by(user).select_related("enrolment")
    ]


_NOT_RESTORED = "Study enrolments stay on the server where the study runs; join again there."
not_restored("studies", "Studies are set up again from their protocol file.")
not_restored("study_enrolments", _NOT_RESTORED)
not_restored("study_consents", "")
