"""``vagus import`` and friends: clear messages, non-zero exits, nothing changed on failure."""

from __future__ import annotations

import json
import zipfile

import pytest

from vagus.cli import main
from vagus.diary.models import Observation

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sam(db):
    from tests.helpers.db import make_person

    return make_person("sam")


def test_import_dry_run_then_for_real_then_again(sam, samples, capsys):
    path = str(samples / "daylio.csv")
    assert main(["import", "daylio", path, "--user", "sam"]) == 1
    assert "“Anxious”" in capsys.readouterr().err
    assert (
        main(["import", "daylio", path, "--user", "sam", "--mood-map", "Anxious=2", "--dry-run"])
        == 0
    )
    assert "Dry run, nothing changed. Would add 20" in capsys.readouterr().out
    assert Observation.objects.count() == 0
    assert main(["import", "daylio", path, "--user", "sam", "--mood-map", "Anxious=2"]) == 0
    assert "Added 20" in capsys.readouterr().out
    assert main(["import", "daylio", path, "--user", "sam", "--mood-map", "Anxious=2"]) == 0
    assert "Added 0, updated 0, 20 already there" in capsys.readouterr().out


def test_errors_list_each_line(sam, samples, capsys):
    assert main(["import", "csv", str(samples / "generic_bad.csv"), "--user", "sam"]) == 1
    err = capsys.readouterr().err
    assert "line 2, value" in err and "line 3, date" in err and "line 4, value" in err
    assert Observation.objects.count() == 0


def test_bad_mood_map_and_unknown_user(sam, samples, capsys):
    path = str(samples / "daylio.csv")
    assert main(["import", "daylio", path, "--user", "sam", "--mood-map", "Anxious=9"]) == 2
    assert main(["import", "daylio", path, "--user", "nobody"]) == 1
    assert "no account called “nobody”" in capsys.readouterr().err


def test_remove_and_exports(sam, samples, tmp_path, capsys):
    assert (
        main(["import", "apple-health", str(samples / "apple_health_export.zip"), "--user", "sam"])
        == 0
    )
    out = tmp_path / "sam.zip"
    assert main(["export-csv", "--user", "sam", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert "import:apple-health" in archive.read("vagus-values.csv").decode()
    fhir = tmp_path / "fhir.json"
    assert main(["export-fhir", "--user", "sam", "-o", str(fhir)]) == 0
    assert json.loads(fhir.read_text())["resourceType"] == "Bundle"
    assert main(["remove-import", "apple-health", "--user", "sam"]) == 0
    assert Observation.objects.count() == 0


def test_json_backup_restores_into_a_new_account(sam, samples, tmp_path, capsys):
    from tests.helpers.db import make_person

    main(["import", "bearable", str(samples / "bearable.csv"), "--user", "sam"])
    backup = tmp_path / "backup.json"
    assert main(["export", "--user", "sam", "-o", str(backup)]) == 0
    make_person("sam2")
    assert main(["import", "json", str(backup), "--user", "sam2"]) == 0
    assert Observation.objects.filter(owner__username="sam2").count() == 12
    assert main(["import", "json", str(backup), "--user", "sam2"]) == 1
    assert "already holds data" in capsys.readouterr().err
