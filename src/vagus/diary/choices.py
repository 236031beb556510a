"""Each person's check-in: which measures are on the quick check-in, in "More" or hidden.

Built-in measures are shared rows, so a person's choices about them (place, order, own name,
own direction) are ``MeasureChoice`` rows. A measure without a row takes the defaults below,
so a new person (and a built-in added in a later version) needs no rows at all. The first
change a person makes writes a row for every measure, so the order they see is the order kept.
A custom measure's hidden state stays its ``archived`` flag (the API and backups carry it);
the writes here keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction

from vagus.diary.models import Measure, MeasureChoice
from vagus.text import has_nul

if TYPE_CHECKING:
    from vagus.accounts.models import User

QUICK, MORE, HIDDEN = MeasureChoice.QUICK, MeasureChoice.MORE, MeasureChoice.HIDDEN
PLACEMENTS = (QUICK, MORE, HIDDEN)

# One tap each, the first screen of a phone: how the person feels, the gut, the night.
DEFAULT_QUICK: tuple[str, ...] = ("anxiety", "mood", "gut_pain", "stool_form", "sleep_quality")
# Positions of measures that have no row yet: after any the person has placed themselves.
_UNPLACED = 1000


class ChoiceError(ValueError):
    """A change that cannot be made; ``message`` is a sentence for the person."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Placed:
    """One measure as this person's check-in shows it."""

    measure: Measure
    placement: str
    position: int
    label: str  # the person's own name for it, or the measure's
    direction: str  # "better", "worse" or "" (neither), the person's own or the measure's

    @property
    def code(self) -> str:
        return self.measure.code

    @property
    def renamed(self) -> bool:
        return self.label != self.measure.label


def _default_placement(measure: Measure) -> str:
    # A measure added on the measures page is placed on the quick check-in there; one that
    # came with an import (often dozens of activities) waits in "More".
    return QUICK if measure.code in DEFAULT_QUICK and not measure.is_custom else MORE


def _default_position(measure: Measure) -> int:
    if measure.code in DEFAULT_QUICK:
        return _UNPLACED + DEFAULT_QUICK.index(measure.code)
    return _UNPLACED + 100 + measure.position


def layout(user: User) -> list[Placed]:
    """Every measure a person can type in a check-in, hidden ones too, in the order shown:
    the quick check-in, then "More", then hidden. Two queries."""
    measures = list(Measure.objects.available_to(user).filter(on_checkin=True))
    choices = {c.measure_id: c for c in MeasureChoice.objects.owned_by(user)}
    placed = []
    for measure in measures:
        choice = choices.get(measure.pk)
        if measure.is_custom and measure.archived:
            placement = HIDDEN
        elif choice is not None:
            placement = choice.placement
        else:
            placement = _default_placement(measure)
        placed.append(
            Placed(
                measure=measure,
                placement=placement,
                position=choice.position if choice is not None else _default_position(measure),
                label=(choice.label if choice is not None and choice.label else measure.label),
                direction=(
                    choice.direction
                    if choice is not None and choice.direction is not None
                    else measure.direction
                ),
            )
        )
    placed.sort(key=lambda p: (PLACEMENTS.index(p.placement), p.position, p.measure.position))
    return placed


def on_checkin(user: User) -> tuple[list[Placed], list[Placed]]:
    """The quick check-in and the "More" section, in order (hidden measures are in neither)."""
    everything = layout(user)
    return (
        [p for p in everything if p.placement == QUICK],
        [p for p in everything if p.placement == MORE],
    )


def labels_for(user: User) -> dict[str, str]:
    """Each measure's name as this person sees it, by code."""
    return {p.code: p.label for p in layout(user)}


def measure_of(user: User, measure_id: str) -> Measure | None:
    """One of the measures this person can place (a built-in or their own), or None."""
    try:
        return Measure.objects.available_to(user).filter(on_checkin=True, uuid=measure_id).first()
    except (ValueError, TypeError):  # a malformed id
        return None


