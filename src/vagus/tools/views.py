"""Pages of the timed tools (breathing, relaxation, grounding, mindfulness), the tools index and
"What helps me". The writing tools (thought records, journal, worries) are in ``views_writing``.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.science.tool_effects import MIN_SESSIONS
from vagus.tools import actions, catalog, queries, wording
from vagus.tools.forms import BreathingForm, SessionForm, TimerForm
from vagus.tools.models import ToolSession


def saved_message(session: ToolSession) -> str:
    tool = catalog.BY_CODE[session.tool]
    parts = [f"Saved: {tool.name.lower()}"]
    if length := session_length(session):
        parts[0] += f", {length}"
    if session.anxiety_before is not None and session.anxiety_after is not None:
        parts.append(f"Anxiety {session.anxiety_before} → {session.anxiety_after}.")
    return ". ".join(parts) if len(parts) == 1 else f"{parts[0]}. {parts[1]}"


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "tools/index.html",
        {"tools": catalog.TOOLS, "worry_time": queries.worry_time_for(request.user)},
    )


@login_required
def what_helps(request: AuthenticatedHttpRequest) -> HttpResponse:
    helps = queries.what_helps(request.user)
    rows = [
        {
            "tool": h.tool,
            "effect": h.effect,
            "sessions": wording.sessions_line(h.effect),
            "change": wording.change_line(h.effect),
            "reading": wording.reading_line(h.effect),
        }
        for h in helps
    ]
    return render(
        request,
        "tools/what_helps.html",
        {
            "rows": rows,
            "any_sessions": any(h.effect.sessions for h in helps),
            "min_sessions": MIN_SESSIONS,
        },
    )


def _timed_tool(
    request: AuthenticatedHttpRequest,
    code: str,
    form_class: type[SessionForm],
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    tool = catalog.BY_CODE[code]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        before, after = form.ratings()
        settings = form.settings() if hasattr(form, "settings") else {}
        try:
            session = actions.record_session(
                request.user, code, form.cleaned_data["seconds"], before, after, settings
            )
        except actions.TooShortError:
            messages.info(request, actions.TOO_SHORT)
        else:
            messages.success(request, saved_message(session))
        return redirect(f"tools:{tool.url_name}")
    return render(
        request,
        f"tools/{code}.html",
        {
            "tool": tool,
            "form": form,
            "recent": queries.recent_sessions(request.user, code),
            **(context or {}),
        },
    )


@login_required
def breathing(request: AuthenticatedHttpRequest) -> HttpResponse:
    patterns = catalog.BREATHING_PATTERNS
    phases = {
        code: [p.inhale, p.hold_in, p.exhale, p.hold_out]
        for code, p in patterns.items()
        if code != "custom"
    }
    return _timed_tool(
        request,
        "breathing",
        BreathingForm,
        {"patterns": patterns.values(), "pattern_phases": phases},
    )


@login_required
def relaxation(request: AuthenticatedHttpRequest) -> HttpResponse:
    steps = catalog.PMR_STEPS
    return _timed_tool(
        request,
        "relaxation",
        SessionForm,
        {
            "steps": steps,
            "intro": catalog.PMR_INTRO,
            "tense": catalog.PMR_TENSE_SECONDS,
            "release": catalog.PMR_RELEASE_SECONDS,
            "total_minutes": round(
                len(steps) * (catalog.PMR_TENSE_SECONDS + catalog.PMR_RELEASE_SECONDS) / 60
            ),
        },
    )


@login_required
def grounding(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _timed_tool(request, "grounding", SessionForm, {"steps": catalog.GROUNDING_STEPS})


@login_required
def mindfulness(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _timed_tool(request, "mindfulness", TimerForm)


def session_length(session: ToolSession) -> str:
    """The length as "5 minutes", or "" for a session too short to count (never "0.1 min")."""
    if session.duration_seconds < actions.MIN_SESSION_SECONDS:
        return ""
    minutes = session.minutes
    return f"{minutes:g} minute{'' if minutes == 1 else 's'}"


def confirm_delete(request: HttpRequest, back: str, **about: Any) -> HttpResponse:
    """The confirm step a delete link opens; its button posts back to the same address.

    ``about``: ``title``, ``name``, and optionally ``when``, ``length`` and ``consequence``.
    """
    return render(request, "tools/confirm_delete.html", {"back": back, **about})


@login_required
def session_delete(request: AuthenticatedHttpRequest, session_id: UUID) -> HttpResponse:
    session = owned_or_404(ToolSession, request.user, uuid=session_id)
    tool = catalog.BY_CODE[session.tool]
    back = reverse(f"tools:{tool.url_name}")
    if request.method != "POST":
        return confirm_delete(
            request,
            back,
            title="Delete this session?",
            name=tool.name,
            when=session.started,
            length=session_length(session),
            consequence=(
                "Its minutes come out of your diary's mindfulness, and What helps me stops "
                "counting it."
                if session.observation_id
                else "What helps me stops counting it."
            ),
        )
    actions.delete_session(request.user, session)
    messages.success(request, "The session is deleted.")
    return redirect(back)
