"""Fixtures of the insights tests."""

from __future__ import annotations

import pytest
from tests.helpers.diaries import plant_diary


@pytest.fixture
def planted(person):
    plant_diary(person)
    return person
