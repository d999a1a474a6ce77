"""Every text box of every form has a length limit, so a long text is refused with a
message that says the limit and its length, and the text stays in the box (issue #12.9).

Walks the forms BUILDERS builds (tests/web/test_forms.py, which fails when a form class of
the app is missing from it), so a text box added later fails here until it has a limit.
"""

from __future__ import annotations

import pytest
from django import forms
from django.forms import BaseForm

from tests.web import test_forms
from tests.web.test_forms import BUILDERS, World

world = test_forms.world  # the registry's world, a fixture the tests below ask for

pytestmark = pytest.mark.django_db


# Django's own sign-in form: its password box is Django's, hashed not stored, and the
# request body is capped by DATA_UPLOAD_MAX_MEMORY_SIZE.
OURS = [c for c in BUILDERS if c.__module__.startswith("wellboard.")]


def test_the_walk_sees_the_forms_of_the_app() -> None:
    assert len(OURS) >= len(BUILDERS) - 1


@pytest.mark.parametrize("form_class", OURS, ids=lambda c: c.__name__)
def test_every_text_box_has_a_limit(world: World, form_class: type[BaseForm]) -> None:
    form, _ = BUILDERS[form_class](world)
    unlimited = [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField) and field.max_length is None
    ]
    assert not unlimited, f"{form_class.__name__}: no max_length on {unlimited}"
