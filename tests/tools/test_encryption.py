"""Free text is encrypted at rest: the raw database never holds it, a wrong key fails loudly."""

from __future__ import annotations

import stat

import pytest
from django.db import connection

from vagus.tools import actions, crypto
from vagus.tools.models import JournalEntry, ThoughtRecord, Worry

pytestmark = pytest.mark.django_db
MARKER = "PLAINTEXT-MARKER-41"


def raw_database_text() -> str:
    """Every value in every table, as the database stores it."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            chunks += [repr(row) for row in cursor.fetchall()]
    return "\n".join(chunks)


def write_everything(user) -> None:
    actions.park_worry(user, f"worry {MARKER}")
    actions.save_journal_entry(user, f"journal {MARKER}")
    texts = {name: f"{name} {MARKER}" for name in ThoughtRecord.SEALED_FIELDS}
    actions.save_thought_record(user, texts)


def test_raw_database_never_holds_the_plaintext(person):
    write_everything(person)
    raw = raw_database_text()
    assert "tools_thoughtrecord" in connection.introspection.table_names()
    assert MARKER not in raw
    assert MARKER.lower() not in raw.lower()
    # ...and yet the owner reads it back.
    assert ThoughtRecord.objects.get().balanced_thought == f"balanced_thought {MARKER}"
    assert Worry.objects.get().text == f"worry {MARKER}"
    assert JournalEntry.objects.get().text == f"journal {MARKER}"


def test_the_check_can_fail(person):
    # The same scan finds text that is stored in the clear (the worry's parked_at is not text,
    # so use a diary note).
    from vagus.diary import actions as diary_actions

    diary_actions.save_checkin(person, person.today(), {}, note=f"note {MARKER}")
    assert MARKER in raw_database_text()


def test_wrong_key_raises_a_clear_error_not_garbage(person, monkeypatch):
    actions.park_worry(person, f"worry {MARKER}")
    monkeypatch.setenv(crypto.ENV, crypto.new_key())
    worry = Worry.objects.get()
    with pytest.raises(crypto.EncryptionKeyError, match="key Vagus does not have"):
        _ = worry.text


def test_ciphertext_moved_to_another_row_fails_its_integrity_check(person, other_person):
    mine = actions.park_worry(person, "mine").item
    theirs = actions.park_worry(other_person, "theirs").item
    Worry.objects.filter(pk=theirs.pk).update(text_sealed=mine.text_sealed)
    with pytest.raises(crypto.EncryptionKeyError, match="integrity"):
        _ = Worry.objects.get(pk=theirs.pk).text


def test_a_changed_byte_fails(person):
    worry = actions.park_worry(person, "hello").item
    token = worry.text_sealed
    flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    Worry.objects.filter(pk=worry.pk).update(text_sealed=flipped)
    with pytest.raises(crypto.EncryptionKeyError):
        _ = Worry.objects.get(pk=worry.pk).text


def test_same_text_encrypts_differently_each_time():
    ring = crypto.KeyRing((b"k" * 32,))
    assert crypto.encrypt("same", "ctx", ring) != crypto.encrypt("same", "ctx", ring)
    assert crypto.decrypt(crypto.encrypt("same", "ctx", ring), "ctx", ring) == "same"


def test_key_file_is_made_once_private(tmp_path, monkeypatch):
    monkeypatch.delenv(crypto.ENV, raising=False)
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))
    ring = crypto.keyring()
    path = tmp_path / crypto.KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert crypto.keyring() == ring  # the same key on the next read
    assert len(ring.primary) == 32


def test_environment_key_wins_and_bad_keys_are_refused(monkeypatch):
    key = crypto.new_key()
    monkeypatch.setenv(crypto.ENV, key)
    assert crypto.keyring().primary == crypto.parse_keys(key, "x")[0]
    monkeypatch.setenv(crypto.ENV, "too-short")
    with pytest.raises(crypto.EncryptionKeyError, match="32 random bytes"):
        crypto.keyring()


def test_text_cannot_be_sealed_before_its_owner_is_known():
    with pytest.raises(ValueError, match="owner"):
        Worry(text="no owner yet")
