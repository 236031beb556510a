from __future__ import annotations

from datetime import timedelta
from typing import Any

from vagus.accounts.models import User
from vagus.accounts.roles import Role
from vagus.diary import actions as diary
from vagus.studies import actions
from vagus.studies.models import Study

# The world study's link: its page is open to anyone who holds the link.
WORLD_INVITE = "world-study-link"
PUBLIC_PARAMS = {"invite_code": [WORLD_INVITE]}
PUBLIC_ROUTES = {"studies:join"}

PROTOCOL = {"measures": ["anxiety", "gut_pain"], "questionnaires": ["gad7"], "duration_days": 28}


def study_values(title: str, starts: Any, **extra: Any) -> dict[str, Any]:
    return {
        "title": title,
        "description": "A diary study of gut habits and anxiety.",
        "target_size": 40,
        "starts": starts,
        "ends": None,
        "contact": "study@example.org",
        "protocol": PROTOCOL,
        **extra,
    }


def build(user: Any, secret: str) -> None:
    # The person takes part in a study run by someone else ...
    researcher = User.objects.create_user(
        f"world-researcher-{user.pk}", password="x", role=Role.RESEARCHER
    )
    study = actions.create_study(
        researcher, study_values("Gut and calm", user.today() - timedelta(days=7)), "I agree."
    )
    if not Study.objects.filter(invite_code=WORLD_INVITE).exists():  # the first world's
        study.invite_code = WORLD_INVITE
        study.save(update_fields=["invite_code"])
    actions.enrol(user, study, keep_data=True, tell_contact=True, shares_earlier=False)
    # A protocol measure logged after joining: something the study may see.
    diary.save_checkin(user, user.today(), {"gut_pain": 4})
    # ... and, for the export's sake, runs one of their own (a study is its researcher's data).
    actions.create_study(
        user,
        study_values(f"My own study {secret}", user.today(), description=f"About {secret}"),
        f"Consent {secret}",
    )
