"""The `rollup` macro of strategy/_macros.jinja as it was before every page drew the roll-up
through strategy/rollup_html.py and the macro was deleted: the reference the Python
roll-up, and the pages that draw it, are held to."""

from __future__ import annotations

from typing import Any

from django.template import engines

# strategy/_macros.jinja's `rag` and `rollup` macros as they were, copied verbatim.
OLD_MACROS = """{% macro rag(status, label) -%}
<strong class="wb-rag wb-rag--{{ status }}">{{ label }}</strong>
{%- endmacro %}

{% macro rollup(segments, counts, label) -%}
<div class="wb-bar" role="img" aria-label="{{ label }}: {% for s in segments %}{{ s.count }} {{ s.label | lower }}{{ ', ' if not loop.last }}{% endfor %}">
  {% for s in segments %}<span class="wb-bar__segment wb-rag--{{ s.status }} wb-w-{{ s.percent | round | int }}"></span>{% endfor %}
</div>
<p class="nhsuk-body-s">
  {% for s in segments %}{{ rag(s.status, s.label) }} {{ s.count }}&nbsp; {% endfor %}
  {% if counts.stale %}<span>· {{ counts.stale }} with no update for 90 days</span>{% endif %}
</p>
{%- endmacro %}
"""  # noqa: E501


def old_rollup() -> Any:
    """The old macro, to call as `rollup(bar(counts), counts, label)` or hand to a template
    as `rollup`, in the project's Jinja2 environment (autoescape, trimmed blocks)."""
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    return env.from_string(OLD_MACROS).module.rollup
