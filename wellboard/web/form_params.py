"""Django bound fields as parameters for the NHS.UK frontend Jinja macros.

`web/jinja2/web/forms.jinja` is the one place forms are drawn; it asks `field_params` which
NHS.UK macro draws a field and with what, so every field gets the same label, hint, error
message and `aria-describedby` wiring, with the input's id equal to the field's `auto_id`
(what the label's `for` and the error summary's links point at). Whether a field is a
radio group or a drop-down is decided by its widget in the form class, not in templates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django import forms
from django.forms.boundfield import BoundField

# Widget attributes the macros set from the field itself, or that NHS.UK forms do not use:
# `required` and `maxlength` would let the browser refuse or truncate silently, where the
# server's error message (or a character count) says what is wrong.
_HANDLED = {"class", "id", "name", "type", "value", "rows", "cols", "required", "maxlength"}
_MACRO_PARAMS = ("autocomplete", "inputmode", "spellcheck", "autocapitalize", "pattern")
_NUMERIC_ONLY = {"min", "max", "step"}  # not valid on the text inputs numbers are drawn as
_WIDTHS = (2, 3, 4, 5, 10, 20, 30)


def field_params(
    bf: BoundField,
    *,
    label: str | None = None,
    hint: str | None = None,
    width: int | str | None = None,
    classes: str | None = None,
    attributes: Mapping[str, Any] | None = None,
    choices: Iterable[Sequence[Any]] | None = None,
    value: Any = None,
    legend_size: str = "s",
) -> dict[str, Any]:
    """{"macro": name of the NHS.UK macro, "params": its parameters} for one bound field.

    `choices` replaces the field's own (value, label[, hint]) options, for fields whose
    options the view supplies (the import target); `value` replaces the bound value.
    Parameters left unset are left out, as the macros expect.
    """
    found = _field_params(bf, label, hint, width, classes, attributes, choices, value, legend_size)
    found["params"] = {k: v for k, v in found["params"].items() if v is not None}
    return found


def _field_params(
    bf: BoundField,
    label: str | None,
    hint: str | None,
    width: int | str | None,
    classes: str | None,
    attributes: Mapping[str, Any] | None,
    choices: Iterable[Sequence[Any]] | None,
    value: Any,
    legend_size: str,
) -> dict[str, Any]:
    widget = bf.field.widget
    if widget.is_hidden:
        return {"macro": "hidden", "params": {}}
    current = bf.value() if value is None else value
    hint_text = hint if hint is not None else bf.help_text
    params: dict[str, Any] = {
        "name": bf.html_name,
        "hint": {"text": str(hint_text)} if hint_text else None,
        "errorMessage": {"text": " ".join(str(e) for e in bf.errors)} if bf.errors else None,
        "classes": classes,
        "disabled": bf.field.disabled or None,
    }
    params |= _widget_attrs(widget.attrs)
    params["attributes"] |= attributes or {}
    text = str(label if label is not None else bf.label)
    if isinstance(widget, forms.CheckboxInput):
        # One box: its hint sits under its label, as the item's hint.
        item = {"value": "on", "text": text, "checked": widget.check_test(current)}
        if params.get("hint"):
            item["hint"] = params.pop("hint") | {"id": f"{bf.auto_id}-hint"}
        params |= {"idPrefix": bf.auto_id, "items": [item]}
        return {"macro": "checkboxes", "params": params}
    if isinstance(widget, forms.RadioSelect):  # CheckboxSelectMultiple is a RadioSelect too
        macro = "checkboxes" if widget.allow_multiple_selected else "radios"
        params |= {
            "idPrefix": bf.auto_id,
            "fieldset": {"legend": {"text": text, "size": legend_size}},
            "items": _items(bf, choices, current, "checked"),
        }
        return {"macro": macro, "params": params}
    params |= {"id": bf.auto_id, "label": {"text": text}}
    if isinstance(widget, forms.Select):
        params["items"] = _items(bf, choices, current, "selected")
        if widget.allow_multiple_selected:
            params["attributes"]["multiple"] = {"value": True, "optional": True}
        return {"macro": "select", "params": params}
    if isinstance(widget, forms.FileInput):
        params["multiple"] = widget.allow_multiple_selected or None
        return {"macro": "fileUpload", "params": params}
    if isinstance(widget, forms.Textarea):
        params |= {"value": _text(widget, current), "rows": widget.attrs.get("rows", 5)}
        max_length = getattr(bf.field, "max_length", None)
        if max_length:
            params["maxlength"] = max_length
            return {"macro": "characterCount", "params": params}
        return {"macro": "textarea", "params": params}
    return {"macro": "input", "params": params | _input(bf, current, width)}


def _input(bf: BoundField, current: Any, width: int | str | None) -> dict[str, Any]:
    """Type, value and width of a one-line input.

    Numbers are text inputs with a numeric keyboard, as the NHS.UK service manual advises
    (a number input changes its value on scroll and rejects some valid entries); dates use
    the browser's date picker, whose value is always ISO 8601 whatever the locale.
    """
    widget = bf.field.widget
    kind = getattr(widget, "input_type", "text")
    extra: dict[str, Any] = {}
    if isinstance(widget, forms.NumberInput):
        whole = isinstance(bf.field, forms.IntegerField)
        kind, extra = "text", {"inputmode": "numeric" if whole else "decimal", "spellcheck": False}
        width = width or (_width(getattr(bf.field, "max_value", None)) if whole else 10)
        return {"type": kind, "value": _number(current), "width": width, **extra}
    if isinstance(widget, forms.DateInput):
        value = current.isoformat() if isinstance(current, dt.date) else (current or "")
        return {"type": "date", "value": value, "width": width or 10}
    if isinstance(widget, forms.PasswordInput) and not widget.render_value:
        return {"type": "password", "width": width}
    if kind in ("email", "url"):
        extra = {"spellcheck": False}
    return {"type": kind, "value": _text(widget, current), "width": width, **extra}


def _widget_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The widget's own attrs: those the macros take by name, the rest as `attributes`."""
    params: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, raw in attrs.items():
        if name in _HANDLED or name in _NUMERIC_ONLY or raw is None or raw is False:
            continue
        if name in _MACRO_PARAMS:
            params[name] = raw
        elif raw is True:
            extra[name] = {"value": True, "optional": True}
        else:
            extra[name] = str(raw)
    return params | {"attributes": extra}


