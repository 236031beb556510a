"""`vagus rotate-key` moves every encrypted row to a new key; the old key then opens nothing."""

from __future__ import annotations

import argparse

import pytest

from vagus.tools import actions, crypto
from vagus.tools.commands import add_commands, cmd_rotate_key
from vagus.tools.models import JournalEntry, ThoughtRecord, Worry

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(crypto.ENV, raising=False)
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))
    return tmp_path


def rows(person, other_person):
    actions.park_worry(person, "worry one")
    actions.save_journal_entry(other_person, "journal two")
    actions.save_thought_record(person, {"situation": "bus", "balanced_thought": "it passed"})


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"), setup=lambda: None)
    args = parser.parse_args(["rotate-key", *argv])
    return args.func(args)


def test_rotation_re_encrypts_every_row_with_a_new_key(key_dir, person, other_person, capsys):
    rows(person, other_person)
    old = crypto.keyring()
    before = Worry.objects.get().text_sealed
    assert run() == 0
    assert "Re-encrypted 3 entries" in capsys.readouterr().out
    new = crypto.keyring()
    assert new.keys != old.keys and len(new.keys) == 1
    worry = Worry.objects.get()
    assert worry.text_sealed != before
    assert worry.text_sealed.split(".")[1] == crypto.key_id(new.primary)
    assert worry.text == "worry one"
    assert JournalEntry.objects.get().text == "journal two"
    assert ThoughtRecord.objects.get().balanced_thought == "it passed"
    # The retired key opens nothing any more.
    with pytest.raises(crypto.EncryptionKeyError):
        crypto.decrypt(worry.text_sealed, worry.seal_context("text"), old)


def test_a_row_no_key_opens_stops_the_rotation_and_changes_nothing(key_dir, person):
    actions.park_worry(person, "fine")
    stranger = crypto.KeyRing((b"s" * 32,))
    bad = Worry(owner=person, parked_at=Worry.objects.get().parked_at)
    bad.text_sealed = crypto.encrypt("lost", bad.seal_context("text"), stranger)
    bad.save()
    keys_before = crypto.keyring().keys
    sealed_before = sorted(Worry.objects.values_list("text_sealed", flat=True))
    assert run() == 1
    assert crypto.keyring().keys == keys_before
    assert sorted(Worry.objects.values_list("text_sealed", flat=True)) == sealed_before


def test_environment_keys_rotate_to_the_first_one(monkeypatch, person, capsys):
    old = crypto.new_key()
    monkeypatch.setenv(crypto.ENV, old)
    actions.park_worry(person, "kept")
    assert run() == 1  # one key only: it explains how to add a new one first
    assert "Put a new key in front" in capsys.readouterr().err
    new = crypto.new_key()
    monkeypatch.setenv(crypto.ENV, f"{new},{old}")
    assert run() == 0
    monkeypatch.setenv(crypto.ENV, new)  # the old key removed, as the command suggests
    assert Worry.objects.get().text == "kept"


def test_print_new_key(capsys):
    args = argparse.Namespace(print_new_key=True)
    assert cmd_rotate_key(args, setup=lambda: pytest.fail("no database needed")) == 0
    printed = capsys.readouterr().out.strip()
    assert len(crypto.parse_keys(printed, "printed")[0]) == 32


def test_the_vagus_command_lists_it():
    from vagus.cli import build_parser

    assert "rotate-key" in build_parser().format_help()
