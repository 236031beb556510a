from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.forms import UserCreationForm

from vagus.accounts import time_zones
from vagus.accounts.models import User


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


class SignUpForm(UserCreationForm):
    time_zone = TimeZoneField(initial=time_zones.UTC)

    # The stubs leave out the Meta Django defines (it brings the username field class).
    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]
        model = User
        fields = ("username", "time_zone")


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

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right.")
        return password


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="What is this token for?")
