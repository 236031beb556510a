"""With VAGUS_HTTPS=1 and a real secret key, Django's deployment check finds nothing."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

NOT_IN_A_DEPLOYMENT = {
    "VAGUS_DEBUG",
    "VAGUS_SECRET_KEY",
    "VAGUS_ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def test_check_deploy_is_clean_over_https(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' conftest allows async-unsafe ORM calls for Playwright's loop; a real
        # deployment never sets that, and the deploy check rightly warns about it.
        if key not in NOT_IN_A_DEPLOYMENT
    }
    env.update(
        DJANGO_SETTINGS_MODULE="vagus.config.settings",
        VAGUS_DATA_DIR=str(tmp_path / "data"),
        VAGUS_HTTPS="1",
        VAGUS_SECRET_KEY=secrets.token_urlsafe(50),
        VAGUS_ALLOWED_HOSTS="vagus.example.org",
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr
