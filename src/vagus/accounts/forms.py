from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from vagus.accounts.models import User, available_time_zones


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(available_time_zones())]


class TimeZoneField(forms.ChoiceField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            choices=time_zone_choices,
            label="Your time zone",
            help_text="Days in your diary follow this clock.",
            widget=forms.Select(attrs={"data-detect-time-zone": "1"}),
            **kwargs,
        )


class SignUpForm(UserCreationForm):
    time_zone = TimeZoneField(initial="UTC")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "time_zone")


class SettingsForm(forms.ModelForm):
    time_zone = TimeZoneField()

    class Meta:
        model = User
        fields = ("time_zone",)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        label="Your password, to confirm",
    )
    confirm = forms.BooleanField(
        label="I understand that everything I have logged will be deleted and cannot be recovered.",
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right.")
        return password


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="What is this token for?")
