"""The report's choices: the period, the paper, a name, and any writing to add as an appendix."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from vagus.reports.figures import default_period
from vagus.reports.pdf import PAPERS
from vagus.reports.shapes import TEXT_SECTIONS
from vagus.widgets import IsoDateInput

# The weekly table has a column a week: more than this would not fit on one page.
MAX_WEEKS = 26
PAPER_CHOICES = [("a4", "A4"), ("letter", "US Letter")]


class ReportForm(forms.Form):
    start = forms.DateField(label="From", widget=IsoDateInput)
    end = forms.DateField(label="To", widget=IsoDateInput)
    paper = forms.ChoiceField(
        label="Paper", choices=PAPER_CHOICES, widget=forms.RadioSelect, initial="a4"
    )
    name = forms.CharField(
        label="Name on the report",
        required=False,
        max_length=60,
        help_text="Leave it empty to show only your initials.",
    )
    include = forms.MultipleChoiceField(
        label="Add my own writing as a second page",
        choices=list(TEXT_SECTIONS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        start, end = default_period(today)
        self.fields["start"].initial = start
        self.fields["end"].initial = end

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", "The last day must be on or after the first day.")
            elif end - start >= timedelta(weeks=MAX_WEEKS):
                self.add_error(
                    "start",
                    f"Choose at most {MAX_WEEKS} weeks, so the report fits on one page.",
                )
            elif end > self.today:
                self.add_error("end", "The last day cannot be after today.")
        if data.get("paper") and data["paper"] not in PAPERS:
            self.add_error("paper", "Choose A4 or US Letter.")
        return data

    @classmethod
    def defaults(cls, today: date) -> ReportForm:
        """The form as filled in when nothing was chosen: the last 12 weeks on A4."""
        start, end = default_period(today)
        return cls({"start": start, "end": end, "paper": "a4"}, today=today)
