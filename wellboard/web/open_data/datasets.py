"""The rows of the open data files: a published strategy's actions and its indicators.

Only published strategies (the views look them up through `published()`), only actions
and themes not archived, only approved updates (the delivery queryset counts no other),
and a lead officer's name only where the partnership publishes names. The columns are
core/open_data.py's, written once for the page, the CSV and the JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from wellboard.core.delivery import status_words
from wellboard.core.open_data import LICENCES
from wellboard.indicators.models import Indicator, IndicatorValue
from wellboard.strategy.delivery import action_queryset, action_state
from wellboard.strategy.models import Action, Strategy, Theme


def published_strategies() -> QuerySet[Strategy]:
    """Every published strategy, by partnership then title."""
    strategies = Strategy.objects.published().active().select_related("partnership")
    return strategies.order_by("partnership__name", "title")


def about(strategy: Strategy, dataset: str, today: date) -> dict[str, Any]:
    """What a JSON file is: the strategy, the partnership, the licence, the date made."""
    licence = LICENCES[strategy.partnership.open_data_licence]
    return {
        "dataset": dataset,
        "strategy": {"id": strategy.pk, "title": strategy.title, "period": strategy.period},
        "publisher": strategy.partnership.name,
        "licence": {"name": licence.name, "url": licence.url},
        "date": today.isoformat(),
    }


def action_rows(strategy: Strategy, today: date) -> list[dict[str, Any]]:
    named = strategy.partnership.publish_names
    actions = (
        action_queryset()
        .in_strategy(strategy)
        .active()
        .select_related("priority__theme")
        .in_plan_order()
    )
    rows = []
    for action in actions:
        state = action_state(action, today)
        latest = max((u.date for u in action.updates.all() if u.date), default=None)
        rows.append(
            {
                "strategy_id": strategy.pk,
                "strategy": strategy.title,
                "action_id": action.pk,
                "ref": action.ref,
                "title": action.title,
                "theme": action.priority.theme.title,
                "priority": action.priority.title,
                "lead_organisations": "; ".join(action.lead_labels()),
                "lead_officer": action.lead_officer.name if named and action.lead_officer else "",
                "due": action.due_text,
                "due_end": action.due_end.isoformat() if action.due_end else None,
                "status": status_words(state.status),
                "percent_complete": state.percent,
                "latest_update_date": latest.isoformat() if latest else None,
            }
        )
    return rows


def strategy_indicators(strategy: Strategy) -> QuerySet[Indicator]:
    """The indicators the strategy's active actions or themes are linked to."""
    actions = Action.objects.in_strategy(strategy).active()
    themes = Theme.objects.in_strategy(strategy).active()
    linked = Q(actions__in=actions) | Q(themes__in=themes)
    found = Indicator.objects.filter(linked).distinct().select_related("catalogue_entry")
    return found.order_by("code", "pk")


def indicator_rows(strategy: Strategy) -> list[dict[str, Any]]:
    indicators = {i.pk: i for i in strategy_indicators(strategy)}
    order = ["indicator__code", "indicator_id", "area_code", "period_sort", "sex", "age"]
    values = IndicatorValue.objects.filter(indicator_id__in=indicators).order_by(
        *order, "category", "pk"
    )
    return [
        {
            "strategy_id": strategy.pk,
            "indicator_id": v.indicator_id,
            "code": indicators[v.indicator_id].code,
            "indicator": indicators[v.indicator_id].name,
            "unit": indicators[v.indicator_id].effective_unit,
            "area_code": v.area_code,
            "area_name": v.area_name,
            "period": v.period_label,
            "sex": v.sex,
            "age": v.age,
            "category": v.category,
            "value": v.value,
            "lower_ci95": v.lower_ci95,
            "upper_ci95": v.upper_ci95,
            "source": v.get_source_display(),
        }
        for v in values
    ]
