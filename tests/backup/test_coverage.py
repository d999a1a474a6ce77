"""Every model that reaches a partnership is in its backup, so a new model cannot be
forgotten: it either declares `partnership_path` or is listed, with a reason, as not
carried."""

from __future__ import annotations

from django.apps import apps

from wellboard.backup.collect import NOT_CARRIED, owned_models, reaches_partnership


def test_every_model_that_reaches_a_partnership_is_carried() -> None:
    carried = set(owned_models())
    missing = [
        model._meta.label
        for model in apps.get_models()
        if reaches_partnership(model)
        and model not in carried
        and model._meta.label not in NOT_CARRIED
        and model._meta.app_label not in ("auth", "admin", "history")
    ]
    assert missing == [], f"declare partnership_path on {missing} or list them in NOT_CARRIED"


def test_the_many_to_many_lists_travel_with_their_rows() -> None:
    # Auto-created through tables have no model of their own to carry; their rows are
    # written as lists on the model that declares the field.
    for model in apps.get_models(include_auto_created=True):
        if model._meta.auto_created and reaches_partnership(model):
            owner = model._meta.auto_created
            assert owner in set(owned_models()), model._meta.label
