"""The pseudonymised export: tidy columns, Parquet that reads back, the dictionary, the
protocol file; every read audited; no free text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pyarrow.parquet as pq
import pytest
from tests.helpers.db import make_person
from tests.helpers.two_factor import sign_in_with_second_factor
from tests.studies.people import enrol

from vagus.audit.models import AuditEvent
from vagus.diary import actions as diary
from vagus.questionnaires.actions import record_response

pytestmark = pytest.mark.django_db
SECRET = "MY-PRIVATE-NOTE"


@pytest.fixture
def filled(study):
    person = make_person("ana")
    enrolment = enrol(person, study)
    diary.save_checkin(person, date(2026, 3, 10), {"anxiety": 3, "gut_pain": 2}, note=SECRET)
    diary.save_checkin(person, date(2026, 3, 11), {"anxiety": 5})
    record_response(person, "gad7", [1, 1, 1, 1, 1, 1, 1])  # today: past the study's end
    return person, enrolment


@pytest.fixture
def rs_client(client, researcher):
    sign_in_with_second_factor(client, researcher)
    return client


EXPECTED = [
    ["participant", "date", "measure", "value"],
    ["{p}", "2026-03-10", "anxiety", "3.0"],
    ["{p}", "2026-03-10", "gut_pain", "2.0"],
    ["{p}", "2026-03-11", "anxiety", "5.0"],
]


def test_csv_is_tidy_and_pseudonymised(study, filled, rs_client):
    person, enrolment = filled
    response = rs_client.get(f"/studies/research/{study.uuid}/data.csv")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    expected = [[c.format(p=enrolment.pseudonym) for c in row] for row in EXPECTED]
    assert list(csv.reader(io.StringIO(text))) == expected
    assert SECRET not in text and person.username not in text and str(person.uuid) not in text


def test_parquet_reads_back_with_the_same_rows(study, filled, rs_client):
    _, enrolment = filled
    response = rs_client.get(f"/studies/research/{study.uuid}/data.parquet")
    table = pq.read_table(io.BytesIO(response.content))
    assert table.column_names == ["participant", "date", "measure", "value"]
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("value").type) == "double"
    assert table.to_pylist() == [
        {
            "participant": enrolment.pseudonym,
            "date": date(2026, 3, 10),
            "measure": "anxiety",
            "value": 3.0,
        },
        {
            "participant": enrolment.pseudonym,
            "date": date(2026, 3, 10),
            "measure": "gut_pain",
            "value": 2.0,
        },
        {
            "participant": enrolment.pseudonym,
            "date": date(2026, 3, 11),
            "measure": "anxiety",
            "value": 5.0,
        },
    ]


def test_the_dictionary_explains_every_code(study, rs_client):
    document = json.loads(rs_client.get(f"/studies/research/{study.uuid}/dictionary.json").content)
    assert set(document["columns"]) == {"participant", "date", "measure", "value"}
    measures = {m["code"]: m for m in document["measures"]}
    assert set(measures) == {"anxiety", "gut_pain", "gad7_total"}
    assert (measures["anxiety"]["minimum"], measures["anxiety"]["maximum"]) == (0, 10)
    assert measures["gad7_total"]["loinc"] == "70274-6"  # as in the FHIR export
    [gad7] = document["questionnaires"]
    assert gad7["measure"] == "gad7_total" and len(gad7["items"]) == 7
    assert gad7["items"][0]["text"] and gad7["items"][0]["loinc"]


def test_every_read_of_participant_data_is_audited(study, filled, rs_client, researcher):
    person, enrolment = filled
    rs_client.get(f"/studies/research/{study.uuid}/")
    rs_client.get(f"/studies/research/{study.uuid}/data.csv")
    rs_client.get(f"/studies/research/{study.uuid}/data.parquet")
    events = AuditEvent.objects.owned_by(person).filter(action="study.read")
    assert [e.detail["what"] for e in events] == ["monitor", "export.csv", "export.parquet"]
    assert all(
        e.actor == researcher and e.detail["pseudonym"] == enrolment.pseudonym for e in events
    )
    rs_client.get(f"/studies/research/{study.uuid}/dictionary.json")  # no participant data
    assert events.count() == 3


def test_the_protocol_file_sets_up_the_same_study(study, rs_client, researcher):
    from vagus.studies.models import Study

    text = rs_client.get(f"/studies/research/{study.uuid}/protocol.json").content
    upload = io.BytesIO(text)
    upload.name = "protocol.json"
    response = rs_client.post(
        "/studies/research/import/",
        {"file": upload, "starts": "2026-05-01", "contact": "other@example.org"},
    )
    assert response.status_code == 302
    copy = Study.objects.owned_by(researcher).exclude(pk=study.pk).get()
    assert copy.protocol == study.protocol and copy.title == study.title
    assert copy.current_consent().sha256 == study.current_consent().sha256
    assert copy.invite_code != study.invite_code


def test_a_file_that_is_not_a_protocol_is_refused_plainly(rs_client):
    upload = io.BytesIO(b'{"measures": ["anxiety"]}')
    upload.name = "x.json"
    response = rs_client.post(
        "/studies/research/import/",
        {"file": upload, "starts": "2026-05-01", "contact": "a@example.org"},
    )
    assert response.status_code == 400
    assert "This file is not a Vagus study protocol." in response.content.decode()
