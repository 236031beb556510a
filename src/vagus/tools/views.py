"""Pages of the timed tools (breathing, relaxation, grounding, mindfulness), the tools index and
"What helps me". The writing tools (thought records, journal, worries) are in ``views_writing``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from vagus.ownership import AuthenticatedHttpRequest
from vagus.science.tool_effects import MIN_SESSIONS
from vagus.tools import actions, catalog, queries, wording
from vagus.tools.forms import BreathingForm, SessionForm, TimerForm
from vagus.tools.models import ToolSession


def saved_message(session: ToolSession) -> str:
    tool = catalog.BY_CODE[session.tool]
    parts = [f"Saved: {tool.name.lower()}"]
    if session.duration_seconds:
        minutes = session.minutes
        parts[0] += f", {minutes:g} minute{'' if minutes == 1 else 's'}"
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
        session = actions.record_session(
            request.user, code, form.cleaned_data["seconds"], before, after, settings
        )
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
