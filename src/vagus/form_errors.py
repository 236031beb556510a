"""Form errors in plain words, for the error summary every form shows at its top.

Django's default messages ("Ensure this value is less than or equal to 24.") do not say which
answer is wrong. Here each error of a known kind is said again with the field's label
("Sleep last night must be between 0 and 24 hours."). A message a form chose itself, for that
field or in its own checks, is kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

NUMBER_FIELDS = (forms.IntegerField, forms.FloatField, forms.DecimalField)


@dataclass(frozen=True)
class FieldError:
    target: str  # the id of the control to move to ("" for errors about the whole form)
    message: str


def _class_messages(field: forms.Field) -> dict[str, Any]:
    """The messages a field class has before a form overrides any (as ``Field.__init__``)."""
    messages: dict[str, Any] = {}
    for cls in reversed(type(field).__mro__):
        messages.update(getattr(cls, "default_error_messages", {}))
    return messages


def _customised(field: forms.Field, code: str) -> bool:
    if code not in field.error_messages:
        return False
    defaults = _class_messages(field)
    return code not in defaults or str(defaults[code]) != str(field.error_messages[code])


def _limits(field: forms.Field) -> tuple[Any, Any]:
    return getattr(field, "min_value", None), getattr(field, "max_value", None)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def plain_message(field: forms.Field, error: ValidationError) -> str:
    """One error of ``field`` in words a person can act on."""
    code = error.code or ""
    if not code or _customised(field, code):
        return " ".join(error.messages)
    label = str(field.label or "This answer").rstrip(" ?:")
    low, high = _limits(field)
    if code == "required":
        return f"{label}: please fill this in."
    if code in {"min_value", "max_value"} and low is not None and high is not None:
        return f"{label} must be between {_number(low)} and {_number(high)}."
    if code == "min_value":
        return f"{label} must be at least {_number(low)}."
    if code == "max_value":
        return f"{label} must be at most {_number(high)}."
    if code == "invalid" and isinstance(field, forms.IntegerField):
        return f"{label} must be a whole number."
    if code == "invalid" and isinstance(field, NUMBER_FIELDS):
        return f"{label} must be a number."
    if code == "invalid" and isinstance(field, forms.DateTimeField):
        return f"{label} must be a date and time."
    if code == "invalid" and isinstance(field, forms.DateField):
        return f"{label} must be a date, like 2026-02-12."
    if code == "invalid_choice":
        return f"{label}: please choose one from the list."
    if code == "max_length":
        return f"{label}: please keep it under {(error.params or {})['limit_value']} characters."
    return " ".join(error.messages)


def control_id(bound: forms.BoundField) -> str:
    """Where a link to this field should land: the input itself, or a group's first option."""
    return bound.id_for_label or f"{bound.auto_id}_0"


def field_errors(bound: forms.BoundField) -> list[str]:
    form = bound.form
    if not form.is_bound or bound.name not in form.errors:
        return []
    return [plain_message(bound.field, e) for e in form.errors.as_data()[bound.name]]


def form_errors(form: forms.BaseForm) -> list[FieldError]:
    """Every error of the form, in the order of its fields, then the form-wide ones."""
    if not form.is_bound or not form.errors:
        return []
    listed = [
        FieldError(control_id(form[name]), message)
        for name in form.fields
        if name in form.errors
        for message in field_errors(form[name])
    ]
    listed += [FieldError("", str(message)) for message in form.non_field_errors()]
    return listed
