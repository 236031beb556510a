"""Run Vagus under gunicorn, the production WSGI server, from inside Python, with its worker.

``vagus serve`` starts the background worker (``vagus worker``, a huey consumer) as a child
process once gunicorn is ready, restarts it if it dies, and stops it when gunicorn stops; the
worker also stops by itself if the server is killed outright.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from typing import Any

from gunicorn.app.base import BaseApplication

log = logging.getLogger(__name__)
RESTART_AFTER_SECONDS = 5


class _VagusServer(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from vagus.config.wsgi import application

        return application


class WorkerProcess:
    """The ``vagus worker`` child of a running server."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    def command(self) -> list[str]:
        return [sys.executable, "-m", "vagus", "worker", "--parent", str(os.getpid())]

    def start(self, server: Any) -> None:  # gunicorn's when_ready(server)
        with self.lock:
            self.process = subprocess.Popen(self.command())
        threading.Thread(target=self._watch, name="worker-watch", daemon=True).start()

    def _watch(self) -> None:
        while not self.stopping.is_set():
            process = self.process
            if process is None:
                return
            code = process.wait()
            if self.stopping.wait(RESTART_AFTER_SECONDS):
                return
            print(f"vagus: the worker stopped (exit {code}); starting it again.", flush=True)
            with self.lock:
                if self.stopping.is_set():
                    return
                self.process = subprocess.Popen(self.command())

    def stop(self, server: Any) -> None:  # gunicorn's on_exit(server)
        self.stopping.set()
        with self.lock:
            process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_gunicorn(
    host: str, port: int, *, workers: int = 2, threads: int = 4, with_worker: bool = True
) -> int:
    options: dict[str, Any] = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 60,
    }
    if with_worker:
        worker = WorkerProcess()
        options["when_ready"] = worker.start
        options["on_exit"] = worker.stop
    _VagusServer(options).run()
    return 0
