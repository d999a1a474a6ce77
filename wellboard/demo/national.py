"""`wellboard demo --scale national`: 150 invented partnerships in the demo's shape, for
measuring the app at the size of every Health and Wellbeing Board in England.

Each partnership has a published strategy whose plan has 8 themes x 5 priorities x 10
actions (400 actions), six dated updates an action, 17 indicators with 150 values each,
an administrator (`admin-N`) and a lead officer (`lead-N`) who leads a tenth of the
actions. In all: 60,000 actions, 360,000 updates and 382,500 indicator values.

The rows are written in bulk, not through the exchange loader (about 2,000 rows a
second): `bulk_create` for the records whose ids the next level needs, PostgreSQL's COPY
for updates and indicator values (bulk_create on SQLite), then each action's kept
delivery in one UPDATE (wellboard/strategy/delivery_cache.py). No history is recorded
and no signals run for the bulk rows: the dataset is generated, not edited.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import connection, models, transaction

from wellboard.accounts.models import Membership
from wellboard.indicators.models import Indicator, IndicatorValue
from wellboard.partnerships.models import Organisation, Partnership, Person
from wellboard.strategy.delivery_cache import refresh_delivery
from wellboard.strategy.models import (
    Action,
    ActionIndicator,
    ActionOrganisation,
    Plan,
    Priority,
    ProgressUpdate,
    Strategy,
    Theme,
)

NATIONAL = 150
THEMES, PRIORITIES, ACTIONS, UPDATES = 8, 5, 10, 6
INDICATORS, PERIODS, AREAS = 17, 10, 15
NAME_PREFIX = "National scale"
TODAY = dt.date(2026, 11, 1)
TOPICS = [
    "Best start in life", "Healthy weight", "Mental wellbeing", "Smoke-free communities",
    "Healthy ageing", "Housing and health", "Good work", "Safer communities",
]  # fmt: skip
VERBS = ["Expand", "Review", "Co-design", "Commission", "Pilot", "Embed", "Roll out", "Evaluate"]
THINGS = [
    "peer support", "outreach in the most deprived wards", "a social prescribing offer",
    "the falls prevention pathway", "school nursing capacity", "stop smoking support",
    "debt advice in GP practices", "the warm homes scheme", "a workplace health charter",
]  # fmt: skip
RAGS = ["green", "green", "green", "amber", "amber", "red", "complete", "not_started"]


def scale_size(text: str) -> int:
    """`national` is 150 partnerships; a number is that many (for smaller runs)."""
    if text == "national":
        return NATIONAL
    if text.isdigit() and 0 < int(text) <= 1000:
        return int(text)
    raise ValueError(f"--scale {text!r}: say national or a number of partnerships (1-1000)")


def copy_rows(model: type[models.Model], objects: Iterable[models.Model]) -> int:
    """Insert without ids coming back: COPY on PostgreSQL, bulk_create elsewhere."""
    if connection.vendor != "postgresql":
        return len(model._default_manager.bulk_create(list(objects), batch_size=2000))
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    count = 0
    with connection.cursor() as cursor:
        raw: Any = cursor.cursor
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection)
                                for f in fields])  # fmt: skip
                count += 1
    return count


def _bulk(model: type[models.Model], objects: list[Any]) -> list[Any]:
    return model._default_manager.bulk_create(objects, batch_size=2000)


class NationalBuilder:
    """Builds the partnerships level by level, each level in one bulk write."""

    def __init__(self, partnerships: int, seed: int = 17, report: Callable[[str], None] = print):
        self.n = partnerships
        self.random = random.Random(seed)  # noqa: S311 - invented data, not secrets
        self.report = report
        self.password = ""
        self.partnership_of_action: dict[int, int] = {}

    def build(self, password: str) -> dict[str, int]:
        self.password = make_password(password)  # one hash for every user: hashing is slow
        with transaction.atomic():
            partnerships = _bulk(Partnership, [
                Partnership(name=f"{NAME_PREFIX} {i + 1:03d}", slug=f"national-scale-{i + 1:03d}",
                            area=f"Area {i + 1:03d}")
                for i in range(self.n)
            ])  # fmt: skip
            people, organisations = self._people(partnerships)
            strategies = self._strategies(partnerships)
            priorities = self._plan_levels(strategies)
            actions = self._actions(priorities, people, organisations)
            updates = self._updates(actions)
            values = self._indicators(partnerships, actions)
            self._users(partnerships, people)
            refresh_delivery(Action.objects.filter(priority__theme__plan__strategy__in=strategies))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return {"partnerships": len(partnerships), "actions": len(actions),
                "updates": updates, "indicator values": values}  # fmt: skip

    def _people(self, partnerships: list[Partnership]) -> tuple[dict[int, list[Person]], Any]:
        orgs = _bulk(Organisation, [
            Organisation(partnership=p, name=f"{kind} {p.area}", acronym=f"{kind[:3].upper()}{j}")
            for p in partnerships
            for j, kind in enumerate(["County Council", "NHS Trust", "ICB", "Voluntary Action"])
        ])  # fmt: skip
        by_partnership: dict[int, list[Organisation]] = {}
        for org in orgs:
            by_partnership.setdefault(org.partnership_id, []).append(org)
        people = _bulk(Person, [
            Person(partnership=p, name=f"Officer {k + 1} of {p.area}",
                   organisation=by_partnership[p.pk][k % 4], email=f"officer{k}@example.org")
            for p in partnerships
            for k in range(10)
        ])  # fmt: skip
        found: dict[int, list[Person]] = {}
        for person in people:
            found.setdefault(person.partnership_id, []).append(person)
        return found, by_partnership

    def _strategies(self, partnerships: list[Partnership]) -> list[Strategy]:
        return _bulk(Strategy, [
            Strategy(partnership=p, title=f"{p.area} Joint Health and Wellbeing Strategy",
                     period_start=2024, period_end=2028, published=True)
            for p in partnerships
        ])  # fmt: skip

    def _plan_levels(self, strategies: list[Strategy]) -> list[Priority]:
        plans = _bulk(Plan, [Plan(strategy=s, title="Delivery plan") for s in strategies])
        themes = _bulk(Theme, [
            Theme(plan=plan, ref=str(t + 1), title=TOPICS[t], position=t)
            for plan in plans
            for t in range(THEMES)
        ])  # fmt: skip
        return _bulk(Priority, [
            Priority(theme=theme, ref=f"{theme.ref}.{k + 1}", position=k,
                     title=f"{VERBS[k % len(VERBS)]} {theme.title.lower()} priority {k + 1}")
            for theme in themes
            for k in range(PRIORITIES)
        ])  # fmt: skip

    def _actions(self, priorities: list[Priority], people: Any, orgs: Any) -> list[Action]:
        pick = self.random
        partnership_of = dict(
            Priority.objects.filter(pk__in=[p.pk for p in priorities]).values_list(
                "pk", "theme__plan__strategy__partnership_id"
            )
        )
        made = []
        for priority in priorities:
            partnership_id = partnership_of[priority.pk]
            for a in range(ACTIONS):
                due = TODAY + dt.timedelta(days=pick.randint(-200, 700))
                made.append(Action(
                    priority=priority, ref=f"{priority.ref}.{a + 1}", position=a,
                    title=f"{pick.choice(VERBS)} {pick.choice(THINGS)}",
                    description=f"{pick.choice(VERBS)} {pick.choice(THINGS)} with partners.",
                    lead_officer=people[partnership_id][a % 10], due_text=due.strftime("%B %Y"),
                    due_start=due - dt.timedelta(days=365), due_end=due, due_precision="month",
                ))  # fmt: skip
        actions = _bulk(Action, made)
        lead_org = {a.pk: orgs[partnership_of[a.priority_id]][a.position % 4] for a in actions}
        copy_rows(ActionOrganisation, (
            ActionOrganisation(action=a, organisation=lead_org[a.pk]) for a in actions
        ))  # fmt: skip
        self.partnership_of_action = {a.pk: partnership_of[a.priority_id] for a in actions}
        return actions

    def _updates(self, actions: list[Action]) -> int:
        pick = self.random

        def rows() -> Iterable[ProgressUpdate]:
            for action in actions:
                for u in range(UPDATES):
                    on = TODAY - dt.timedelta(days=91 * (UPDATES - u) + pick.randint(0, 20))
                    rag = pick.choice(RAGS)
                    yield ProgressUpdate(
                        action=action, date=on, rag=rag, author_name="Lead officer",
                        text=f"Quarter {u + 1}: {pick.choice(THINGS)} {rag.replace('_', ' ')}.",
                        percent_complete=min(100, 15 * (u + 1)) if u % 2 else None,
                    )  # fmt: skip

        return copy_rows(ProgressUpdate, rows())

    def _indicators(self, partnerships: list[Partnership], actions: list[Action]) -> int:
        indicators = _bulk(Indicator, [
            Indicator(partnership=p, code=f"PHOF {k // 4 + 1}.{k % 4 + 1:02d}",
                      name=f"Indicator {k + 1} of {p.area}", unit="%", baseline=50.0, target=60.0)
            for p in partnerships
            for k in range(INDICATORS)
        ])  # fmt: skip
        by_partnership: dict[int, list[Indicator]] = {}
        for indicator in indicators:
            by_partnership.setdefault(indicator.partnership_id, []).append(indicator)
        owner = self.partnership_of_action
        copy_rows(ActionIndicator, (
            ActionIndicator(action=a, indicator=by_partnership[owner[a.pk]][a.position])
            for a in actions
        ))  # fmt: skip

        def rows() -> Iterable[IndicatorValue]:
            for indicator in indicators:
                for year in range(PERIODS):
                    for area in range(AREAS):
                        value = 40 + self.random.random() * 30
                        yield IndicatorValue(
                            indicator=indicator, area_code=f"E0600{area:04d}",
                            area_name="England" if area == 0 else f"Area {area}",
                            period_label=f"{2015 + year}/{16 + year}", period_sort=2015 + year,
                            sex="Persons", age="All ages", value=value,
                            lower_ci95=value - 2, upper_ci95=value + 2,
                        )  # fmt: skip

        return copy_rows(IndicatorValue, rows())

    def _users(self, partnerships: list[Partnership], people: dict[int, list[Person]]) -> None:
        users = _bulk(User, [
            User(username=f"{role}-{i + 1}", password=self.password)
            for i in range(len(partnerships))
            for role in ("admin", "lead")
        ])  # fmt: skip
        _bulk(Membership, [
            Membership(user=users[2 * i], partnership=p, role=Membership.Role.ADMINISTRATOR)
            for i, p in enumerate(partnerships)
        ] + [
            Membership(user=users[2 * i + 1], partnership=p, role=Membership.Role.LEAD_OFFICER,
                       person=people[p.pk][0])
            for i, p in enumerate(partnerships)
        ])  # fmt: skip
