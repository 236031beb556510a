"""Reminder email through a real SMTP server on loopback; confirmation links; failures."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

import pytest
from django.urls import reverse

from tests.reminders.smtp import free_port, smtp_server
from vagus.config.email import email_settings
from vagus.reminders import actions
from vagus.reminders.models import CHECKIN, FAILED, PENDING, SENT, Delivery
from vagus.reminders.sending import BACKOFF, MAX_ATTEMPTS, send_due

pytestmark = pytest.mark.django_db

EIGHT_LONDON = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)  # 08:00 BST


@pytest.fixture
def mail_to(settings):
    """Point Django's SMTP backend at a port, as VAGUS_EMAIL_URL=smtp://127.0.0.1:PORT does."""

    def configure(port: int) -> None:
        for name, value in email_settings(f"smtp://127.0.0.1:{port}").items():
            setattr(settings, name, value)
        settings.VAGUS_EMAIL_ENABLED = True
        settings.DEFAULT_FROM_EMAIL = "reminders@vagus.example"
        settings.VAGUS_BASE_URL = "https://vagus.example"

    return configure


def test_email_url_parsing():
    tls = email_settings("smtp+tls://me%40x.org:p%3Ass@mail.example:2525")
    assert (tls["EMAIL_HOST"], tls["EMAIL_PORT"]) == ("mail.example", 2525)
    assert (tls["EMAIL_HOST_USER"], tls["EMAIL_HOST_PASSWORD"]) == ("me@x.org", "p:ss")
    assert tls["EMAIL_USE_TLS"] and not tls["EMAIL_USE_SSL"]
    ssl = email_settings("smtp+ssl://mail.example")
    assert ssl["EMAIL_PORT"] == 465 and ssl["EMAIL_USE_SSL"]
    assert email_settings("smtp://relay")["EMAIL_PORT"] == 25
    assert email_settings("") == {}
    with pytest.raises(ValueError, match="scheme"):
        email_settings("http://mail.example")
    with pytest.raises(ValueError, match="host"):
        email_settings("smtp://")


def test_a_reminder_email_arrives_with_its_headers_and_links(person, mail_to):
    actions.set_email(person, "alice@example.org", verified=True)
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["email", "inapp"])
    with smtp_server() as (inbox, port):
        mail_to(port)
        send_due(EIGHT_LONDON)
    (message,) = inbox.messages
    assert inbox.envelopes[0] == ("reminders@vagus.example", ["alice@example.org"])
    assert message["Subject"] == "Time for your check-in"
    assert message["To"] == "alice@example.org"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe"] == "<https://vagus.example/reminders/>"
    assert message["X-Vagus-Reminder"] == "checkin:2026-06-01:08:00"
    assert message.get_content_type() == "text/plain"
    body = message.get_content()
    assert "https://vagus.example/today/" in body
    assert "https://vagus.example/reminders/" in body  # change or stop them
    snooze = re.search(r"https://vagus\.example(/reminders/snooze/\S+/)", body)
    assert snooze is not None
    (delivery,) = Delivery.objects.owned_by(person)
    assert delivery.status == SENT and sorted(delivery.done) == ["email", "inapp"]


def test_no_email_to_an_unconfirmed_address(person, mail_to):
    actions.set_email(person, "alice@example.org")
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["email"])
    with smtp_server() as (inbox, port):
        mail_to(port)
        send_due(EIGHT_LONDON)
    assert inbox.messages == []


def test_confirming_an_address_by_its_signed_link(person, person_client, visitor, mail_to):
    with smtp_server() as (inbox, port):
        mail_to(port)
        response = person_client.post(reverse("reminders:email"), {"email": "new@example.org"})
    assert response.status_code == 302
    (message,) = inbox.messages
    link = re.search(
        r"https://vagus\.example(/reminders/email/confirm/\S+/)", message.get_content()
    )
    assert link is not None
    assert not person.reminder_profile.email_verified
    tampered = visitor.get(link.group(1)[:-3] + "xx/")
    assert tampered.status_code == 400
    assert visitor.get(link.group(1)).status_code == 200  # no login needed: the link is signed
    person.reminder_profile.refresh_from_db()
    assert person.reminder_profile.email_verified


def test_a_confirmation_link_expires(person, visitor, monkeypatch):
    from vagus.reminders import links

    actions.set_email(person, "a@example.org")
    link = links.verify_link(str(person.uuid), "a@example.org")
    path = link[link.index("/reminders/") :]
    monkeypatch.setattr(links, "VERIFY_LINK_AGE", -1)  # every link is now too old
    assert visitor.get(path).status_code == 400
    person.reminder_profile.refresh_from_db()
    assert not person.reminder_profile.email_verified
    monkeypatch.undo()
    assert visitor.get(path).status_code == 200


def test_a_failed_send_is_tried_again_with_back_off_then_recorded(person, mail_to):
    actions.set_email(person, "alice@example.org", verified=True)
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["inapp", "email"])
    mail_to(free_port())  # nothing listens there: the connection is refused
    now = EIGHT_LONDON
    send_due(now)
    (delivery,) = Delivery.objects.owned_by(person)
    assert (delivery.status, delivery.attempts, delivery.done) == (PENDING, 1, ["inapp"])
    assert "email" in delivery.error
    for attempt, wait in enumerate(BACKOFF, start=2):
        send_due(now + wait - (wait / 10))  # not yet
        delivery.refresh_from_db()
        assert delivery.attempts == attempt - 1
        now = delivery.next_try_at
        send_due(now)
        delivery.refresh_from_db()
        assert delivery.attempts == attempt
    assert delivery.attempts == MAX_ATTEMPTS
    assert delivery.status == FAILED and delivery.next_try_at is None
    assert "Connection refused" in delivery.error or "refused" in delivery.error.lower()


def test_a_send_that_fails_once_then_works_sends_email_once(person, mail_to):
    actions.set_email(person, "alice@example.org", verified=True)
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["email"])
    with smtp_server() as (inbox, port):
        mail_to(free_port())
        send_due(EIGHT_LONDON)
        mail_to(port)  # the mail server is back
        (delivery,) = Delivery.objects.owned_by(person)
        send_due(delivery.next_try_at)
        send_due(delivery.next_try_at)
    delivery.refresh_from_db()
    assert delivery.status == SENT and delivery.attempts == 1
    assert len(inbox.messages) == 1


def test_the_email_snooze_link_snoozes_after_one_click(person, visitor, mail_to):
    actions.set_email(person, "alice@example.org", verified=True)
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["email"])
    with smtp_server() as (inbox, port):
        mail_to(port)
        send_due(EIGHT_LONDON)
    path = re.search(
        r"https://vagus\.example(/reminders/snooze/\S+/)", inbox.messages[0].get_content()
    ).group(1)
    assert visitor.get(path).status_code == 200  # a link checker's GET changes nothing
    assert person.reminders.get().snooze_until is None
    assert visitor.post(path).status_code == 200
    assert person.reminders.get().snooze_until is not None
