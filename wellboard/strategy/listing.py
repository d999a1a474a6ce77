"""The action list: filters read from the query string, the matching actions, CSV export."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpResponse, QueryDict

from wellboard.accounts.permissions import scoped
from wellboard.core.delivery import status_words
from wellboard.core.spreadsheet_cells import csv_cell
from wellboard.strategy.delivery import ActionState, action_queryset, action_state
from wellboard.strategy.models import Action, DeliveryStatus, ProgressUpdate

CSV_COLUMNS = [
    "id", "ref", "title", "theme", "priority", "lead organisations", "lead officer",
    "due", "due end", "role", "status", "percent", "suggested status", "latest update date",
    "latest update", "no update for 90 days", "url",
]  # fmt: skip


@dataclass
class ActionFilters:
    strategy: int | None = None
    theme: int | None = None
    board: int | None = None
    lead: int | None = None
    role_type: int | None = None  # "role" in the query string: a role type's id
    status: str = ""
    due_before: dt.date | None = None
    due_after: dt.date | None = None
    q: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> tuple[ActionFilters, list[str]]:
        """Parse leniently: a bad value is reported and ignored, never a server error."""
        errors: list[str] = []
        found = cls(q=query.get("q", "").strip()[:200])
        for name in ("strategy", "theme", "board", "lead"):
            raw = query.get(name, "")
            if raw:
                if raw.isdigit():
                    setattr(found, name, int(raw))
                else:
                    errors.append(f"{name} must be a number")
        for name in ("due_before", "due_after"):
            raw = query.get(name, "")
            if raw:
                try:
                    setattr(found, name, dt.date.fromisoformat(raw))
                except ValueError:
                    errors.append(f"{name.replace('_', ' ')} must be a date like 2027-03-31")
        role, status = query.get("role", ""), query.get("status", "")
        if role and not role.isdigit():
            errors.append("role must be a number")
        elif role:
            found.role_type = int(role)
        if status and status not in [*DeliveryStatus.values, "stale"]:
            errors.append("status is not a known status")
        elif status:
            found.status = status
        return found, errors

    def queryset(self, user: Any) -> QuerySet[Action]:
        actions = scoped(Action, user, action_queryset()).active()
        if self.strategy is not None:
            actions = actions.in_strategy(self.strategy)
        if self.theme is not None:
            actions = actions.in_theme(self.theme)
        lookups = {
            "board_links__board_id": self.board,
            "due_end__lt": self.due_before,
            "due_end__gt": self.due_after,
        }
        actions = actions.filter(**{k: v for k, v in lookups.items() if v is not None})
        if self.lead is not None:
            actions = actions.filter(
                organisation_links__organisation_id=self.lead, organisation_links__is_lead=True
            )
        if self.role_type:
            actions = actions.filter(role_type_id=self.role_type)
        if self.q:
            in_updates = ProgressUpdate.objects.filter(
                action=OuterRef("pk"), text__icontains=self.q
            )
            actions = actions.filter(
                Q(title__icontains=self.q)
                | Q(description__icontains=self.q)
                | Q(outcome_measures__icontains=self.q)
                | Q(ref__iexact=self.q)
                | Exists(in_updates)
            )
        return actions.select_related("priority__theme", "role_type").distinct().in_plan_order()

    def states(self, user: Any, on: dt.date) -> list[ActionState]:
        states = [action_state(a, on) for a in self.queryset(user)]
        if self.status == "stale":
            return [s for s in states if s.stale]
        return [s for s in states if not self.status or s.status == self.status]


def csv_response(states: list[ActionState], base_url: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="actions.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for s in states:
        a, latest = s.action, s.latest
        writer.writerow(
            map(
                csv_cell,
                [
                    a.pk,
                    a.ref,
                    a.title,
                    a.priority.theme.title,
                    a.priority.title,
                    "; ".join(a.lead_labels()),
                    a.lead_officer.name if a.lead_officer else "",
                    a.due_text,
                    a.due_end.isoformat() if a.due_end else "",
                    a.role_type.name if a.role_type else "",
                    status_words(s.status),
                    s.percent,
                    status_words(s.suggested) if s.suggested else "",
                    latest.date.isoformat() if latest and latest.date else "",
                    latest.text if latest else "",
                    "yes" if s.stale else "no",
                    base_url + a.get_absolute_url(),
                ],
            )
        )
    return response
