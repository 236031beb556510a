"""The ``vagus`` command: serve, demo, createuser, export.

Every command reads VAGUS_DATA_DIR / VAGUS_DATABASE_URL and brings the database up to date
first, so a fresh data directory just works.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence

from vagus.accounts import commands as accounts_commands
from vagus.cohort import commands as cohort_commands
from vagus.insights import commands as insights_commands
from vagus.interop import commands as interop_commands
from vagus.reminders import commands as reminders_commands
from vagus.reports import commands as reports_commands
from vagus.studies import commands as studies_commands
from vagus.tools import commands as tools_commands
from vagus.worker import commands as worker_commands

# Apps' own subcommands: each module defines add_commands(subparsers, setup).
COMMAND_MODULES = [
    accounts_commands,
    insights_commands,
    tools_commands,
    interop_commands,
    reminders_commands,
    reports_commands,
    worker_commands,
    cohort_commands,
    studies_commands,
]


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vagus.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def cmd_serve(args: argparse.Namespace) -> int:
    _setup()
    from django.conf import settings

    hosts = set(settings.ALLOWED_HOSTS)
    if args.host not in hosts and "*" not in hosts:
        os.environ["VAGUS_ALLOWED_HOSTS"] = ",".join(sorted(hosts | {args.host}))
    print(f"Vagus is running at http://{args.host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    # The background worker (imports, clean-up) starts beside gunicorn: see vagus.server.
    from vagus.server import run_gunicorn

    return run_gunicorn(
        args.host,
        args.port,
        workers=args.workers,
        threads=args.threads,
        with_worker=not args.no_worker,
    )


def cmd_demo(args: argparse.Namespace) -> int:
    _setup()
    from vagus.accounts.models import User
    from vagus.diary.demo import DEMO_PASSWORD, DEMO_USERNAME, create_demo_account

    if args.only_if_empty and User.objects.exists():
        print("Accounts exist already; no demo data added.")
        if User.objects.filter(username=DEMO_USERNAME, is_demo=True).exists():
            print(f"Demo login: username {DEMO_USERNAME}, password {DEMO_PASSWORD}")
        return 0
    user = create_demo_account()
    if user is None:
        print(f"The demo account “{DEMO_USERNAME}” exists already.")
    else:
        print(f"Created the demo account with {user.observations.count()} example values.")
    print(f"Demo login: username {DEMO_USERNAME}, password {DEMO_PASSWORD}")
    return 0


NO_TERMINAL = (
    "vagus: there is no terminal to ask for the password. Pass it on standard input with "
    "--password-stdin, for example:\n"
    "  printf '%s\\n' \"$PASSWORD\" | vagus createuser {name} --password-stdin"
)


def _has_terminal() -> bool:
    """Whether getpass can ask someone: it reads /dev/tty, else a terminal on stdin."""
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return sys.stdin is not None and sys.stdin.isatty()
    os.close(fd)
    return True


def cmd_createuser(args: argparse.Namespace) -> int:
    _setup()
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from vagus.accounts.models import User, validate_time_zone

    if User.objects.filter(username=args.name).exists():
        print(f"vagus: an account called “{args.name}” exists already.", file=sys.stderr)
        return 1
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        if not _has_terminal():
            print(NO_TERMINAL.format(name=args.name), file=sys.stderr)
            return 2
        try:
            password = getpass.getpass("Password: ")
            again = getpass.getpass("Password again: ")
        except EOFError:
            print(NO_TERMINAL.format(name=args.name), file=sys.stderr)
            return 2
        if again != password:
            print("vagus: the passwords differ.", file=sys.stderr)
            return 1
    user = User(username=args.name, time_zone=args.time_zone, role=args.role)
    try:
        validate_time_zone(args.time_zone)
        if args.email:
            validate_email(args.email)
        validate_password(password, user)
    except ValidationError as exc:
        print("vagus: " + " ".join(exc.messages), file=sys.stderr)
        return 1
    user.set_password(password)
    user.save()
    if args.email:
        from vagus.reminders.actions import set_email

        set_email(user, args.email, verified=True)  # the operator vouches for it
    print(f"Created “{user.username}” ({user.time_zone}).")
    if user.role != "person":
        print(
            f"As a {user.role}, {user.username} must set up two-factor sign-in (an authenticator "
            "app) at the first sign-in, before seeing anyone's data."
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    _setup()
    from vagus.accounts.models import User
    from vagus.backup.export import export_user_data, write_private_file

    user = User.objects.filter(username=args.user).first()
    if user is None:
        print(f"vagus: no account called “{args.user}”.", file=sys.stderr)
        return 1
    text = json.dumps(export_user_data(user), indent=2, ensure_ascii=False)
    if args.output:
        write_private_file(args.output, text + "\n")  # 0600, and never a half-written backup
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vagus", description="Vagus, a gut–brain companion.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the production web server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--threads", type=int, default=4)
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start the background worker (run `vagus worker` yourself)",
    )
    serve.set_defaults(func=cmd_serve)

    demo = sub.add_parser("demo", help="create the demo account if it does not exist")
    demo.add_argument("--only-if-empty", action="store_true", help="only when no account exists")
    demo.set_defaults(func=cmd_demo)

    create = sub.add_parser("createuser", help="create an account")
    create.add_argument("name")
    create.add_argument("--time-zone", default="UTC")
    create.add_argument("--email", help="address for reminders (counts as confirmed)")
    create.add_argument(
        "--role",
        choices=["person", "clinician", "researcher"],
        default="person",
        help="clinicians and researchers read shared data and must set up two-factor sign-in",
    )
    create.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    create.set_defaults(func=cmd_createuser)

    export = sub.add_parser("export", help="write all of a person's data as JSON")
    export.add_argument("--user", required=True)
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(func=cmd_export)

    for module in COMMAND_MODULES:
        module.add_commands(sub, setup=_setup)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
