"""Rules for free text that hold everywhere Vagus stores it.

Pages, the API, imports (``vagus.interop.staging``) and backup restores
(``vagus.backup.restore``) all refuse the same two things, naming the field:

- a NUL character: PostgreSQL text cannot hold one (SQLite can), so refusing it at the door keeps
  both databases storing the same things, and a stray NUL is never something a person meant;
- a lone UTF-16 surrogate (``"\\ud800"`` in JSON): it is not a character at all, cannot be
  written as UTF-8, and once stored it broke every JSON export of its owner.

``refuse_unsafe_text(value, field)`` is the one check; it walks lists and objects too (a tool
session's settings), so JSON fields are covered as well as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

NUL = "\x00"
_SURROGATE = re.compile("[\ud800-\udfff]")
# After JSON decoding a valid pair is one character, so any surrogate left is a lone one.
REPLACEMENT = "\ufffd"


class UnsafeTextError(ValueError):
    """Text that cannot be stored; ``errors`` maps the field (``settings.pattern``) to a message."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.errors = {field: f"{field}: {message}"}
        super().__init__(self.errors[field])


def has_nul(*texts: str | None) -> bool:
    return any(NUL in text for text in texts if text)


def unsafe_text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, in words a person can act on, or None when it can."""
    if NUL in text:
        return "contains a NUL character, which cannot be stored."
    if _SURROGATE.search(text):
        return "contains a broken character (a lone UTF-16 surrogate), which cannot be stored."
    return None


def refuse_unsafe_text(value: Any, field: str) -> None:
    """Raise ``UnsafeTextError`` naming the field (and the key or index inside it) when any
    text in ``value`` — a string, or the keys and values of nested objects and lists — holds a
    NUL or a lone surrogate. Anything that is not text is left to the field's own checks."""
    for error in unsafe_texts(value, field):
        raise error


def unsafe_texts(value: Any, field: str) -> Iterator[UnsafeTextError]:
    """Every text in ``value`` that cannot be stored, as the error naming where it is (a backup
    lists them all; a request stops at the first, see ``refuse_unsafe_text``)."""
    if isinstance(value, str):
        problem = unsafe_text_problem(value)
        if problem:
            yield UnsafeTextError(field, problem)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            inner = f"{field}.{key}" if field else str(key)
            problem = unsafe_text_problem(key) if isinstance(key, str) else None
            if problem:
                # The key itself is broken: name it with its bad characters replaced.
                yield UnsafeTextError(_printable(inner), problem)
                continue
            yield from unsafe_texts(item, inner)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from unsafe_texts(item, f"{field}[{index}]")


def _printable(text: str) -> str:
    return _SURROGATE.sub(REPLACEMENT, text).replace(NUL, REPLACEMENT)


def without_lone_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its texts (keys too) replaced by U+FFFD.

    For writing out what is already stored (exports): a row saved before the rule above must
    not make a whole backup fail, so its broken character becomes the replacement character.
    """
    if isinstance(value, str):
        return _SURROGATE.sub(REPLACEMENT, value) if _SURROGATE.search(value) else value
    if isinstance(value, Mapping):
        return {without_lone_surrogates(k): without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [without_lone_surrogates(item) for item in value]
    return value
