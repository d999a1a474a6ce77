"""Length limits on stored text, in the model, so that every path that saves is covered.

The numbers live in core/limits.py (the exchange format uses them too). Long texts stay
`TextField`s with `max_length` (which Django hands to every ModelForm's field) and a
`MaxLengthValidator` (which `full_clean` runs; a TextField's `max_length` alone checks
nothing on the model). Not a `varchar`: on PostgreSQL `ALTER ... TYPE varchar(n)` fails on
any existing longer row, while `text` with a validator changes no column, so a migration
never fails and never cuts a text written before the limit existed (issue #12.9).
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models

from wellboard.core.limits import LONG_TEXT


def limited_text(limit: int = LONG_TEXT, **kwargs: Any) -> models.TextField[Any, Any]:
    """A TextField holding at most `limit` characters (checked by forms and full_clean)."""
    validators = [*kwargs.pop("validators", []), MaxLengthValidator(limit)]
    return models.TextField(max_length=limit, validators=validators, **kwargs)


def is_unlimited(field: Any) -> bool:
    """A text field that takes any length, on the model (its validators) or in its form."""
    if not isinstance(field, models.CharField | models.TextField):
        return False
    checked = any(isinstance(v, MaxLengthValidator) for v in field.validators)
    return field.max_length is None or not checked


def unlimited_text_fields(model: type[models.Model]) -> list[str]:
    """The model's text fields without a limit: what tests/base/test_text_limits.py refuses."""
    return [field.name for field in model._meta.get_fields() if is_unlimited(field)]
