"""Every text a model stores has a length limit that full_clean and forms check (issue #12.9).

Walks every model of every Wellboard app, so that a text field added later fails here
until it is given a limit (wellboard.base.limits.limited_text for long texts).
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from wellboard.base.limits import is_unlimited, limited_text, unlimited_text_fields
from wellboard.core.limits import COMMENT_TEXT, LONG_TEXT
from wellboard.strategy.models import Action, ActionComment


def wellboard_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("wellboard.")]


def test_the_walk_sees_the_models_with_long_texts() -> None:
    names = {m.__name__ for m in wellboard_models()}
    assert {"Action", "ProgressUpdate", "ActionComment", "GoodPractice"} <= names


def test_every_text_field_of_every_model_has_a_limit() -> None:
    missing = [
        f"{model._meta.label}.{name}"
        for model in wellboard_models()
        for name in unlimited_text_fields(model)
    ]
    assert not missing, "text fields without a length limit: " + ", ".join(missing)


def test_a_text_field_without_a_checked_limit_is_reported() -> None:
    """The walk itself can fail: a TextField whose max_length checks nothing is caught."""
    assert is_unlimited(models.TextField())
    assert is_unlimited(models.TextField(max_length=20))  # only the form would check it
    assert not is_unlimited(limited_text(20))
    assert not is_unlimited(models.CharField(max_length=20))
    assert not is_unlimited(models.IntegerField())


def test_long_texts_are_text_columns_so_old_long_rows_still_fit() -> None:
    """A varchar(n) would fail the migration on PostgreSQL for any longer existing row."""
    field = Action._meta.get_field("description")
    assert field.get_internal_type() == "TextField"
    assert field.max_length == LONG_TEXT


@pytest.mark.django_db
def test_full_clean_says_the_limit_and_the_length() -> None:
    """The model refuses, not only the form: loads and imports save through the model."""
    comment = ActionComment(text="x" * (COMMENT_TEXT + 1))
    with pytest.raises(ValidationError) as caught:
        comment.full_clean(exclude=["action", "author"])
    message = " ".join(caught.value.message_dict["text"])
    assert f"at most {COMMENT_TEXT} characters (it has {COMMENT_TEXT + 1})" in message
    assert any(
        isinstance(v, MaxLengthValidator) for v in Action._meta.get_field("title").validators
    )
