"""Pages of the writing tools: thought records, the journal and worry time.

Each view's first step on a row is ``owned_or_404``; free text is read through the model's
sealed attributes, so nothing here sees ciphertext.
"""

from __future__ import annotations

import time as clock
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.tools import actions, catalog, queries, wording
from vagus.tools.forms import (
    JournalForm,
    ParkWorryForm,
    SearchForm,
    ThoughtRecordForm,
    WorryReviewForm,
    WorryTimeForm,
)
from vagus.tools.models import JournalEntry, ThoughtRecord, Worry
from vagus.tools.views import confirm_delete, saved_message

MAX_WRITING_SECONDS = 2 * 60 * 60


def _seconds_since(opened: float | None) -> int:
    """How long the page was open before saving (the session's length), at most two hours."""
    if not opened:
        return 0
    return int(min(max(clock.time() - opened, 0), MAX_WRITING_SECONDS))


def _after_save(request: HttpRequest, saved: actions.Saved, target: HttpResponse) -> HttpResponse:
    if saved.session:
        messages.success(request, saved_message(saved.session))
    if saved.needs_crisis_page:
        # Saved already; the crisis page comes next (and on every page until it is read).
        messages.success(request, "Your words are saved.")
        return redirect("questionnaires:crisis")
    return target


def _field_errors(form: ThoughtRecordForm | JournalForm, exc: actions.ToolInputError) -> None:
    for field, message in exc.errors.items():
        form.add_error(field if field in form.fields else None, message)


# Thought records ------------------------------------------------------------------------------


@login_required
def thoughts(request: AuthenticatedHttpRequest) -> HttpResponse:
    search = SearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    return render(
        request,
        "tools/thoughts.html",
        {
            "tool": catalog.BY_CODE["thought_record"],
            "records": queries.thought_records(request.user, query),
            "search": search,
            "query": query,
        },
    )


