"""What a write may send. These check only the shape (types, ranges) and describe it in
the schema; whether the values make sense is decided by the web's own forms and service
functions (writing.py), so a write through the API is refused exactly when the page
would refuse it."""

from __future__ import annotations

from rest_framework import serializers

from wellboard.core.limits import LONG_TEXT, TITLE_TEXT
from wellboard.core.links import MAX_LINK_LENGTH
from wellboard.strategy.models import Action, Rag

MAX_ID = 2**53  # ids beyond this are no one's, and beyond 2**63 a database error


def _id(**kwargs: object) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


# As the forms say it: the limit and the length sent (Django's validator fills it in).
TOO_LONG = "Ensure this value has at most {max_length} characters (it has %(show_value)d)."


def _text(required: bool = False, max_length: int = LONG_TEXT) -> serializers.CharField:
    """A text with its limit (core/limits.py), stated in the schema; the form refuses too."""
    return serializers.CharField(
        required=required,
        allow_blank=not required,
        trim_whitespace=False,
        max_length=max_length,
        error_messages={"max_length": TOO_LONG},
    )


def _column(name: str) -> int:
    length = getattr(Action._meta.get_field(name), "max_length", None)
    assert isinstance(length, int)
    return length


def _ids() -> serializers.ListField:
    return serializers.ListField(child=_id(), required=False, max_length=500)


class UpdateInput(serializers.Serializer):
    """A progress update, as the "Add an update" page takes it."""

    date = serializers.DateField()
    rag = serializers.ChoiceField(choices=Rag.choices)
    text = _text(required=True)
    percent_complete = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True
    )
    evidence_url = _text(max_length=MAX_LINK_LENGTH)
    override_reason = _text()
    supersedes = _id(required=False, allow_null=True, help_text="The update this corrects.")


class ActionFields(serializers.Serializer):
    """Every field of an action the administrators' form holds."""

    priority = _id(required=False)
    ref = _text(max_length=_column("ref"))
    title = _text(max_length=TITLE_TEXT)
    description = _text()
    lead_officer = _id(required=False, allow_null=True)
    role_type = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=50,
        help_text="The role type's key, e.g. direct.",
    )
    due_text = _text(max_length=_column("due_text"))
    outcome_measures = _text()
    weight = serializers.IntegerField(min_value=0, max_value=32767, required=False)
    leads = _ids()
    supporting = _ids()
    boards = _ids()
    indicators = _ids()
    links = _ids()
    milestones = _text()
    confirm_due = serializers.BooleanField(
        required=False, help_text="Keep due wording that cannot be read as a date."
    )


class ActionCreateInput(ActionFields):
    priority = _id()
    title = _text(required=True, max_length=TITLE_TEXT)


class ActionEditInput(ActionFields):
    """Only the fields sent change. A lead officer may send title, description,
    outcome_measures, role_type and due_text (due date and outcome changes may wait for
    approval, as on the web)."""
