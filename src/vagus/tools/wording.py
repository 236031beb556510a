"""The plain sentences of the tools: "What helps me" (numbers with their uncertainty, compared
with anxiety without a tool), the saved-session line and the worry-time line."""

from __future__ import annotations

from datetime import time

from vagus.science.tool_effects import ToolEffect


def signed(value: float) -> str:
    """A change with its sign, a real minus sign, one decimal: −1.4, +0.6, 0.0."""
    if round(value, 1) == 0:
        return "0.0"
    return f"{value:+.1f}".replace("-", "−")


def sessions_line(effect: ToolEffect) -> str:
    if effect.sessions == 0:
        return "No sessions yet."
    plural = "session" if effect.sessions == 1 else "sessions"
    return f"{effect.sessions} {plural}, {effect.n} with a rating before and after."


def change_line(effect: ToolEffect) -> str:
    if not effect.enough:
        more = effect.more_needed
        return (
            f"Too few sessions to tell yet: {more} more with both ratings "
            f"{'is' if more == 1 else 'are'} needed."
        )
    assert effect.mean_change is not None and effect.ci_low is not None
    assert effect.ci_high is not None
    return (
        f"Average change in anxiety: {signed(effect.mean_change)} points "
        f"(95 % interval {signed(effect.ci_low)} to {signed(effect.ci_high)})."
    )


def reading_line(effect: ToolEffect) -> str:
    """What the comparison allows one to say, in plain words.

    A drop after a session is not enough: anxiety that is high tends to come down on its own.
    Only the change beyond what the person's anxiety does without a tool, from similar levels,
    can say "more than usual" (see vagus.science.tool_effects).
    """
    if not effect.enough:
        return ""
    if not effect.compared:
        return (
            "High anxiety often eases on its own, and there are not yet enough check-ins from "
            "similar levels to compare with, so this cannot say whether the tool itself helps."
        )
    assert effect.excess_low is not None and effect.excess_high is not None
    assert effect.excess is not None
    beyond = (
        f" (difference {signed(effect.excess)} points, 95 % interval "
        f"{signed(effect.excess_low)} to {signed(effect.excess_high)})"
    )
    if effect.excess_high < 0:
        return (
            "Your anxiety fell more after these sessions than it usually does from the same "
            f"level without a tool{beyond}."
        )
    if effect.excess_low > 0:
        return (
            "Your anxiety fell less after these sessions than it usually does from the same "
            f"level without a tool{beyond}."
        )
    return (
        "Your anxiety changed about as much as it usually does from the same level without a "
        f"tool{beyond}, so these sessions may or may not be helping you."
    )


def parked_line(worry_time: time, is_worry_time: bool) -> str:
    """What parking a worry means right now, in the person's own zone.

    Worry time lasts from its start until midnight (the Today card shows it for that long), so
    before it a worry waits for today's, and during it the worry is already on the list.
    """
    at = f"{worry_time:%H:%M}"
    if is_worry_time:
        return (
            f"Parked. It is your worry time now (from {at}), so it is in the list below; "
            f"or let it wait until tomorrow at {at}."
        )
    return f"Parked until your worry time, today at {at}."
