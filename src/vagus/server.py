"""Run Vagus under gunicorn, the production WSGI server, from inside Python."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


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


def run_gunicorn(host: str, port: int, *, workers: int = 2, threads: int = 4) -> int:
    _VagusServer(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "timeout": 60,
        }
    ).run()
    return 0
