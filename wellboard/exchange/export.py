"""Strategy -> exchange document. The inverse of `load.py`."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Prefetch

from wellboard.core.exchange import with_defaults
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action, Plan, Priority, Strategy, Theme


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _name(person: Any) -> str:
    return person.name if person else ""


def export_partnership(partnership: Partnership) -> dict[str, Any]:
    return {
        "name": partnership.name,
        "kind": partnership.kind,
        "area": partnership.area,
        "boards": [
            {"name": b.name, "short_name": b.short_name, "description": b.description}
            for b in partnership.boards.all()
        ],
        "organisations": [
            {"name": o.name, "acronym": o.acronym, "kind": o.kind, "website": o.website}
            for o in partnership.organisations.all()
        ],
        "members": [
            {
                "name": p.name,
                "job_title": p.job_title,
                "organisation": p.organisation.label if p.organisation else "",
                "board_role": p.board_role,
                "email": p.email,
            }
            for p in partnership.people.select_related("organisation")
        ],
    }


def _export_indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "polarity": indicator.polarity,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "baseline_period": indicator.baseline_period,
        "target": indicator.target,
        "target_date": _iso(indicator.target_date),
        "target_text": indicator.target_text,
    }


def export_action(action: Action) -> dict[str, Any]:
    return {
        "ref": action.ref,
        "title": action.title,
        "description": action.description,
        "leads": action.lead_labels(),
        "supporting": action.supporting_labels(),
        "lead_officer": _name(action.lead_officer),
        "due_text": action.due_text,
        "due_start": _iso(action.due_start),
        "due_end": _iso(action.due_end),
        "due_precision": action.due_precision,
        "ongoing": action.ongoing,
        "to_be_agreed": action.to_be_agreed,
        "outcome_measures": action.outcome_measures,
        "boards": [link.board.name for link in action.board_links.all()],
        "indicator_codes": [link.indicator.code for link in action.indicator_links.all()],
        "links": [link.other_strategy.title for link in action.strategy_links.all()],
        "role_type": action.role_type.key if action.role_type else "",
        "percent_complete": action.percent_complete,
        "milestones": [
            {
                "title": m.title,
                "due_text": m.due_text,
                "due_end": _iso(m.due_end),
                "done_on": _iso(m.done_on),
            }
            for m in action.milestones.all()
        ],
        "updates": [
            {
                "date": _iso(u.date),
                "date_text": u.date_text,
                "text": u.text,
                "rag": u.rag or None,
                "author": u.author_name,
                "percent_complete": u.percent_complete,
                "evidence_url": u.evidence_url,
            }
            for u in action.updates.all()
        ],
    }


def _export_priority(priority: Priority) -> dict[str, Any]:
    return {
        "ref": priority.ref,
        "title": priority.title,
        "description": priority.description,
        "lead_officer": _name(priority.lead_officer),
        "sub_plan": priority.sub_plan.title if priority.sub_plan else "",
        "actions": [export_action(a) for a in priority.actions.all()],
    }


def _export_theme(theme: Theme) -> dict[str, Any]:
    return {
        "ref": theme.ref,
        "title": theme.title,
        "description": theme.description,
        "lead_member": _name(theme.lead_member),
        "indicators": [link.indicator.code for link in theme.indicator_links.all()],
        "priorities": [_export_priority(p) for p in theme.priorities.all()],
    }


def _plans_with_everything(strategy: Strategy) -> list[Plan]:
    """All plans with their whole tree in a fixed number of queries, whatever the size."""
    # Archived records stay in the database but leave the exported plan.
    actions = Action.objects.filter(archived_at__isnull=True)
    actions = actions.select_related("lead_officer", "role_type")
    actions = actions.prefetch_related(
        "organisation_links__organisation",
        "board_links__board",
        "indicator_links__indicator",
        "strategy_links__other_strategy",
        "milestones",
        "updates",
    )
    priorities = Priority.objects.filter(archived_at__isnull=True)
    priorities = priorities.select_related("lead_officer", "sub_plan").prefetch_related(
        Prefetch("actions", queryset=actions)
    )
    themes = Theme.objects.filter(archived_at__isnull=True).select_related("lead_member")
    themes = themes.prefetch_related(
        "indicator_links__indicator", Prefetch("priorities", queryset=priorities)
    )
    plans = strategy.plans.filter(archived_at__isnull=True).order_by("position", "id")
    return list(plans.prefetch_related(Prefetch("themes", queryset=themes)))


def export_strategy(strategy: Strategy) -> dict[str, Any]:
    """The whole strategy as a canonical exchange document (no database ids)."""
    partnership = strategy.partnership
    plans = _plans_with_everything(strategy)
    main, others = (plans[0], plans[1:]) if plans else (None, [])
    document = {
        "format": "wellboard-plan",
        "version": 1,
        "title": strategy.title,
        "summary": strategy.summary,
        "period_start": strategy.period_start,
        "period_end": strategy.period_end,
        "status": strategy.status,
        "published": strategy.published,
        "approvals": [
            {"body": a.body, "date": _iso(a.date), "decision": a.decision, "note": a.note}
            for a in strategy.approvals.all()
        ],
        "partnership": export_partnership(partnership),
        "plan_title": main.title if main else "",
        "plan_kind": main.kind if main else "delivery",
        "plan_period": main.period if main else "",
        "themes": [_export_theme(t) for t in main.themes.all()] if main else [],
        "plans": [
            {
                "title": p.title,
                "kind": p.kind,
                "period": p.period,
                "themes": [_export_theme(t) for t in p.themes.all()],
            }
            for p in others
        ],
        "glossary": [{"term": g.term, "meaning": g.meaning} for g in partnership.glossary.all()],
        "indicators": [_export_indicator(i) for i in partnership.indicators.all()],
        "other_strategies": [
            {"title": o.title, "owner": o.owner, "url": o.url}
            for o in partnership.other_strategies.all()
        ],
    }
    return with_defaults(document)
