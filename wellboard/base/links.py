"""Link fields that refuse anything but http, https and mailto, whoever saves them.

The check runs in forms and `full_clean` (the validator) and again in `pre_save`, which
every `save()`, `create()` and `bulk_create()` passes through, so loads, imports and any
later API cannot store a `javascript:` link by skipping the form (issue #12).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from wellboard.core.links import MAX_LINK_LENGTH, link_problem


def validate_link(value: str) -> None:
    problem = link_problem(value or "")
    if problem:
        raise ValidationError(problem + ".", code="unsafe_link")


class LinkFormField(forms.CharField):
    """A link box: a bare address gets https://, anything else must be a safe link."""

    default_validators = [validate_link]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_LINK_LENGTH)
        kwargs.pop("assume_scheme", None)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value) or ""
        if text and ":" not in text.split("/", 1)[0]:
            text = "https://" + text
        return text


class LinkField(models.CharField):
    """A stored link (website, evidence, further information): http, https or mailto."""

    default_validators = [validate_link]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_LINK_LENGTH)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        problem = link_problem(value or "")
        if problem:
            raise ValidationError({self.attname: [problem + "."]}, code="unsafe_link")
        return value

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        return super().formfield(**{"form_class": LinkFormField, **kwargs})
