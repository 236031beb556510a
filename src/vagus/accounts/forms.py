from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, UserCreationForm
from django.http import HttpRequest

from vagus.accounts import time_zones
from vagus.accounts.models import Invite, User
from vagus.accounts.passwords import password_is_right
from vagus.accounts.roles import Role

WRONG_PASSWORD = "That password is not right."


def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Each country's zones as one group of the select (see ``time_zones``)."""
    return time_zones.grouped_choices()


class TimeZoneField(forms.ChoiceField):
    """A select of the zones by country; the page's script puts the device's zone first."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=time_zone_choices,
            label="Your time zone",
            help_text="Days in your diary follow this clock. Pick your country, or the city "
            "nearest you.",
            widget=forms.Select(attrs={"data-detect-time-zone": "1"}),
            error_messages={
                "required": "Choose your time zone from the list.",
                "invalid_choice": "“%(value)s” is not a time zone. Choose your country, or the "
                "city nearest you, from the list.",
            },
            **kwargs,
        )


# Who may sign up as what: a person, or a clinician (who must then set up two-factor
# sign-in, and sees only what people choose to share). Researchers are made by the operator
# (`vagus createuser --role researcher`), as a study is set up on the server.
SIGNUP_ROLES = [
    (Role.PERSON.value, "I keep my own diary"),
    (Role.CLINICIAN.value, "I am a clinician: people will share parts of their diary with me"),
]


class SignUpForm(UserCreationForm):
    time_zone = TimeZoneField(initial=time_zones.UTC)
    role = forms.ChoiceField(
        choices=SIGNUP_ROLES,
        initial=Role.PERSON.value,
        required=False,  # left out (e.g. by a script): a person's account
        widget=forms.RadioSelect,
        label="This account is for",
        error_messages={"invalid_choice": "Choose who this account is for from the list."},
    )

    def clean_role(self) -> str:
        return self.cleaned_data.get("role") or Role.PERSON.value

    # The stubs leave out the Meta Django defines (it brings the username field class).
    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]
        model = User
        fields = ("username", "time_zone", "role")


INVITE_REFUSED = {
    "unknown": "We don't know that invite code. Check it, or ask for a new one.",
    "used": "This invite code has been used already. Ask for a new one.",
    "revoked": "This invite code was withdrawn. Ask for a new one.",
    "expired": "This invite code has expired. Ask for a new one.",
}


class InviteSignUpForm(SignUpForm):
    """Sign-up on a server that takes one-time invite codes (VAGUS_SIGNUP=invite)."""

    invite_code = forms.CharField(
        max_length=100,
        label="Invite code",
        help_text="The code you were given by the person who runs this server.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    field_order = ["invite_code", "username", "password1", "password2", "time_zone", "role"]

    def clean_invite_code(self) -> str:
        code = self.cleaned_data["invite_code"].strip()
        # A friendly early answer only: the code is really taken in sign_up's transaction.
        invite = Invite.objects.filter(code_hash=Invite.hash(code)).first()
        status = invite.status if invite is not None else "unknown"
        if status != "open":
            raise forms.ValidationError(INVITE_REFUSED[status])
        return code


class SettingsForm(forms.ModelForm):
    time_zone = TimeZoneField()

    class Meta:
        model = User
        fields = ("time_zone",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An older name saved before (e.g. "US/Eastern") stays in the list until changed.
        cast(forms.ChoiceField, self.fields["time_zone"]).choices = time_zones.grouped_choices(
            self.instance.time_zone
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        label="Your password, to confirm",
    )
    confirm = forms.BooleanField(
        label="I understand that everything I have logged will be deleted and cannot be recovered.",
    )

    def __init__(self, *args: Any, user: User, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError(WRONG_PASSWORD)
        return password


class CheckedPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the old password checked under the login lockout."""

    def __init__(self, user: User, *args: object, request: HttpRequest, **kwargs: object) -> None:
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        if not password_is_right(self.request, self.user, old_password):
            raise forms.ValidationError(WRONG_PASSWORD, code="password_incorrect")
        return old_password


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="What is this token for?")
