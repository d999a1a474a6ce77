"""The add and edit form for a partnership's deciding bodies (partnerships.deciding_bodies)."""

from __future__ import annotations

from django import forms

from wellboard.partnerships.deciding_bodies import DecidingBody
from wellboard.partnerships.reference_forms import ReferenceForm


class DecidingBodyForm(ReferenceForm):
    """A body's name and its part; a stale edit and a name already used are refused."""

    stale_what = "deciding body"

    class Meta:
        model = DecidingBody
        fields = ["name", "part", "position"]
        labels = {"part": "Its part in the strategy's lifecycle", "position": "Order"}
        help_texts = {
            "name": "As minutes name it, for example NHS Elmbridge Vale Integrated Care Board.",
            "position": "Lower numbers come first.",
        }
        widgets = {"part": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter the body's name."}}
