"""What a person has stored, for "nothing was written" assertions around a request."""

from __future__ import annotations

import json
from typing import Any

# Bookkeeping a refused request may still change: a token's last use, and (by design) a
# safety alert, which a self-harm answer records even when the rest of a form is refused.
NOT_DATA = ("exported_at", "access_tokens", "safety_alerts")


def stored(user: Any) -> str:
    from vagus.backup.export import export_user_data

    document = export_user_data(user)
    for name in NOT_DATA:
        document.pop(name, None)
    return json.dumps(document, sort_keys=True)
