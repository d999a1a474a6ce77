"""Forms an administrator uses for the partnership's members: invite, change role/person."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from wellboard.accounts.models import Membership
from wellboard.base.versioning import VersionedFormMixin

PERSON_HINT = "Link the account to the person in the directory, so they see their actions."


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=150)
    name = forms.CharField(label="Their name", required=False, max_length=200)
    role = forms.ChoiceField(
        label="Role", choices=Membership.Role.choices, widget=forms.RadioSelect
    )
    person: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Person in the directory",
        queryset=None,
        required=False,
        help_text=PERSON_HINT,
        empty_label="Not linked",
    )

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = people


class MembershipForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "person"]
        widgets = {"role": forms.RadioSelect}
        labels = {"person": "Person in the directory"}
        help_texts = {"person": PERSON_HINT}

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = people
        person.empty_label = "Not linked"
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = Membership.Role.choices  # no blank: every member has a role
