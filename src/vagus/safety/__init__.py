"""The safety rules of Vagus in one place (see docs/safety.md)."""
