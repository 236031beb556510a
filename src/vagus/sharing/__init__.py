"""Sharing with a clinician: scoped, time-limited, revocable, audited read-only access."""
