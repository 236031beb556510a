"""Shares: an invitation that works once for 7 days, scopes, revocation on the next request,
every read audited with its address, the dashboard, and shares in export and deletion."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from tests.helpers.sharing import clinician, person, shared, signed_in

from vagus.accounts import actions as account_actions
from vagus.audit.models import AuditEvent
from vagus.backup.export import export_user_data
from vagus.diary import actions as diary_actions
from vagus.ownership import Scope
from vagus.questionnaires import actions as questionnaire_actions
from vagus.sharing import actions
from vagus.sharing.models import Share

pytestmark = pytest.mark.django_db


def test_an_invitation_stores_only_its_hash_and_works_once():
    ana, lee, kim = person(), clinician(), clinician("drkim")
    share, code = actions.create_invitation(ana, [Scope.DIARY])
    assert code not in json.dumps(list(Share.objects.values()), default=str)
    assert share.code_hash == Share.hash(code)
    assert actions.accept(lee, code) is not None
    assert actions.accept(kim, code) is None
    assert Share.objects.get().clinician == lee


def test_an_invitation_expires_after_seven_days():
    ana, lee = person(), clinician()
    share, code = actions.create_invitation(ana, [Scope.DIARY])
    assert share.code_expires - timezone.now() > timedelta(days=6, hours=23)
    Share.objects.update(code_expires=timezone.now() - timedelta(seconds=1))
    assert actions.accept(lee, code) is None


def test_only_a_clinician_can_accept_and_the_default_end_is_90_days():
    ana, bob, lee = person(), person("bob"), clinician()
    share, code = actions.create_invitation(ana, [Scope.DIARY])
    assert actions.accept(bob, code) is None
    assert (share.ends.date() - ana.today()).days == 91  # the end of the 90th day
    assert actions.accept(lee, code) is not None


def test_the_person_invites_from_settings_and_sees_the_code_once():
    ana = person()
    client = signed_in(ana)
    page = client.post(
        "/sharing/", {"scopes": ["diary", "questionnaires"], "ends": ""}
    ).content.decode()
    share = Share.objects.get(owner=ana)
    assert sorted(share.scopes) == ["diary", "questionnaires"]
    code = page.split('<code class="token">')[1].split("<")[0]
    assert Share.hash(code) == share.code_hash
    assert f"/sharing/accept/?code={code}" in page
    assert code not in client.get("/sharing/").content.decode()


def test_journal_text_is_shared_only_when_ticked_separately():
    ana = person()
    client = signed_in(ana)
    client.post("/sharing/", {"scopes": ["diary"]})
    client.post("/sharing/", {"scopes": ["diary"], "include_writing": "on"})
    assert [s.scopes for s in Share.objects.order_by("id")] == [["diary"], ["diary", "writing"]]
    refused = client.post("/sharing/", {"ends": ""})
    assert "Choose at least one thing to share." in refused.content.decode()


def test_the_clinician_accepts_by_link_and_reads_only_the_scope():
    ana, lee = person(), clinician()
    diary_actions.add_meal(ana, "porridge with honey", timezone.now() - timedelta(hours=1))
    _, code = actions.create_invitation(ana, [Scope.DIARY])
    client = signed_in(lee)
    form = client.get(f"/sharing/accept/?code={code}").content.decode()
    assert f'value="{code}"' in form
    accepted = client.post("/sharing/accept/", {"code": code})
    assert accepted["Location"] == f"/sharing/people/{ana.uuid}/"
    assert client.get(f"/sharing/people/{ana.uuid}/diary/").status_code == 200
    meals = client.get(f"/sharing/people/{ana.uuid}/meals/")
    assert meals.status_code == 404 and "porridge" not in meals.content.decode()
    assert client.post(f"/sharing/people/{ana.uuid}/diary/").status_code == 405


def test_revoking_ends_access_on_the_next_request():
    ana, lee = person(), clinician()
    share = shared(ana, lee, [Scope.MEALS])
    client = signed_in(lee)
    assert client.get(f"/sharing/people/{ana.uuid}/meals/").status_code == 200
    signed_in(ana).post(f"/sharing/{share.uuid}/revoke/")
    assert client.get(f"/sharing/people/{ana.uuid}/meals/").status_code == 404
    assert client.get(f"/sharing/people/{ana.uuid}/").status_code == 404
    assert "ana" not in client.get("/sharing/people/").content.decode()


def test_an_ended_share_answers_not_found():
    ana, lee = person(), clinician()
    shared(ana, lee, [Scope.MEALS], state="expired")
    assert signed_in(lee).get(f"/sharing/people/{ana.uuid}/meals/").status_code == 404


def test_every_read_is_audited_with_who_what_when_and_address():
    ana, lee = person(), clinician()
    share = shared(ana, lee, [Scope.DIARY, Scope.MEALS])
    client = signed_in(lee)
    client.defaults["REMOTE_ADDR"] = "198.51.100.7"
    client.get(f"/sharing/people/{ana.uuid}/meals/")
    read = AuditEvent.objects.owned_by(ana).get(action="share.read", detail__what="meals")
    assert read.actor == lee
    assert read.detail["address"] == "198.51.100.7"
    assert read.detail["share"] == str(share.uuid)
    # A refused read (out of scope) reads nothing and records nothing.
    client.get(f"/sharing/people/{ana.uuid}/writing/")
    assert not AuditEvent.objects.filter(detail__what="writing").exists()
    # The person sees it and can download it.
    mine = signed_in(ana)
    assert "looked at meals" in mine.get("/sharing/who-looked/").content.decode()
    download = mine.get("/sharing/who-looked.csv")
    rows = list(csv.DictReader(io.StringIO(download.content.decode())))
    assert {"who": "drlee", "what": "meals", "address": "198.51.100.7"}.items() <= next(
        r for r in rows if r["action"] == "share.read" and r["what"] == "meals"
    ).items()


def test_dashboard_lists_gad7_change_days_logged_and_new_safety_events_first():
    ana, ben, lee = person(), person("ben"), clinician()
    questionnaire_actions.record_response(ana, "gad7", [2] * 7, timezone.now() - timedelta(days=9))
    questionnaire_actions.record_response(ana, "gad7", [1] * 7, timezone.now() - timedelta(hours=2))
    diary_actions.save_checkin(ana, ana.today(), {"anxiety": 4})
    shared(ana, lee, [Scope.QUESTIONNAIRES, Scope.DIARY])
    shared(ben, lee, [Scope.QUESTIONNAIRES])
    questionnaire_actions.record_response(ben, "phq9", [1] * 9)  # item 9 above 0: an alert
    client = signed_in(lee)
    page = client.get("/sharing/people/").content.decode()
    assert page.index("ben") < page.index("ana")  # the safety event comes first
    assert "Safety: 1 new event since your last visit" in page
    assert "Latest GAD-7</dt><dd>7 (change -7)" in page
    assert "Days logged, last 14</dt><dd>2"  # today and a questionnaire 9 days ago in page
    client.get(f"/sharing/people/{ben.uuid}/")  # a visit: that event is no longer new
    assert "Safety:" not in client.get("/sharing/people/").content.decode()


def test_shares_and_their_audit_are_in_the_export_and_go_with_the_account():
    ana, lee = person(), clinician()
    shared(ana, lee, [Scope.DIARY])
    signed_in(lee).get(f"/sharing/people/{ana.uuid}/diary/")
    document = export_user_data(ana)
    assert document["shares"][0]["clinician"] == "drlee"
    assert "share.read" in {e["action"] for e in document["audit_events"]}
    account_actions.delete_account(ana)
    assert not Share.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="share.").exists()


def test_a_clinicians_account_deletion_ends_their_shares():
    ana, lee = person(), clinician()
    shared(ana, lee, [Scope.DIARY])
    account_actions.delete_account(lee)
    share = Share.objects.get()
    assert share.status.startswith("ended")
    assert not Share.objects.active().exists()
    assert "ended" in signed_in(ana).get("/sharing/").content.decode()


def test_a_clinician_without_a_second_factor_is_sent_to_prove_it():
    ana, lee = person(), clinician()
    shared(ana, lee, [Scope.DIARY])
    client = Client()
    client.force_login(lee)
    response = client.get(f"/sharing/people/{ana.uuid}/diary/")
    assert response["Location"] == "/accounts/two-factor/"
    assert not AuditEvent.objects.filter(action="share.read").exists()
