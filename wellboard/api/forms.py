"""The administrators' form for a new API token."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is it for?", max_length=200, help_text="For example, Power BI dashboard."
    )
    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label="Acts as",
        help_text="The token can do what this member's role allows, and nothing more.",
    )
    can_write = forms.BooleanField(
        required=False,
        label="Allow writing",
        help_text="Add updates and actions, and edit actions. Without it the token only reads.",
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(
            memberships__partnership=partnership, memberships__active=True, is_active=True
        )
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = members.order_by("username")
        field.label_from_instance = lambda u: u.get_full_name() or u.get_username()  # type: ignore[method-assign,assignment]
