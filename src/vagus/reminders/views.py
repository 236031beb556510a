"""Reminder pages: settings, email confirmation, snooze, and the calendar feed."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.mail import send_mail
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from vagus.accounts.models import User
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.reminders import actions, feed, links, queries, wording
from vagus.reminders.forms import EmailForm, QuietHoursForm, ReminderForm
from vagus.reminders.models import KINDS, Delivery, ReminderProfile


def _forms(user: User, data: object = None) -> list[ReminderForm]:
    stored = queries.reminders_for(user)
    forms = []
    for kind, _ in KINDS:
        reminder = stored.get(kind)
        initial = {}
        if reminder is not None:
            initial = {
                "enabled": reminder.enabled,
                "at": reminder.at,
                "days": list(reminder.days),
                "channels": reminder.channels,
            }
        else:
            initial = {"days": [str(d) for d in range(7)], "channels": ["inapp"]}
        forms.append(ReminderForm(data, kind=kind, initial=initial))
    return forms


def _page(request: AuthenticatedHttpRequest, **extra: object) -> HttpResponse:
    user = request.user
    profile = queries.profile_for(user)
    recent = queries.recent_deliveries(user, 10)
    context = {
        "forms": extra.pop("forms", None) or _forms(user),
        "labels": dict(KINDS),
        "quiet_form": extra.pop("quiet_form", None)
        or QuietHoursForm(
            initial={
                "quiet_start": profile.quiet_start if profile else None,
                "quiet_end": profile.quiet_end if profile else None,
            }
        ),
        "email_form": extra.pop("email_form", None)
        or EmailForm(initial={"email": profile.email if profile else ""}),
        "profile": profile,
        "email_enabled": settings.VAGUS_EMAIL_ENABLED,
        "worry_time": queries.worry_time_of(user),
        "recent": recent,
        **extra,
    }
    actions.mark_all_seen(user)  # shown now: the menu's count goes back to nothing
    return render(request, "reminders/settings.html", context)


@login_required
def settings_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    forms = _forms(request.user, request.POST)
    quiet_form = QuietHoursForm(request.POST)
    if not all(f.is_valid() for f in forms) or not quiet_form.is_valid():
        return _page(request, forms=forms, quiet_form=quiet_form)
    for form in forms:
        data = form.cleaned_data
        actions.set_reminder(
            request.user,
            form.kind,
            at=data.get("at"),
            days=[int(d) for d in data["days"]] or None,
            channels=data["channels"],
            enabled=bool(data["enabled"]),
        )
    actions.set_quiet_hours(
        request.user, quiet_form.cleaned_data["quiet_start"], quiet_form.cleaned_data["quiet_end"]
    )
    messages.success(request, "Your reminders are saved.")
    return redirect("reminders:settings")


@login_required
@require_POST
def email(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EmailForm(request.POST)
    if not form.is_valid():
        return _page(request, email_form=form)
    address = form.cleaned_data["email"]
    if address and not settings.VAGUS_EMAIL_ENABLED:
        messages.error(request, "This server doesn't send email, so we can't confirm it.")
        return redirect("reminders:settings")
    profile = actions.set_email(request.user, address)
    if address and not profile.email_verified:
        link = links.verify_link(str(request.user.uuid), address)
        try:
            send_mail(
                wording.VERIFY_SUBJECT,
                wording.VERIFY_BODY.format(link=link),
                settings.DEFAULT_FROM_EMAIL,
                [address],
            )
        except OSError:  # smtplib's errors are OSErrors too
            messages.error(request, "We couldn't send the email just now. Try again later.")
            return redirect("reminders:settings")
        messages.success(request, f"We sent a link to {address}. Open it to confirm.")
    elif not address:
        messages.success(request, "Email address removed. No reminders will be emailed.")
    return redirect("reminders:settings")


@require_GET
def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = signing.loads(token, salt=links.VERIFY_SALT, max_age=links.VERIFY_LINK_AGE)
        user = User.objects.get(uuid=found["u"])
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError, ValueError):
        return render(request, "reminders/link_expired.html", status=400)
    confirmed = actions.verify_email(user, str(found["e"]))
    return render(request, "reminders/email_confirmed.html", {"confirmed": confirmed})


@login_required
@require_POST
def feed_issue(request: AuthenticatedHttpRequest) -> HttpResponse:
    raw = actions.issue_feed(request.user)
    return _page(request, new_feed_url=links.feed_url(raw))


@login_required
@require_POST
def feed_revoke(request: AuthenticatedHttpRequest) -> HttpResponse:
    actions.revoke_feed(request.user)
    messages.success(request, "The calendar feed is switched off. Its address no longer works.")
    return redirect("reminders:settings")


def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The .ics feed; the secret in the address is the key, so no login is asked."""
    profile = queries.profile_by_feed(ReminderProfile.hash(secret))
    if profile is None or not profile.owner.is_active:
        raise Http404("No such calendar")
    body = feed.calendar_for(profile.owner, timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["Content-Disposition"] = 'inline; filename="vagus-reminders.ics"'
    return response


@login_required
@require_POST
def snooze(request: AuthenticatedHttpRequest, delivery_id: str) -> HttpResponse:
    """Snooze from a notification (the service worker POSTs here) or from the page."""
    delivery = owned_or_404(Delivery, request.user, uuid=delivery_id)
    actions.snooze(request.user, delivery)
    if request.headers.get("Accept", "").startswith("application/json"):
        return HttpResponse(status=204)
    messages.success(request, "We'll remind you again in an hour.")
    return redirect("reminders:settings")


@csrf_exempt  # one click from an email: the signed link is the authority, not a session
def snooze_link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = signing.loads(token, salt=links.SNOOZE_SALT, max_age=links.SNOOZE_LINK_AGE)
        delivery = Delivery.objects.select_related("owner").get(uuid=found)
    except (signing.BadSignature, Delivery.DoesNotExist, TypeError, ValueError):
        return render(request, "reminders/link_expired.html", status=400)
    if request.method != "POST":  # a link checker's GET changes nothing
        return render(request, "reminders/snooze_confirm.html", {"delivery": delivery})
    actions.snooze(delivery.owner, delivery)
    return render(request, "reminders/snoozed.html", {"delivery": delivery})
