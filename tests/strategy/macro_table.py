"""The action table as the Jinja macros drew it before web/action_table.py drew it in
Python: the reference both drawings of the table are held to."""

from __future__ import annotations

from django.template import engines

# strategy/_action_table.jinja as it was, row by row through the macros: the reference.
MACRO_TABLE = """{% from "strategy/_macros.jinja" import status_tag %}
{% from "partnerships/_macros.jinja" import role_marker %}
{% import "web/forms.jinja" as forms %}
{% if states %}
{% set rows = [] %}
{% for s in states %}
  {% set action_cell %}<a href="{{ url('strategy:action', s.action.pk) }}">{{ s.action.ref }} {{ s.action.title }}</a>{% if s.action.role_type %}<br>{{ role_marker(s.action.role_type, "nhsuk-body-s") }}{% endif %}{% endset %}
  {% set _ = rows.append([{"html": action_cell}, s.action.lead_labels() | join(", "), s.action.due_text or "", {"html": status_tag(s)}, s.percent ~ "%"]) %}
{% endfor %}
{{ forms.table(["Action", "Lead", "Due", "Status", "Progress"], rows, caption="Actions", caption_hidden=true, responsive=true) }}
{% else %}
<p>No actions match.</p>
{% endif %}
"""  # noqa: E501


def draw(source: str, states: list[object]) -> str:
    """The markup, whitespace between elements aside (the template's lines and indents)."""
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    return " ".join(str(env.from_string(source).render(states=states)).split())
