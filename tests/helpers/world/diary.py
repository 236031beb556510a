from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from vagus.diary import actions, custom_foods


def build(user: Any, secret: str) -> None:
    day = user.today() - timedelta(days=1)
    measure = actions.create_measure(user, f"{secret} measure", "scale", "worse")
    actions.save_checkin(user, day, {"anxiety": 9, measure.code: 3}, note=f"{secret} note")
    actions.add_meal(user, f"{secret} meal", datetime.now(user.zone()) - timedelta(days=1))
    custom_foods.add_custom_food(user, f"{secret} stew", ["vegetable", "legume"], "lentil")
