from __future__ import annotations

from typing import Any

from vagus.ownership import Scope

# The kinds of data a share may open: the same for everyone, not anyone's rows.
PUBLIC_PARAMS = {"scope": [s.value for s in Scope]}


def build(user: Any, secret: str) -> None:
    """An invitation of the person's, not yet accepted (a share holds no free text)."""
    from vagus.sharing import actions

    actions.create_invitation(user, [Scope.DIARY, Scope.MEALS])
