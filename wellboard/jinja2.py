"""The Jinja2 environment: NHS.UK frontend macros plus the few Django helpers templates need."""

from __future__ import annotations

from typing import Any

from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup, escape

from wellboard.core.delivery import SUGGESTED_STATUS_EXPLAINED, status_words
from wellboard.core.links import is_safe_link
from wellboard.web.action_table import action_table
from wellboard.web.drawn_once import drawn_once
from wellboard.web.filter_fields import input_params, select_params
from wellboard.web.form_params import error_list, field_params
from wellboard.web.summary_list import summary_list
from wellboard.web.tables import table_html


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def safe_link(link: str | None) -> str:
    """The link if it is http, https or mailto, else "" (for rows stored before the check)."""
    return link if link and is_safe_link(link) else ""


def csrf_input(request: Any) -> Markup:
    token = escape(get_token(request))
    return Markup(f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">')  # noqa: S704


def environment(**options: Any) -> Environment:
    """Build the environment with autoescaping on and NHS.UK macros on the loader path.

    ChainableUndefined lets the NHS.UK macros probe optional parameters
    (`params.hint.text`) without failing, which is how those macros are written.
    """
    app_loader = options.pop("loader")
    options["autoescape"] = True
    options["undefined"] = ChainableUndefined
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(  # noqa: S701 - autoescape is forced on just above
        loader=ChoiceLoader([app_loader, PackageLoader("nhsuk_frontend_jinja", "templates")]),
        **options,
    )
    env.globals.update(
        {"url": url, "static": static, "csrf_input": csrf_input, "get_messages": get_messages}
    )
    # Used by web/forms.jinja, the one module that draws forms, error summaries and tables.
    env.globals.update(
        {"field_params": field_params, "error_list": error_list, "table_html": table_html}
    )
    # The action table drawn in Python, for pages listing a lead's every action.
    env.globals["action_table"] = action_table
    # The NHS.UK summary list drawn around the macro's frame (the action page's details).
    env.globals["summary_list"] = summary_list
    # The one set of status words (wellboard.core.delivery), for every page.
    env.globals.update(
        {"status_words": status_words, "suggested_status_explained": SUGGESTED_STATUS_EXPLAINED}
    )
    # The layout's header, footer, breadcrumbs and skip link, drawn once per set of parameters.
    env.globals["drawn_once"] = drawn_once
    # Filter and search fields (web/forms.jinja's select and text_input), drawn once each.
    env.globals.update({"select_params": select_params, "input_params": input_params})
    from wellboard.partnerships.glossary import markup as glossary
    from wellboard.strategy.rollup_html import rollup
    from wellboard.web.navigation import navigation

    # The roll-up bar with its counts in words, for every page that shows one.
    env.globals["rollup"] = rollup

    env.globals["navigation"] = navigation  # the header menu, decided by the permission rules

    env.filters["glossary"] = glossary  # {{ text | glossary(terms) }}: acronyms as <abbr>
    # {% if x.url | safe_link %}: only http, https and mailto links are drawn (issue #12).
    env.filters["safe_link"] = safe_link
    return env
