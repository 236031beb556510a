"""A researcher with a study (tests/studies/people.py has the joining and logging helpers)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers.world.studies import study_values
from tests.studies.people import JOIN_DAY


@pytest.fixture
def researcher(db) -> Any:
    from vagus.accounts.models import User
    from vagus.accounts.roles import Role

    return User.objects.create_user("dr-rs", password="x", role=Role.RESEARCHER)


@pytest.fixture
def study(researcher) -> Any:
    from vagus.studies import actions

    return actions.create_study(researcher, study_values("Gut and calm", JOIN_DAY), "Consent v1")
