"""``vagus worker``: the huey consumer that runs imports and the scheduled clean-up."""

from __future__ import annotations

import argparse
import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any, cast


def _exit_with_parent(parent: int) -> None:
    """Started by ``vagus serve``: stop when it is gone, even if it was killed outright."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def cmd_worker(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.utils.module_loading import autodiscover_modules
    from huey.consumer_options import ConsumerConfig
    from huey.contrib.djhuey import HUEY

    from vagus.worker.cleanup import clean_up

    if args.parent:
        _exit_with_parent(args.parent)
    autodiscover_modules("tasks")
    options: dict[str, Any] = dict(cast("dict[str, Any]", settings.HUEY.get("consumer", {})))
    if args.workers:
        options["workers"] = args.workers
    config = ConsumerConfig(**options)
    config.validate()
    logger = logging.getLogger("huey")
    if not logger.handlers:
        config.setup_logger(logger)
    clean_up()  # jobs a previous worker left half-done say so at once, not in ten minutes
    print(f"Vagus worker running ({config.workers} at once).", flush=True)
    HUEY.create_consumer(**config.values).run()
    return 0


def add_commands(sub: Any, setup: Callable[[], None]) -> None:
    def run(args: argparse.Namespace) -> int:
        setup()
        return cmd_worker(args)

    worker = sub.add_parser("worker", help="run the background worker (imports, clean-up)")
    worker.add_argument("--workers", type=int, default=0, help="tasks at once (default 2)")
    worker.add_argument("--parent", type=int, default=0, help=argparse.SUPPRESS)
    worker.set_defaults(func=run)
