"""``vagus token …`` and ``vagus invite …``: the operator's account tools.

A new token or invite code is printed once, on standard output alone (so a script can capture
it), and only its hash is kept.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

ID_SHOWN = 8  # characters of the random id shown by `list` and accepted by `revoke`
MIN_ID_PREFIX = 4


def _user(name: str) -> Any:
    from vagus.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        print(f"vagus: no account called “{name}”.", file=sys.stderr)
    return user


def _when(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment is not None else "–"


def _by_id_prefix(rows: Any, given: str, what: str) -> tuple[list[Any], str | None]:
    """Rows whose random id starts with ``given``, or an error to print."""
    prefix = given.strip().lower()
    if len(prefix) < MIN_ID_PREFIX:
        return [], f"give at least {MIN_ID_PREFIX} characters of the {what}'s id"
    chosen = [row for row in rows if str(row.uuid).startswith(prefix)]
    return chosen, None


def cmd_token_create(args: argparse.Namespace) -> int:
    from vagus.accounts.models import AccessToken

    user = _user(args.user)
    if user is None:
        return 1
    label = args.label.strip()
    if not label or len(label) > 100:
        print("vagus: give the token a label of 1 to 100 characters.", file=sys.stderr)
        return 2
    if not user.may_use_tokens():
        print(
            f"vagus: {user.username} is a {user.role} and has not set up two-factor sign-in "
            "yet. Sign in on the website and set up the authenticator app first (Settings → "
            "Two-factor sign-in); a token works only after that.",
            file=sys.stderr,
        )
        return 1
    token, raw = AccessToken.issue(user, label)
    print(raw)
    print(
        f"Token “{token.name}” (id {str(token.uuid)[:ID_SHOWN]}) for {user.username}. "
        "Copy it now: it will not be shown again.",
        file=sys.stderr,
    )
    return 0


def cmd_token_list(args: argparse.Namespace) -> int:
    from vagus.accounts.models import AccessToken

    user = _user(args.user)
    if user is None:
        return 1
    tokens = list(AccessToken.objects.owned_by(user))
    if not tokens:
        print(f"{user.username} has no access tokens.")
        return 0
    print(f"{'id':<{ID_SHOWN}}  {'created':<20}  {'last used':<20}  label")
    for t in tokens:
        created, used = _when(t.created), _when(t.last_used)
        print(f"{str(t.uuid)[:ID_SHOWN]}  {created:<20}  {used:<20}  {t.name}")
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    from vagus.accounts.models import AccessToken

    user = _user(args.user)
    if user is None:
        return 1
    tokens = AccessToken.objects.owned_by(user)
    if args.label is not None:
        chosen = list(tokens.filter(name=args.label))
        if not chosen:
            print(f"vagus: {user.username} has no token labelled “{args.label}”.", file=sys.stderr)
            return 1
    elif args.token.startswith(AccessToken.PREFIX):
        chosen = list(tokens.filter(token_hash=AccessToken.hash(args.token)))
        if not chosen:
            print(f"vagus: that token is not one of {user.username}'s.", file=sys.stderr)
            return 1
    else:
        chosen, error = _by_id_prefix(tokens, args.token, "token")
        if error:
            print(f"vagus: {error} (see `vagus token list`).", file=sys.stderr)
            return 2
        if not chosen:
            print(f"vagus: {user.username} has no token with id {args.token}.", file=sys.stderr)
            return 1
    if len(chosen) > 1:
        print(
            f"vagus: {len(chosen)} tokens match; nothing revoked. Give the id from "
            "`vagus token list` instead.",
            file=sys.stderr,
        )
        return 1
    token = chosen[0]
    token.delete()
    print(f"Revoked “{token.name}” (id {str(token.uuid)[:ID_SHOWN]}). Scripts using it will stop.")
    return 0


def cmd_invite_create(args: argparse.Namespace) -> int:
    from django.conf import settings

    from vagus.accounts.models import Invite

    if args.days is not None and args.days <= 0:
        print("vagus: --days must be a whole number of days above 0.", file=sys.stderr)
        return 2
    valid_for = timedelta(days=args.days) if args.days is not None else None
    invite, raw = Invite.issue(note=args.note[:100], valid_for=valid_for)
    print(raw)
    until = f", valid until {_when(invite.expires)}" if invite.expires else ""
    print(
        f"Invite {str(invite.uuid)[:ID_SHOWN]}{until}: one sign-up. "
        "Copy the code now: it will not be shown again.",
        file=sys.stderr,
    )
    if settings.SIGNUP_MODE != "invite":
        print(
            f"Note: sign-up is “{settings.SIGNUP_MODE}” here; set VAGUS_SIGNUP=invite for "
            "codes to be asked for.",
            file=sys.stderr,
        )
    return 0


def cmd_invite_list(args: argparse.Namespace) -> int:
    from vagus.accounts.models import Invite

    invites = list(Invite.objects.all())
    if not invites:
        print("No invites.")
        return 0
    print(f"{'id':<{ID_SHOWN}}  {'status':<8}  {'created':<20}  {'expires':<20}  note")
    for i in invites:
        created, expires = _when(i.created), _when(i.expires)
        print(f"{str(i.uuid)[:ID_SHOWN]}  {i.status:<8}  {created:<20}  {expires:<20}  {i.note}")
    return 0


def cmd_invite_revoke(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from vagus.accounts.models import Invite

    chosen, error = _by_id_prefix(Invite.objects.all(), args.id, "invite")
    if error:
        print(f"vagus: {error} (see `vagus invite list`).", file=sys.stderr)
        return 2
    if len(chosen) != 1:
        found = "no invite" if not chosen else f"{len(chosen)} invites"
        print(f"vagus: {found} with id {args.id}; nothing revoked.", file=sys.stderr)
        return 1
    invite = chosen[0]
    if invite.status != "open":
        print(f"vagus: invite {args.id} is {invite.status} already.", file=sys.stderr)
        return 1
    # Conditional, so a sign-up taking the code at this moment wins or loses cleanly.
    revoked = Invite.objects.usable().filter(pk=invite.pk).update(revoked_at=timezone.now())
    if not revoked:
        print(f"vagus: invite {args.id} was used just now.", file=sys.stderr)
        return 1
    print(f"Revoked invite {str(invite.uuid)[:ID_SHOWN]}. Its code no longer works.")
    return 0


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    def run(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        def with_setup(args: argparse.Namespace) -> int:
            setup()
            return fn(args)

        return with_setup

    token = subparsers.add_parser("token", help="personal access tokens for the API")
    token_sub = token.add_subparsers(dest="token_command", required=True)
    create = token_sub.add_parser("create", help="make a token and print it once")
    create.add_argument("--user", required=True)
    create.add_argument("--label", default="command line", help="what the token is for")
    create.set_defaults(func=run(cmd_token_create))
    listing = token_sub.add_parser("list", help="a person's tokens (never their values)")
    listing.add_argument("--user", required=True)
    listing.set_defaults(func=run(cmd_token_list))
    revoke = token_sub.add_parser("revoke", help="revoke a token by label, id or value")
    revoke.add_argument("--user", required=True)
    which = revoke.add_mutually_exclusive_group(required=True)
    which.add_argument("--label", help="the token's label (must match one token)")
    which.add_argument("token", nargs="?", help="the id shown by `vagus token list`, or the token")
    revoke.set_defaults(func=run(cmd_token_revoke))

    invite = subparsers.add_parser("invite", help="one-time sign-up codes (VAGUS_SIGNUP=invite)")
    invite_sub = invite.add_subparsers(dest="invite_command", required=True)
    make = invite_sub.add_parser("create", help="make an invite code and print it once")
    make.add_argument("--days", type=int, help="valid for this many days (default: until used)")
    make.add_argument("--note", default="", help="who it is for, to recognise it in the list")
    make.set_defaults(func=run(cmd_invite_create))
    invite_sub.add_parser("list", help="every invite and its status").set_defaults(
        func=run(cmd_invite_list)
    )
    withdraw = invite_sub.add_parser("revoke", help="withdraw an unused invite")
    withdraw.add_argument("id", help="the id shown by `vagus invite list`")
    withdraw.set_defaults(func=run(cmd_invite_revoke))
