"""Edit forms that refuse to overwrite a newer save (the "stale form" rule).

A versioned record carries a number that every save through a form claims with one
``UPDATE ... WHERE version = n``: of two people who opened the same form, the second to
save is told that someone else saved first, and nothing of theirs is written over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.http import QueryDict

STALE_MESSAGE = (
    "Someone else saved this {what} after you opened the form, so nothing was saved. "
    "Check the {what} as it is now, then save again to replace it with the values below."
)


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save through a form."
    )

    class Meta:
        abstract = True


if TYPE_CHECKING:
    _ModelFormBase = forms.ModelForm  # mixin typing only
else:
    _ModelFormBase = object


class VersionedFormMixin(_ModelFormBase):
    """Mixed into a model form (``class F(VersionedFormMixin, forms.ModelForm)``): a hidden
    version, and saving an edit of a record that changed since the form was drawn adds a
    form error instead (``stale`` is then True)."""

    stale: bool = False
    version_field: ClassVar[str] = "version"
    stale_what: ClassVar[str] = "record"  # "theme", "good practice example", ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["version"] = getattr(self.instance, self.version_field)

    def save(self, commit: bool = True) -> Any:
        """Claim the next version and save in one transaction; a lost race is an error."""
        instance = self.instance
        if instance.pk is None:
            return super().save(commit)
        with transaction.atomic():
            claimed = (
                type(instance)
                ._default_manager.filter(
                    pk=instance.pk, **{self.version_field: self.cleaned_data.get("version")}
                )
                .update(**{self.version_field: F(self.version_field) + 1})
            )
            if not claimed:
                raise StaleVersion(instance)
            setattr(instance, self.version_field, (self.cleaned_data.get("version") or 0) + 1)
            return super().save(commit)

    def save_or_report(self) -> Any | None:
        """Save, or add the stale-version error to the form and answer None."""
        try:
            return self.save()
        except StaleVersion as error:
            self.stale = True
            current = type(error.instance)._default_manager.get(pk=error.instance.pk)
            data = QueryDict(mutable=True)
            data.update(self.data)
            data[self.add_prefix("version")] = str(getattr(current, self.version_field))
            self.data = data
            self.add_error(None, self._stale_message(current))
            return None

    def _stale_message(self, current: models.Model) -> str:
        """The refusal, naming the fields whose saved value now differs from those sent."""
        message = STALE_MESSAGE.format(what=self.stale_what)
        saved = forms.model_to_dict(current)
        differ = [
            str(field.label or name)
            for name, field in self.fields.items()
            if name in saved and _text(saved[name]) != _text(self.cleaned_data.get(name))
        ]
        if differ:
            message += " Saved now with other values: " + ", ".join(differ) + "."
        return message


class StaleVersion(Exception):
    """The record was saved by someone else since the form was drawn."""

    def __init__(self, instance: models.Model) -> None:
        super().__init__(f"{instance} changed since the form was opened.")
        self.instance = instance


def _text(value: Any) -> str:
    """A field's value in a form comparable between the record and the cleaned data."""
    if isinstance(value, models.QuerySet | list | tuple | set):
        return ",".join(sorted(str(getattr(v, "pk", v)) for v in value))
    if isinstance(value, models.Model):
        return str(value.pk)
    return "" if value is None else str(value)
