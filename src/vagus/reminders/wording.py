"""What reminders say: short, calm, never a field name."""

from __future__ import annotations

from vagus.reminders.models import CHECKIN, EXPERIMENT, QUESTIONNAIRE, WORRY_TIME

TITLES = {
    CHECKIN: "Time for your check-in",
    QUESTIONNAIRE: "A questionnaire is due",
    EXPERIMENT: "Today in your experiment",
    WORRY_TIME: "Your worry time",
}
BODIES = {
    CHECKIN: "A minute to note how today went, whenever suits you.",
    QUESTIONNAIRE: "{names} is due. It takes a few minutes.",
    EXPERIMENT: "Today is a “{condition}” day: {todo}",
    WORRY_TIME: "This is the time you set aside for your worries. Fifteen minutes is enough.",
}
PAUSE_TITLE = "We'll pause your check-in reminders"
PAUSE_BODY = (
    "You haven't checked in after the last three reminders, and that's fine. We won't send "
    "more until you're back in Vagus. Take care."
)
EMAIL_FOOTER = (
    "You get this because you asked Vagus for reminders. To change or stop them: {settings_url}"
)
VERIFY_SUBJECT = "Confirm your email for Vagus reminders"
VERIFY_BODY = (
    "Someone (we hope you) asked Vagus to send reminders to this address.\n\n"
    "To confirm, open this link within three days:\n{link}\n\n"
    "If it wasn't you, ignore this email and nothing will be sent."
)
SNOOZE_LINE = "Remind me again in an hour: {snooze_url}"


def reminder_text(kind: str, **detail: str) -> tuple[str, str]:
    """The title and body of a reminder of ``kind``."""
    return TITLES[kind], BODIES[kind].format(**detail)
