"""The person using Vagus, and the tokens their scripts use."""

from __future__ import annotations

import hashlib
import secrets
import uuid
import zoneinfo
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from vagus.accounts.roles import Role
from vagus.accounts.time_zones import NOT_ZONES
from vagus.ownership import OwnedQuerySet


def validate_time_zone(name: str) -> None:
    if name not in available_time_zones():
        raise ValidationError(f"“{name}” is not a time zone we know. Pick one from the list.")


def available_time_zones() -> frozenset[str]:
    return _ZONES


# "Factory" and "localtime" are in zoneinfo's list but are no place's clock.
_ZONES = frozenset(zoneinfo.available_timezones()) - NOT_ZONES
LAST_USED_RESOLUTION = timedelta(minutes=1)
# The earliest day a diary entry may carry: older dates are typing slips, and the year-1 edge
# would overflow time-zone arithmetic.
EARLIEST_DAY = date(1900, 1, 1)


class User(AbstractUser):
    """A person. Days are counted in their own time zone."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    is_demo = models.BooleanField(
        default=False, help_text="Demo account: its data is generated, not real."
    )
    # A clinician or researcher reads what others share; they keep no diary of their own here.
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PERSON)

    def may_use_tokens(self) -> bool:
        """A professional's tokens work only once they have a confirmed second factor."""
        from vagus.accounts.roles import PROFESSIONAL_ROLES
        from vagus.accounts.two_factor import has_second_factor

        return self.role not in PROFESSIONAL_ROLES or has_second_factor(self)

    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local_now(self) -> datetime:
        return timezone.now().astimezone(self.zone())

    def today(self) -> date:
        """Today's calendar date where the person is."""
        return self.local_now().date()

    def day_of(self, moment: datetime) -> date:
        """The person's calendar day that an aware moment falls on."""
        return moment.astimezone(self.zone()).date()


class AccessTokenQuerySet(OwnedQuerySet["AccessToken"]):
    """Tokens are asked for by owner, like every other personal row."""


class AccessToken(models.Model):
    """A personal access token for scripts using the API. Only its hash is stored."""

    PREFIX = "vgs_"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def hash(raw: str) -> str:
        # A random 256-bit token needs no slow hash: SHA-256 is enough to make a leaked
        # database useless for calling the API.
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, owner: User, name: str) -> tuple[AccessToken, str]:
        """Create a token; the raw value is returned once and never stored."""
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(owner=owner, name=name, token_hash=cls.hash(raw))
        return token, raw

    @classmethod
    def user_for(cls, raw: str) -> User | None:
        try:
            token = cls.objects.select_related("owner").get(token_hash=cls.hash(raw))
        except cls.DoesNotExist:
            return None
        if not token.owner.is_active:
            return None
        if not token.owner.may_use_tokens():
            return None
        now = timezone.now()
        # "Last used" to the minute is enough, and skipping the write keeps busy scripts from
        # queueing on the database's single writer.
        if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
            cls.objects.filter(pk=token.pk).update(last_used=now)
        return token.owner


class InviteQuerySet(models.QuerySet):
    def usable(self) -> InviteQuerySet:
        """Neither used, revoked nor expired, right now."""
        now = timezone.now()
        return self.filter(used_at__isnull=True, revoked_at__isnull=True).filter(
            models.Q(expires__isnull=True) | models.Q(expires__gt=now)
        )


class Invite(models.Model):
    """A one-time sign-up code made by the operator (`vagus invite create`).

    Only the code's hash is stored, like a token's: the code is printed once.
    """

    PREFIX = "vgi-"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code_hash = models.CharField(max_length=64, unique=True)
    note = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InviteQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.note or str(self.uuid)

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.strip().encode()).hexdigest()

    @classmethod
    def issue(cls, note: str = "", valid_for: timedelta | None = None) -> tuple[Invite, str]:
        """Create an invite; the code is returned once and never stored."""
        raw = cls.PREFIX + secrets.token_urlsafe(12)
        expires = timezone.now() + valid_for if valid_for is not None else None
        invite = cls.objects.create(code_hash=cls.hash(raw), note=note, expires=expires)
        return invite, raw

    @classmethod
    def is_usable(cls, raw: str) -> bool:
        return cls.objects.usable().filter(code_hash=cls.hash(raw)).exists()

    @classmethod
    def consume(cls, raw: str) -> Invite | None:
        """Mark the code used and return its invite, or None if it cannot be used.

        One conditional UPDATE decides, so two sign-ups racing with one code cannot both
        win: the second finds ``used_at`` already set and changes nothing.
        """
        now = timezone.now()
        matched = cls.objects.usable().filter(code_hash=cls.hash(raw))
        if matched.update(used_at=now) != 1:
            return None
        return cls.objects.get(code_hash=cls.hash(raw))

    @property
    def status(self) -> str:
        if self.used_at is not None:
            return "used"
        if self.revoked_at is not None:
            return "revoked"
        if self.expires is not None and self.expires <= timezone.now():
            return "expired"
        return "open"
