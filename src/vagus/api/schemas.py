"""Shapes every app's API shares: the error message."""

from __future__ import annotations

from ninja import Field, Schema


class Message(Schema):
    detail: str
    errors: dict[str, str] = Field(default_factory=dict)
