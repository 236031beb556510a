"""Spreadsheet formula injection: the rule the CSV export writes and the CSV import undoes.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and some
strip a leading tab or carriage return first), so a measure called ``=HYPERLINK(…)`` could
open a link or leak other cells. The export puts one ``'`` before such a text cell; a
spreadsheet shows the text as written. The rule looks past any quotes already there, so
``'=x`` is written as ``''=x``, and the import removes exactly one quote from exactly the
cells the export changed: a round trip gives back every text unchanged. Numbers are never
guarded (``-3`` stays a number).
"""

from __future__ import annotations

TRIGGERS = frozenset("=+-@\t\r")
QUOTE = "'"


def _looks_like_formula(text: str) -> bool:
    return text.lstrip(QUOTE)[:1] in TRIGGERS


def guard(text: str) -> str:
    """The text as a spreadsheet cell that never runs as a formula."""
    return QUOTE + text if _looks_like_formula(text) else text


def unguard(cell: str) -> str:
    """Undo :func:`guard` (and nothing else): ``unguard(guard(t)) == t`` for every text."""
    if cell.startswith(QUOTE) and _looks_like_formula(cell[1:]):
        return cell[1:]
    return cell
