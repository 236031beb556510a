from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from vagus.diary import actions, choices, custom_foods
from vagus.diary.models import Measure


def build(user: Any, secret: str) -> None:
    day = user.today() - timedelta(days=1)
    measure = actions.create_measure(user, f"{secret} measure", "scale", "worse")
    actions.save_checkin(user, day, {"anxiety": 9, measure.code: 3}, note=f"{secret} note")
    actions.add_meal(user, f"{secret} meal", datetime.now(user.zone()) - timedelta(days=1))
    custom_foods.add_custom_food(user, f"{secret} stew", ["vegetable", "legume"], "lentil")
    # The check-in arranged: a built-in renamed and moved, a card hidden for the day.
    sleep = Measure.objects.get(owner__isnull=True, code="sleep_hours")
    choices.place(user, sleep, choices.QUICK)
    choices.rename(user, sleep, f"{secret} sleep")
    actions.hide_card(user, "diary.gut_diet_card")
