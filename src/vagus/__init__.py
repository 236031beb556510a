"""Vagus: a self-hostable gut–brain companion for people living with anxiety."""

from __future__ import annotations

__version__ = "0.1.0"
