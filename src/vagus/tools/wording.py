"""The plain sentences of "What helps me": numbers with their uncertainty, never a verdict."""

from __future__ import annotations

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