def _write(user: User, order: list[tuple[Measure, str]]) -> None:
    """Store the whole check-in as given: (measure, placement) in order, numbered 0, 1, 2…"""
    choices = {c.measure_id: c for c in MeasureChoice.objects.owned_by(user)}
    counters = dict.fromkeys(PLACEMENTS, 0)
    to_create, to_update = [], []
    for measure, placement in order:
        position = counters[placement]
        counters[placement] += 1
        choice = choices.get(measure.pk)
        if choice is None:
            to_create.append(
                MeasureChoice(owner=user, measure=measure, placement=placement, position=position)
            )
        elif (choice.placement, choice.position) != (placement, position):
            choice.placement, choice.position = placement, position
            to_update.append(choice)
        if measure.is_custom and measure.archived != (placement == HIDDEN):
            Measure.objects.owned_by(user).filter(pk=measure.pk).update(
                archived=placement == HIDDEN
            )
    MeasureChoice.objects.bulk_create(to_create)
    MeasureChoice.objects.bulk_update(to_update, ["placement", "position"])


def place(user: User, measure: Measure, placement: str) -> Placed:
    """Put a measure at the end of the quick check-in, of "More", or hide it."""
    if placement not in PLACEMENTS:
        raise ChoiceError("Choose the quick check-in, More, or hidden.")
    with transaction.atomic():
        order = [(p.measure, p.placement) for p in layout(user) if p.measure.pk != measure.pk]
        last = max((i for i, (_, where) in enumerate(order) if where == placement), default=None)
        at = (last + 1) if last is not None else _first_index(order, placement)
        order.insert(at, (measure, placement))
        _write(user, order)
    return _placed(user, measure)


def _first_index(order: list[tuple[Measure, str]], placement: str) -> int:
    rank = PLACEMENTS.index(placement)
    return sum(1 for _, where in order if PLACEMENTS.index(where) < rank)


def move(user: User, measure: Measure, step: int) -> bool:
    """Move a measure one place up (-1) or down (+1) within its section; False at an end."""
    if step not in (-1, 1):
        raise ChoiceError("Move it up or down one place.")
    with transaction.atomic():
        current = layout(user)
        order = [(p.measure, p.placement) for p in current]
        index = next(i for i, p in enumerate(current) if p.measure.pk == measure.pk)
        other = index + step
        if not 0 <= other < len(order) or order[other][1] != order[index][1]:
            return False
        order[index], order[other] = order[other], order[index]
        _write(user, order)
    return True


def _choice(user: User, measure: Measure) -> MeasureChoice:
    """The person's row for a measure, made (in its current place) if it has none yet."""
    found = MeasureChoice.objects.owned_by(user).filter(measure=measure).first()
    if found is not None:
        return found
    _write(user, [(p.measure, p.placement) for p in layout(user)])
    return MeasureChoice.objects.owned_by(user).get(measure=measure)


def rename(user: User, measure: Measure, label: str) -> Placed:
    """A new name. A custom measure is renamed; a built-in keeps its name, code and LOINC
    code for everyone, and this person sees their own name for it."""
    label = " ".join((label or "").split())
    if not label or len(label) > 80 or has_nul(label):
        raise ChoiceError("Give it a name of 1 to 80 characters.")
    with transaction.atomic():
        if measure.is_custom:
            if (
                Measure.objects.owned_by(user)
                .exclude(pk=measure.pk)
                .filter(label__iexact=label)
                .exists()
            ):
                raise ChoiceError(f"You already have a measure called “{label}”.")
            Measure.objects.owned_by(user).filter(pk=measure.pk).update(label=label)
            measure.label = label
        else:
            choice = _choice(user, measure)
            choice.label = "" if label == measure.label else label
            choice.save(update_fields=["label"])
    return _placed(user, measure)


def set_direction(user: User, measure: Measure, direction: str) -> Placed:
    """Whether more of it is better, worse or neither, for this person."""
    if direction not in {"better", "worse", ""}:
        raise ChoiceError("Choose whether more of it is better, worse or neither.")
    with transaction.atomic():
        if measure.is_custom:
            Measure.objects.owned_by(user).filter(pk=measure.pk).update(direction=direction)
            measure.direction = direction
        else:
            choice = _choice(user, measure)
            choice.direction = None if direction == measure.direction else direction
            choice.save(update_fields=["direction"])
    return _placed(user, measure)


def _placed(user: User, measure: Measure) -> Placed:
    return next(p for p in layout(user) if p.measure.pk == measure.pk)