def _items(
    bf: BoundField, choices: Iterable[Sequence[Any]] | None, current: Any, state: str
) -> list[dict[str, Any]]:
    """Options with their checked/selected state; the widget decides it for its own choices."""
    if choices is None:
        return [
            {"value": str(w.data["value"]), "text": str(w.data["label"]), state: w.data["selected"]}
            for w in bf.subwidgets
        ]
    chosen = {str(v) for v in current} if isinstance(current, list | tuple) else {str(current)}
    items = []
    for choice in choices:
        item = {"value": str(choice[0]), "text": str(choice[1]), state: str(choice[0]) in chosen}
        if len(choice) > 2 and choice[2]:
            item["hint"] = {"text": str(choice[2])}
        items.append(item)
    return items


def _text(widget: forms.Widget, current: Any) -> str:
    formatted = widget.format_value(current)
    return "" if formatted is None else str(formatted)


def _number(current: Any) -> str:
    if current is None:
        return ""
    if isinstance(current, float) and current.is_integer():
        return str(int(current))
    return str(current)


def _width(max_value: Any) -> int:
    digits = len(str(max_value)) if isinstance(max_value, int) else 5
    return next(w for w in _WIDTHS if w >= digits)


def error_list(
    forms_: forms.BaseForm | Iterable[forms.BaseForm] | None = None,
    messages: Iterable[str | Mapping[str, str]] = (),
) -> list[dict[str, str]]:
    """The error summary's items: each links to its field's input, in the order of the form.

    Errors of the whole form, and of hidden fields the user cannot change, link to the
    form's first visible field. `messages` adds errors that belong to no form.
    """
    if forms_ is None:
        forms_ = []
    elif isinstance(forms_, forms.BaseForm):
        forms_ = [forms_]
    items: list[dict[str, str]] = []
    for form in forms_:
        visible = form.visible_fields()
        first = f"#{visible[0].auto_id}" if visible else None
        for error in form.non_field_errors():
            items.append(_item(str(error), first))
        for bf in form:
            for error in bf.errors:
                items.append(_item(str(error), first if bf.is_hidden else f"#{bf.auto_id}"))
    for message in messages:
        items.append(dict(message) if isinstance(message, Mapping) else {"text": str(message)})
    return items


def _item(text: str, href: str | None) -> dict[str, str]:
    return {"text": text, "href": href} if href else {"text": text}
