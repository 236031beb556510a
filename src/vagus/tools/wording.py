"""The plain sentences of the tools: "What helps me" (numbers with their uncertainty, never a
verdict), the saved-session line and the worry-time line."""

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
    """What the interval allows one to say, in plain words."""
    if not effect.enough or effect.ci_low is None or effect.ci_high is None:
        return ""
    if effect.ci_high < 0:
        return "Your anxiety was lower after these sessions than before, beyond chance wobble."
    if effect.ci_low > 0:
        return "Your anxiety was higher after these sessions than before."
    return "The interval includes no change, so these sessions may or may not be helping you."


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
