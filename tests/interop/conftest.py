from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def inline_jobs(settings, tmp_path, monkeypatch):
    """Import jobs run inside the request (no thread), with uploads in a temporary folder."""
    settings.VAGUS_IMPORTS_INLINE = True
    monkeypatch.setenv("VAGUS_DATA_DIR", str(tmp_path))
    return tmp_path


def _snapshot(user) -> str:
    """Everything the person has, as text: equal snapshots mean nothing changed."""
    from vagus.backup.export import export_user_data

    user.refresh_from_db()
    document = export_user_data(user)
    document.pop("exported_at")
    # The record of writes grows with each write; these tests compare the data itself.
    document.pop("audit_events")
    return json.dumps(document, sort_keys=True)


@pytest.fixture
def snapshot():
    return _snapshot
