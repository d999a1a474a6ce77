"""The read outline as an exchange-format plan, with refs filled in and links gathered.

Refs the document does not give are numbered by position (theme.priority.action, "1.2.3"),
so every theme, priority and action leaves with one.
"""

from __future__ import annotations

from typing import Any

from wellboard.core.parsing.glossary import acronyms_in
from wellboard.core.parsing.outline import PriorityAcc, ThemeAcc
from wellboard.core.parsing.text_rules import make_title

# The exchange format's limit on a plan's title; a longer heading keeps its whole text as
# the summary, so nothing the document said is lost.
PLAN_TITLE_MAX = 300


def plan_dict(
    title: str,
    themes: list[dict[str, Any]],
    sub_plans: list[str],
    glossary: list[dict[str, str]],
) -> dict[str, Any]:
    summary = ""
    if len(title) > PLAN_TITLE_MAX:
        title, summary = make_title(title)
    return {
        "format": "wellboard-plan",
        "version": 1,
        "title": title,
        "summary": summary,
        "themes": themes,
        "plans": [
            {"title": name, "kind": "sub_plan", "period": "", "themes": []} for name in sub_plans
        ],
        "glossary": glossary,
        "indicators": [],
        "other_strategies": _other_strategies(themes),
    }


def theme_dicts(themes: list[ThemeAcc]) -> list[dict[str, Any]]:
    return [_theme_dict(theme, index) for index, theme in enumerate(themes, start=1)]


def acronym_warning(themes: list[dict[str, Any]], glossary: list[dict[str, str]]) -> str | None:
    """The acronyms in leads and supporting organisations that the glossary leaves undefined."""
    if not glossary:
        return None
    terms = {entry["term"] for entry in glossary}
    missing: list[str] = []
    for action in _all_actions(themes):
        for name in action["leads"] + action["supporting"]:
            for acronym in acronyms_in(name):
                known = acronym in terms or acronym.rstrip("s") in terms
                if not known and acronym not in missing:
                    missing.append(acronym)
    if not missing:
        return None
    return (
        "acronyms in leads or supporting organisations that the glossary does not "
        f"define: {', '.join(missing)}"
    )


def _theme_dict(theme: ThemeAcc, index: int) -> dict[str, Any]:
    ref = theme.ref or str(index)
    priorities = [
        _priority_dict(priority, ref, number)
        for number, priority in enumerate(theme.priorities, start=1)
    ]
    return {
        "ref": ref,
        "title": theme.title,
        "description": "\n".join(theme.description),
        "lead_member": theme.lead_member,
        "indicators": list(theme.indicators),
        "priorities": priorities,
    }


def _priority_dict(priority: PriorityAcc, theme_ref: str, number: int) -> dict[str, Any]:
    ref = priority.ref or f"{theme_ref}.{number}"
    actions = []
    for count, action in enumerate(priority.actions, start=1):
        item = dict(action)
        item["ref"] = action["ref"] or f"{ref}.{count}"
        item["title"] = item["title"] or "Untitled action"
        actions.append(item)
    return {
        "ref": ref,
        "title": priority.title,
        "description": "\n".join(priority.description),
        "lead_officer": priority.lead_officer,
        "sub_plan": priority.sub_plan,
        "actions": actions,
    }


def _all_actions(themes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        action
        for theme in themes
        for priority in theme["priorities"]
        for action in priority["actions"]
    ]


def _other_strategies(themes: list[dict[str, Any]]) -> list[dict[str, str]]:
    titles: list[str] = []
    for action in _all_actions(themes):
        titles.extend(link for link in action["links"] if link not in titles)
    return [{"title": title, "owner": "", "url": ""} for title in titles]
