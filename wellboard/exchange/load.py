"""Exchange document -> strategy, in one transaction. The inverse of `export.py`."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from wellboard.core.exchange import ExchangeError, validate, with_defaults
from wellboard.exchange.references import References
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
    ApprovalDecision,
    Milestone,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    Theme,
    ThemeIndicator,
)

STRATEGY_FIELDS = ("title", "summary", "period_start", "period_end", "status", "published")


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise ExchangeError(f"{value!r} is not a real date") from exc


def _partnership_for(document: dict[str, Any], given: Partnership | None) -> Partnership:
    if given is not None:
        return given
    block = document.get("partnership")
    if block:
        partnership, _ = Partnership.objects.get_or_create(
            name=block["name"], defaults={"kind": block["kind"], "area": block["area"]}
        )
        return partnership
    only = list(Partnership.objects.all()[:2])
    if len(only) == 1:
        return only[0]
    raise ExchangeError("the document names no partnership: give one with --partnership")


@transaction.atomic
def load_strategy(
    document: dict[str, Any],
    *,
    strategy: Strategy | None = None,
    partnership: Partnership | None = None,
) -> Strategy:
    """Create a strategy from a document, or replace the plans of `strategy` with it.

    Everything happens in one transaction, so a document that fails half-way leaves the
    database as it was.
    """
    validate(document)
    document = with_defaults(document)
    if strategy is not None:
        partnership = strategy.partnership
    partnership = _partnership_for(document, partnership)
    refs = References(partnership)
    refs.merge(document)

    if strategy is None:
        strategy = Strategy(partnership=partnership)
    else:
        strategy.plans.all().delete()
        strategy.approvals.all().delete()
    for field in STRATEGY_FIELDS:
        setattr(strategy, field, document[field])
    strategy.save()

    for approval in document["approvals"]:
        ApprovalDecision.objects.create(
            strategy=strategy,
            body=approval["body"],
            date=_date(approval["date"]),
            decision=approval["decision"],
            note=approval["note"],
        )
    main = {
        "title": document["plan_title"] or document["title"],
        "kind": document["plan_kind"],
        "period": document["plan_period"],
        "themes": document["themes"],
    }
    _PlanWriter(strategy, refs).write([main, *document["plans"]])
    return strategy


class _PlanWriter:
    """Writes plans in document order; sub-plan references are resolved once all exist."""

    def __init__(self, strategy: Strategy, refs: References) -> None:
        self.strategy = strategy
        self.refs = refs
        self.sub_plan_wanted: list[tuple[Priority, str]] = []

    def write(self, plans: list[dict[str, Any]]) -> None:
        by_title: dict[str, Plan] = {}
        for position, data in enumerate(plans):
            plan = Plan.objects.create(
                strategy=self.strategy,
                title=data["title"],
                kind=data["kind"],
                period=data["period"],
                position=position,
            )
            by_title.setdefault(plan.title, plan)
            for theme_position, theme in enumerate(data["themes"]):
                self._theme(plan, theme, theme_position)
        for priority, title in self.sub_plan_wanted:
            if title not in by_title:
                raise ExchangeError(f"priority {priority.title[:40]!r}: no plan titled {title!r}")
            priority.sub_plan = by_title[title]
            priority.save(update_fields=["sub_plan"])

    def _theme(self, plan: Plan, data: dict[str, Any], position: int) -> None:
        theme = Theme.objects.create(
            plan=plan,
            ref=data["ref"],
            title=data["title"],
            description=data["description"],
            lead_member=self.refs.person_or_none(data["lead_member"]),
            position=position,
        )
        ThemeIndicator.objects.bulk_create(
            ThemeIndicator(theme=theme, indicator=self.refs.indicator(code), position=i)
            for i, code in enumerate(data["indicators"])
        )
        for priority_position, priority in enumerate(data["priorities"]):
            self._priority(theme, priority, priority_position)

    def _priority(self, theme: Theme, data: dict[str, Any], position: int) -> None:
        priority = Priority.objects.create(
            theme=theme,
            ref=data["ref"],
            title=data["title"],
            description=data["description"],
            lead_officer=self.refs.person_or_none(data["lead_officer"]),
            position=position,
        )
        if data["sub_plan"]:
            self.sub_plan_wanted.append((priority, data["sub_plan"]))
        for action_position, action in enumerate(data["actions"]):
            self._action(priority, action, action_position)

    def _action(self, priority: Priority, data: dict[str, Any], position: int) -> None:
        refs = self.refs
        action = Action.objects.create(
            priority=priority,
            ref=data["ref"],
            title=data["title"],
            description=data["description"],
            lead_officer=refs.person_or_none(data["lead_officer"]),
            due_text=data["due_text"],
            due_start=_date(data["due_start"]),
            due_end=_date(data["due_end"]),
            due_precision=data["due_precision"],
            ongoing=data["ongoing"],
            to_be_agreed=data["to_be_agreed"],
            outcome_measures=data["outcome_measures"],
            role_type=data["role_type"],
            percent_complete=data["percent_complete"],
            position=position,
        )
        orgs = [(label, True) for label in data["leads"]]
        orgs += [(label, False) for label in data["supporting"]]
        ActionOrganisation.objects.bulk_create(
            ActionOrganisation(
                action=action, organisation=refs.organisation(label), is_lead=lead, position=i
            )
            for i, (label, lead) in enumerate(orgs)
        )
        ActionBoard.objects.bulk_create(
            ActionBoard(action=action, board=refs.board(name), position=i)
            for i, name in enumerate(data["boards"])
        )
        ActionIndicator.objects.bulk_create(
            ActionIndicator(action=action, indicator=refs.indicator(code), position=i)
            for i, code in enumerate(data["indicator_codes"])
        )
        ActionLink.objects.bulk_create(
            ActionLink(action=action, other_strategy=refs.other_strategy(title), position=i)
            for i, title in enumerate(data["links"])
        )
        Milestone.objects.bulk_create(
            Milestone(
                action=action,
                title=m["title"],
                due_text=m["due_text"],
                due_end=_date(m["due_end"]),
                done_on=_date(m["done_on"]),
                position=i,
            )
            for i, m in enumerate(data["milestones"])
        )
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                action=action,
                date=_date(u["date"]),
                date_text=u["date_text"],
                text=u["text"],
                rag=u["rag"] or "",
                author_name=u["author"],
                percent_complete=u["percent_complete"],
                evidence_url=u["evidence_url"],
            )
            for u in data["updates"]
        )
