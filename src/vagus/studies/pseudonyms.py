"""Random study pseudonyms: the only name a researcher knows a participant by.

Drawn from the operating system's random source, so a pseudonym says nothing about the
account (not its username, e-mail, database id or UUID) and cannot be worked back to it.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection

# No 0/O, 1/I/L: a pseudonym may be read aloud or copied by hand.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8


def new_pseudonym(taken: Collection[str] = (), avoid: Collection[str] = ()) -> str:
    """A fresh ``P-XXXXXXXX`` not in ``taken`` and equal to nothing in ``avoid``."""
    avoided = {a.casefold() for a in avoid}
    while True:
        code = "P-" + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if code not in taken and code.casefold() not in avoided:
            return code
