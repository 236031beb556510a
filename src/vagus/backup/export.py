"""Everything a person has stored, as one JSON document.

The document is complete only if every model with an owner has a section (a test checks
every such model); see :mod:`vagus.backup.registry` for how an app adds one.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

import vagus
from vagus.backup import registry


def export_user_data(user: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": registry.FORMAT,
        "format_version": registry.FORMAT_VERSION,
        "vagus_version": vagus.__version__,
        "exported_at": timezone.now().isoformat(),
    }
    for section in registry.sections():
        document[section.name] = registry.dump(section, section.fn(user))
    return document
