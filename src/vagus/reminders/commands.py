"""``vagus reminders send-due`` and ``vagus reminders set``: reminders from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Any

CHANNEL_CHOICES = ("email", "push", "calendar", "inapp")


def _instant(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not an ISO 8601 instant like 2026-03-29T07:00:00Z"
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("give the instant with its offset, e.g. …T07:00:00Z")
    return moment.astimezone(UTC)


def _clock(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a time like 08:30") from None


def cmd_send_due(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from vagus.reminders.sending import send_due

    now = args.now or timezone.now()
    outcome = send_due(now)
    print(f"{now.isoformat()}: {outcome}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    from vagus.accounts.models import User
    from vagus.reminders import actions
    from vagus.reminders.models import CHECKIN

    user = User.objects.filter(username=args.user).first()
    if user is None:
        print(f"vagus: no account called “{args.user}”.", file=sys.stderr)
        return 1
    channels = args.channel or ["inapp"]
    reminder = actions.set_reminder(user, CHECKIN, at=args.checkin, channels=channels)
    print(
        f"{user.username}: check-in reminder at {reminder.at:%H:%M} ({user.time_zone}) "
        f"by {', '.join(reminder.channels)}."
    )
    return 0


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    def run(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        def with_setup(args: argparse.Namespace) -> int:
            setup()
            return fn(args)

        return with_setup

    reminders = subparsers.add_parser("reminders", help="send due reminders, set a reminder")
    sub = reminders.add_subparsers(dest="reminders_command", required=True)
    due = sub.add_parser("send-due", help="send whatever is due now (idempotent)")
    due.add_argument("--now", type=_instant, help="the instant to act at (ISO 8601, with offset)")
    due.set_defaults(func=run(cmd_send_due))
    setter = sub.add_parser("set", help="set a person's daily check-in reminder")
    setter.add_argument("--user", required=True)
    setter.add_argument("--checkin", type=_clock, required=True, help="local time, HH:MM")
    setter.add_argument(
        "--channel",
        action="append",
        choices=CHANNEL_CHOICES,
        help="how to remind (repeat for several; default: in the app)",
    )
    setter.set_defaults(func=run(cmd_set))
