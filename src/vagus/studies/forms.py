"""Forms only clean input; what a protocol may hold is checked in vagus.studies.protocol."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.forms import UserCreationForm

from vagus.accounts.forms import SignUpForm
from vagus.diary.models import Measure
from vagus.science import instruments
from vagus.studies.protocol import Eligibility, Protocol
from vagus.widgets import IsoDateInput


def _measure_choices() -> list[tuple[str, str]]:
    return [(m.code, m.label) for m in Measure.objects.filter(owner__isnull=True)]


class StudyForm(forms.Form):
    title = forms.CharField(label="Title", max_length=120)
    description = forms.CharField(
        label="What the study is about, for people thinking of joining",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    measures = forms.MultipleChoiceField(
        label="Measures to collect", widget=forms.CheckboxSelectMultiple, required=False
    )
    questionnaires = forms.MultipleChoiceField(
        label="Questionnaires to collect", widget=forms.CheckboxSelectMultiple, required=False
    )
    every_days = forms.IntegerField(
        label="Days between scheduled entries", min_value=1, max_value=30, initial=1
    )
    duration_days = forms.IntegerField(
        label="Length of the study for each participant (days)",
        min_value=1,
        max_value=3650,
        initial=28,
    )
    target_size = forms.IntegerField(label="Participants wanted", min_value=1, initial=30)
    starts = forms.DateField(label="First day", widget=IsoDateInput)
    ends = forms.DateField(label="Last day to join (optional)", widget=IsoDateInput, required=False)
    contact = forms.EmailField(
        label="Study contact e-mail",
        help_text="Shown to participants, and told of safety events when they agree.",
    )
    min_age = forms.IntegerField(
        label="Youngest age (optional)", min_value=0, max_value=120, required=False
    )
    max_age = forms.IntegerField(
        label="Oldest age (optional)", min_value=0, max_value=120, required=False
    )
    questions = forms.CharField(
        label="Screening questions (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line; a person must answer yes to take part. "
        "Start a line with “No:” for a question they must answer no.",
    )
    gad7_min = forms.IntegerField(
        label="Lowest GAD-7 score (optional)", min_value=0, max_value=21, required=False
    )
    gad7_max = forms.IntegerField(
        label="Highest GAD-7 score (optional)", min_value=0, max_value=21, required=False
    )
    consent = forms.CharField(
        label="Consent text",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Any change makes a new version that everyone enrolled must agree to again.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["measures"]).choices = _measure_choices()
        cast(forms.ChoiceField, self.fields["questionnaires"]).choices = [
            (code, instruments.get(code).name) for code in instruments.CODES
        ]

    def protocol_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        questions = []
        for line in (data.get("questions") or "").splitlines():
            text = line.strip()
            if not text:
                continue
            must_say_no = text.casefold().startswith("no:")
            questions.append(
                {
                    "text": text[3:].strip() if must_say_no else text,
                    "required_answer": not must_say_no,
                }
            )
        return {
            "measures": data["measures"],
            "questionnaires": data["questionnaires"],
            "every_days": data["every_days"],
            "duration_days": data["duration_days"],
            "eligibility": {
                "min_age": data.get("min_age"),
                "max_age": data.get("max_age"),
                "questions": questions,
                "gad7_min": data.get("gad7_min"),
                "gad7_max": data.get("gad7_max"),
            },
        }

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "target_size": data["target_size"],
            "starts": data["starts"],
            "ends": data.get("ends"),
            "contact": data["contact"],
            "protocol": self.protocol_data(),
        }

    @classmethod
    def initial_of(cls, study: Any, protocol: Protocol, consent: str) -> dict[str, Any]:
        rules = protocol.eligibility
        return {
            "title": study.title,
            "description": study.description,
            "measures": list(protocol.measures),
            "questionnaires": list(protocol.questionnaires),
            "every_days": protocol.every_days,
            "duration_days": protocol.duration_days,
            "target_size": study.target_size,
            "starts": study.starts,
            "ends": study.ends,
            "contact": study.contact,
            "min_age": rules.min_age,
            "max_age": rules.max_age,
            "questions": "\n".join(t if yes else f"No: {t}" for t, yes in rules.questions),
            "gad7_min": rules.gad7_min,
            "gad7_max": rules.gad7_max,
            "consent": consent,
        }


class ImportForm(forms.Form):
    file = forms.FileField(label="Protocol file (JSON)")
    starts = forms.DateField(label="First day", widget=IsoDateInput)
    contact = forms.EmailField(label="Study contact e-mail")


YES_NO = [("yes", "Yes"), ("no", "No")]


class ConsentForm(forms.Form):
    """The participant's explicit choices; nothing is pre-ticked."""

    agree = forms.BooleanField(label="I have read the consent text and agree to take part")
    keep_data = forms.ChoiceField(
        label="If I leave the study",
        choices=[
            ("keep", "The study may keep what I shared until I left"),
            ("delete", "The study must no longer see any of my data"),
        ],
        widget=forms.RadioSelect,
    )
    tell_contact = forms.ChoiceField(
        label="If one of my answers shows I may be at risk of harming myself",
        choices=[
            ("yes", "Tell the study contact that a safety event happened (not what I answered)"),
            ("no", "Do not tell the study contact"),
        ],
        widget=forms.RadioSelect,
    )

    def choices(self) -> dict[str, bool]:
        return {
            "keep_data": self.cleaned_data["keep_data"] == "keep",
            "tell_contact": self.cleaned_data["tell_contact"] == "yes",
        }


class JoinForm(ConsentForm):
    """Screening questions for this study's rules, then the consent choices."""

    def __init__(self, *args: Any, rules: Eligibility, existing_user: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        screening: dict[str, forms.Field] = {}
        if rules.min_age is not None or rules.max_age is not None:
            screening["age"] = forms.IntegerField(
                label="Your age in years", min_value=0, max_value=120
            )
        for number, (text, _) in enumerate(rules.questions, start=1):
            screening[f"question_{number}"] = forms.ChoiceField(
                label=text, choices=YES_NO, widget=forms.RadioSelect
            )
        if rules.asks_gad7:
            gad7 = instruments.get("gad7")
            options = [(str(o.value), o.label) for o in gad7.answer_options]
            for item in gad7.items:
                screening[f"gad7_{item.number}"] = forms.ChoiceField(
                    label=f"Over the last 2 weeks: {item.text}",
                    choices=options,
                    widget=forms.RadioSelect,
                )
        if existing_user:
            screening["shares_earlier"] = forms.BooleanField(
                label="Also share my diary from before today with the study (optional)",
                required=False,
            )
        self.fields = {**screening, **self.fields}
        self.question_count = len(rules.questions)

    def screening(self) -> Any:
        from vagus.studies.eligibility import Screening

        data = self.cleaned_data
        return Screening(
            age=data.get("age"),
            answers=tuple(
                data[f"question_{n}"] == "yes" for n in range(1, self.question_count + 1)
            ),
            gad7=tuple(int(data[k]) for k in sorted(data) if k.startswith("gad7_")),
        )


class ParticipantSignUpForm(SignUpForm):
    """A new account made to join a study (the study link is the invitation)."""

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]
        model = SignUpForm.Meta.model
        fields = ("username", "time_zone")
