"""``vagus rotate-key``: re-encrypt thought records, journal entries and worries."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any


def cmd_rotate_key(args: argparse.Namespace, setup: Callable[[], None]) -> int:
    from vagus.tools import crypto

    if args.print_new_key:
        print(crypto.new_key())
        return 0
    setup()
    from vagus.tools.rotation import rotate

    try:
        result = rotate()
    except crypto.EncryptionKeyError as exc:
        print(f"vagus: {exc}", file=sys.stderr)
        return 1
    print(f"Re-encrypted {result.rows} entries with key {result.key_id}.")
    if result.from_environment:
        print(f"You can now remove the older keys from {crypto.ENV}.")
    else:
        print(f"Back up the new key file now: {crypto.key_file()} (see docs/tools.md).")
        print("Database backups made before today need the old key; keep it with them.")
    return 0


def add_commands(subparsers: Any, setup: Callable[[], None]) -> None:
    rotate = subparsers.add_parser(
        "rotate-key",
        help="re-encrypt thought records, journal entries and worries with a new key",
    )
    rotate.add_argument(
        "--print-new-key",
        action="store_true",
        help="only print a fresh key (for VAGUS_ENCRYPTION_KEY) and exit",
    )
    rotate.set_defaults(func=lambda args: cmd_rotate_key(args, setup))
