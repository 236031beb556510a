"""The safety rules of Vagus in one place (see docs/safety.md).

One module per rule, one test file per rule under tests/safety/: ``medication`` (never
tested, never a finding), ``crisis_language`` (free text that points to help),
``questionnaire_flags`` (answers that call for an alert) and ``restored_alerts`` (the alerts
a restored backup calls for).
"""
