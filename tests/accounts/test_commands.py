"""`vagus token …`, `vagus invite …` and `vagus createuser` run as an operator would.

The main flows run as real processes through the `vagus` entry point on a real data
directory; the refusals call the same entry point, ``vagus.cli.main``, in this process (each
process start costs seconds).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from tests.helpers import PASSWORD
from tests.helpers.db import make_person

from vagus.cli import main

VAGUS = [sys.executable, "-m", "vagus"]


def run(data_dir: Path, *args: str, stdin: str | None = "", **env: str):
    environment = {**os.environ, "VAGUS_DATA_DIR": str(data_dir), **env}
    return subprocess.run(
        [*VAGUS, *args],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        start_new_session=True,  # no controlling terminal, as under cron or a CI job
    )


def python(data_dir: Path, code: str) -> list[str]:
    """Run Django code against the database the commands used; its printed lines."""
    env = {**os.environ, "VAGUS_DATA_DIR": str(data_dir)}
    env.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_createuser_without_a_terminal_says_how_to_pass_the_password(data_dir):
    name = f"tty-{uuid.uuid4().hex[:8]}"
    result = run(data_dir, "createuser", name, stdin=None)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "EOFError" not in result.stderr
    assert "no terminal" in result.stderr
    assert f"vagus createuser {name} --password-stdin" in result.stderr


def test_token_create_list_revoke_through_the_command(data_dir):
    name = f"op-{uuid.uuid4().hex[:8]}"
    created = run(data_dir, "createuser", name, "--password-stdin", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stderr
    made = run(data_dir, "token", "create", "--user", name, "--label", "backup script")
    assert made.returncode == 0, made.stderr
    backup = made.stdout.strip()
    assert backup.startswith("vgs_") and "\n" not in backup  # stdout holds the token alone
    assert "will not be shown again" in made.stderr
    nightly = run(data_dir, "token", "create", "--user", name, "--label", "nightly").stdout.strip()

    listed = run(data_dir, "token", "list", "--user", name)
    assert listed.returncode == 0, listed.stderr
    rows = listed.stdout.splitlines()[1:]
    assert sorted(r.rsplit("  ", 1)[1] for r in rows) == ["backup script", "nightly"]
    assert backup[4:12] not in listed.stdout and nightly[4:12] not in listed.stdout
    before = python(
        data_dir,
        "from vagus.accounts.models import AccessToken as T\n"
        f"print(T.user_for({backup!r}).username, T.user_for({nightly!r}).username)\n"
        f"print(T.objects.filter(token_hash__in=[{backup!r}, {nightly!r}]).count())",
    )
    assert before == [f"{name} {name}", "0"]  # both work; only hashes are stored

    by_label = run(data_dir, "token", "revoke", "--user", name, "--label", "nightly")
    assert by_label.returncode == 0, by_label.stderr
    assert "Revoked “nightly”" in by_label.stdout
    backup_id = next(r.split()[0] for r in rows if r.endswith("backup script"))
    by_id = run(data_dir, "token", "revoke", "--user", name, backup_id)
    assert by_id.returncode == 0, by_id.stderr
    after = python(
        data_dir,
        "from vagus.accounts.models import AccessToken as T\n"
        f"print(T.user_for({backup!r}), T.user_for({nightly!r}))",
    )
    assert after == ["None None"]  # revoked tokens no longer authenticate


@pytest.mark.django_db
def test_token_commands_refuse_what_they_cannot_do(capsys):
    person = make_person("vera")
    assert main(["token", "create", "--user", "vera"]) == 0
    assert capsys.readouterr().out.startswith("vgs_")
    assert person.access_tokens.get().name == "command line"  # the default label
    for _ in range(2):
        main(["token", "create", "--user", "vera", "--label", "same"])
    assert main(["token", "create", "--user", "nobody"]) == 1
    assert "no account called “nobody”" in capsys.readouterr().err

    assert main(["token", "revoke", "--user", "vera", "--label", "same"]) == 1
    assert "2 tokens match; nothing revoked" in capsys.readouterr().err
    assert main(["token", "revoke", "--user", "vera", "ab"]) == 2
    assert "at least 4 characters" in capsys.readouterr().err
    assert main(["token", "revoke", "--user", "vera", "--label", "none such"]) == 1
    assert main(["token", "revoke", "--user", "vera", "vgs_not-a-token"]) == 1
    assert person.access_tokens.count() == 3

    from vagus.accounts.models import AccessToken

    _, raw = AccessToken.issue(person, "by value")
    assert main(["token", "revoke", "--user", "vera", raw]) == 0
    assert not person.access_tokens.filter(name="by value").exists()
    with pytest.raises(SystemExit):
        main(["token", "revoke", "--user", "vera"])  # neither a label nor an id


def test_invite_create_list_revoke_through_the_command(data_dir):
    note = f"for-{uuid.uuid4().hex[:8]}"
    made = run(data_dir, "invite", "create", "--days", "7", "--note", note)
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip()
    assert code.startswith("vgi-")
    assert "valid until" in made.stderr
    assert "VAGUS_SIGNUP=invite" in made.stderr  # the default here is open: say so

    line = next(r for r in run(data_dir, "invite", "list").stdout.splitlines() if r.endswith(note))
    assert " open " in line and code not in line
    revoked = run(data_dir, "invite", "revoke", line.split()[0])
    assert revoked.returncode == 0, revoked.stderr
    stored = python(
        data_dir,
        "from vagus.accounts.models import Invite\n"
        f"i = Invite.objects.get(note={note!r})\n"
        f"print(i.status, i.code_hash == Invite.hash({code!r}), {code!r} in i.code_hash)",
    )
    assert stored == ["revoked True False"]


@pytest.mark.django_db
def test_invite_commands_refuse_what_they_cannot_do(capsys, settings):
    from vagus.accounts.models import Invite

    settings.SIGNUP_MODE = "invite"
    assert main(["invite", "create"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("vgi-") and "VAGUS_SIGNUP" not in out.err
    invite = Invite.objects.get()
    assert invite.expires is None  # valid until used unless --days is given
    assert main(["invite", "create", "--days", "0"]) == 2
    assert main(["invite", "revoke", "zz"]) == 2
    assert main(["invite", "revoke", "ffffffff"]) == 1
    Invite.consume(out.out.strip())
    assert main(["invite", "revoke", str(invite.uuid)[:8]]) == 1
    assert "used already" in capsys.readouterr().err
