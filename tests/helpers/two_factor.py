"""Sign a professional in as if they had entered a valid authenticator code."""

from __future__ import annotations

from typing import Any


def sign_in_with_second_factor(client: Any, user: Any) -> Any:
    """Log ``user`` in on the Django test ``client`` with a confirmed TOTP device proven in
    this session (what django-otp records after a correct code). Returns the device."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