@login_required
def thought_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ThoughtRecordForm(request.POST or None, initial={"opened": clock.time()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = actions.save_thought_record(
                request.user,
                form.texts(),
                intensity_before=data["intensity_before"],
                intensity_after=data["intensity_after"],
                patterns=data["patterns"],
                anxiety_before=data["anxiety_before"],
                anxiety_after=data["anxiety_after"],
                duration_seconds=_seconds_since(data["opened"]),
            )
        except actions.ToolInputError as exc:
            _field_errors(form, exc)
        else:
            return _after_save(request, saved, redirect("tools:thought", record_id=saved.item.uuid))
    return render(
        request,
        "tools/thought_new.html",
        {"tool": catalog.BY_CODE["thought_record"], "form": form},
    )


@login_required
def thought(request: AuthenticatedHttpRequest, record_id: UUID) -> HttpResponse:
    record = owned_or_404(ThoughtRecord, request.user, uuid=record_id)
    patterns = [
        catalog.THINKING_PATTERNS[p] for p in record.patterns if p in catalog.THINKING_PATTERNS
    ]
    return render(request, "tools/thought.html", {"record": record, "patterns": patterns})


@login_required
def thought_delete(request: AuthenticatedHttpRequest, record_id: UUID) -> HttpResponse:
    record = owned_or_404(ThoughtRecord, request.user, uuid=record_id)
    if request.method != "POST":
        return confirm_delete(
            request,
            reverse("tools:thought", kwargs={"record_id": record.uuid}),
            title="Delete this thought record?",
            name="Thought record",
            when=record.created,
        )
    actions.delete_thought_record(request.user, record)
    messages.success(request, "The thought record is deleted.")
    return redirect("tools:thoughts")


# Journal --------------------------------------------------------------------------------------


@login_required
def journal(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        step = int(request.GET.get("next", "0"))
    except ValueError:
        step = 0
    free = request.GET.get("prompt") == "free"
    code, text = queries.prompt_for(request.user.today(), step)
    form = JournalForm(
        request.POST or None, initial={"prompt": "" if free else code, "opened": clock.time()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = actions.save_journal_entry(
                request.user,
                data["text"],
                data["prompt"],
                anxiety_before=data["anxiety_before"],
                anxiety_after=data["anxiety_after"],
                duration_seconds=_seconds_since(data["opened"]),
            )
        except actions.ToolInputError as exc:
            _field_errors(form, exc)
        else:
            return _after_save(
                request, saved, redirect("tools:journal_entry", entry_id=saved.item.uuid)
            )
    if request.method == "POST":
        posted = form.data.get("prompt", "")
        free, text = not posted, catalog.PROMPT_TEXT.get(posted, "")
    search = SearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    return render(
        request,
        "tools/journal.html",
        {
            "tool": catalog.BY_CODE["journal"],
            "form": form,
            "prompt_text": "" if free else text,
            "next_step": step + 1,
            "entries": queries.journal_entries(request.user, query),
            "search": search,
            "query": query,
            "prompts": catalog.PROMPT_TEXT,
        },
    )


@login_required
def journal_entry(request: AuthenticatedHttpRequest, entry_id: UUID) -> HttpResponse:
    entry = owned_or_404(JournalEntry, request.user, uuid=entry_id)
    return render(
        request,
        "tools/journal_entry.html",
        {"entry": entry, "prompt_text": catalog.PROMPT_TEXT.get(entry.prompt, "")},
    )


@login_required
def journal_delete(request: AuthenticatedHttpRequest, entry_id: UUID) -> HttpResponse:
    entry = owned_or_404(JournalEntry, request.user, uuid=entry_id)
    if request.method != "POST":
        return confirm_delete(
            request,
            reverse("tools:journal_entry", kwargs={"entry_id": entry.uuid}),
            title="Delete this journal entry?",
            name="Journal entry",
            when=entry.created,
        )
    actions.delete_journal_entry(request.user, entry)
    messages.success(request, "The journal entry is deleted.")
    return redirect("tools:journal")


# Worry time -----------------------------------------------------------------------------------


def _worry_page(request: AuthenticatedHttpRequest, **forms: object) -> HttpResponse:
    user = request.user
    worry_time = queries.worry_time_for(user)
    context = {
        "tool": catalog.BY_CODE["worry_time"],
        "park_form": ParkWorryForm(),
        "time_form": WorryTimeForm(initial={"worry_time": worry_time}),
        "review_form": WorryReviewForm(),
        "worry_time": worry_time,
        "is_worry_time": queries.is_worry_time(user),
        "reviewing": request.GET.get("review") == "1",
        "worries": queries.parked_worries(user),
        **forms,
    }
    return render(request, "tools/worry.html", context)


@login_required
def worry(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _worry_page(request)
    form = ParkWorryForm(request.POST)
    if not form.is_valid():
        return _worry_page(request, park_form=form)
    try:
        saved = actions.park_worry(request.user, form.cleaned_data["text"])
    except actions.ToolInputError as exc:
        for message in exc.errors.values():
            form.add_error("text", message)
        return _worry_page(request, park_form=form)
    user = request.user
    # The same clock as the page's "It is your worry time", so the two never disagree.
    line = wording.parked_line(queries.worry_time_for(user), queries.is_worry_time(user))
    messages.success(request, line)
    return _after_save(request, saved, redirect("tools:worry"))


@login_required
def worry_time(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":  # the form lives on the worry page (a bookmark, a reload)
        return redirect("tools:worry")
    form = WorryTimeForm(request.POST)
    if not form.is_valid():
        return _worry_page(request, time_form=form)
    preferences = actions.set_worry_time(request.user, form.cleaned_data["worry_time"])
    messages.success(request, f"Your worry time is now {preferences.worry_time:%H:%M}.")
    return redirect("tools:worry")


@login_required
@require_POST
def worry_resolve(request: AuthenticatedHttpRequest, worry_id: UUID) -> HttpResponse:
    item = owned_or_404(Worry, request.user, uuid=worry_id)
    actions.resolve_worry(request.user, item)
    messages.success(request, "Marked as dealt with.")
    return redirect(reverse("tools:worry") + "?review=1#review")


@login_required
def worry_delete(request: AuthenticatedHttpRequest, worry_id: UUID) -> HttpResponse:
    item = owned_or_404(Worry, request.user, uuid=worry_id)
    back = reverse("tools:worry") + "?review=1#review"
    if request.method != "POST":
        return confirm_delete(
            request,
            back,
            title="Delete this worry?",
            name=item.text,
            when=item.parked_at,
        )
    actions.delete_worry(request.user, item)
    messages.success(request, "The worry is deleted.")
    return redirect(back)


@login_required
@require_POST
def worry_review(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = WorryReviewForm(request.POST)
    if not form.is_valid():
        return _worry_page(request, review_form=form)
    data = form.cleaned_data
    session = actions.record_session(
        request.user,
        "worry_time",
        round(data["minutes_done"] * 60),
        data["anxiety_before"],
        data["anxiety_after"],
    )
    messages.success(request, saved_message(session))
    return redirect("tools:worry")
