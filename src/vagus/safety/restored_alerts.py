"""After a restore, the safety alerts the restored rows call for.

A backup may lack its alerts (edited, or cut short): every self-harm answer still gets its
alert, and crisis language in the tools gets one tools alert, unread, so the crisis page
comes first. Alerts the backup restored, read or not, stay as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vagus.accounts.models import User

from vagus.safety.crisis_language import mentions_crisis
from vagus.safety.questionnaire_flags import score_needs_alert


def raise_missing_alerts(user: User) -> int:
    """Make the alerts the restored answers and writing call for; return how many were made."""
    from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert
    from vagus.tools.models import JournalEntry, ThoughtRecord, Worry

    made = 0
    alerted = set(
        SafetyAlert.objects.filter(owner=user, response__isnull=False).values_list(
            "response_id", flat=True
        )
    )
    for response in QuestionnaireResponse.objects.filter(owner=user):
        if score_needs_alert(response.flags) and response.pk not in alerted:
            SafetyAlert.objects.create(owner=user, response=response, source="questionnaire")
            made += 1
    if not SafetyAlert.objects.filter(owner=user, source="tools").exists():
        texts: list[str] = []
        for model in (ThoughtRecord, JournalEntry, Worry):
            for row in model.objects.filter(owner=user):
                texts.extend(getattr(row, name) or "" for name in model.SEALED_FIELDS)
        if mentions_crisis(texts):
            SafetyAlert.objects.create(owner=user, response=None, source="tools")
            made += 1
    return made
