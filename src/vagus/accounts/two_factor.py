"""Two-factor sign-in for professional accounts: an authenticator app (TOTP) and ten
one-time recovery codes, kept by django-otp.

Wrong codes are slowed down by django-otp's throttle on each device: after n wrong codes in
a row the next try waits 2^(n-1) seconds, so guessing a 6-digit code takes years. A right
code resets it.
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

if TYPE_CHECKING:
    from vagus.accounts.models import User

RECOVERY_CODES = 10
DEVICE_NAME = "authenticator app"
RECOVERY_NAME = "recovery codes"


def has_second_factor(user: User) -> bool:
    """True once the account has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user: User) -> TOTPDevice:
    """The authenticator being set up (kept between page loads so the QR code stays the same)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed in (base32, in groups of 4)."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(uri: str) -> str:
    """The otpauth URI as an SVG QR code: one path, no style attribute (the CSP forbids it)."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg role="img" aria-label="QR code"', svg)


def _clean(code: str) -> str:
    return re.sub(r"\s+", "", code or "").lower()


def _wait(device: TOTPDevice | StaticDevice) -> int:
    """Seconds until ``device`` takes another code (0: now)."""
    allowed, data = device.verify_is_allowed()
    if allowed or not data or "locked_until" not in data:
        return 0
    return max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)


def confirm(user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows; then the recovery codes, returned once.

    None when the code is wrong (or comes too soon after wrong ones).
    """
    if not device.verify_token(_clean(code)):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        return new_recovery_codes(user)


def new_recovery_codes(user: User) -> list[str]:
    """Ten fresh one-time codes; any older ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        static = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


def check(user: User, code: str) -> tuple[TOTPDevice | StaticDevice | None, int]:
    """The device that accepts ``code`` (an app's 6 digits or a recovery code), else None,
    with the seconds to wait before the next try when wrong codes have been given."""
    code = _clean(code)
    if code.isdigit():
        device: TOTPDevice | StaticDevice | None = TOTPDevice.objects.filter(
            user=user, confirmed=True
        ).first()
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None, 0
    if device.verify_token(code):
        return device, 0
    device.refresh_from_db()
    return None, _wait(device)


def remaining_recovery_codes(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
