"""The scheduled clean-up: what must not be kept, removed without anyone having to ask.

- expired sessions (what Django's ``clearsessions`` does): a session can hold a message
  quoting a meal or a note;
- abandoned uploads: checked but never confirmed within a day, or left by a job the server
  stopped in the middle of (its status then says so, and nothing was imported, since an
  import publishes in one transaction);
- staging and upload files no job owns any more (a crash between writing and removing them).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings

from vagus.interop import jobs

log = logging.getLogger(__name__)


@dataclass
class Cleaned:
    sessions: bool = False
    abandoned: int = 0
    stopped: int = 0
    files: int = 0


def clear_expired_sessions() -> None:
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()


def clean_up() -> Cleaned:
    done = Cleaned()
    clear_expired_sessions()
    done.sessions = True
    done.abandoned = jobs.expire_abandoned()
    done.stopped = jobs.fail_stopped()
    done.files = jobs.remove_orphan_files()
    log.info("clean-up: %s", done)
    return done
