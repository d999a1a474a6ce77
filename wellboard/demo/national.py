"""`wellboard demo --scale national`: 150 invented partnerships in the demo's shape, for
measuring the app at the size of every Health and Wellbeing Board in England.

Each partnership has a published strategy whose plan has 8 themes x 5 priorities x 10
actions (400 actions), six dated updates an action, 17 indicators with 150 values each,
an administrator (`admin-N`) and a lead officer (`lead-N`) who leads a tenth of the
actions. In all: 60,000 actions, 360,000 updates and 382,500 indicator values.

The rows are written in bulk, not through the exchange loader (about 2,000 rows a
second): `bulk_create` for the few records whose ids the next level needs, and plain rows
of values (no model objects: building 800,000 of them was most of the build's CPU) for
actions, updates, links and indicator values, by PostgreSQL's COPY (executemany on
SQLite). On PostgreSQL those tables' indexes and foreign keys are dropped for the COPY
and made again after it, which checks every row in one pass instead of one trigger per
row; the build holds those tables to itself until it commits. Then each action's kept
delivery is worked out in one set-based statement (wellboard/strategy/delivery_bulk.py)
and the written tables are analysed. No history is recorded and no signals run for the
bulk rows: the dataset is generated, not edited.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import connection, models, transaction

from wellboard.accounts.models import Membership
from wellboard.indicators.models import Indicator, IndicatorValue
from wellboard.partnerships.models import Organisation, Partnership, Person
from wellboard.strategy.delivery_bulk import refresh_delivery_set
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


def fixed_values(model: type[models.Model], varying: Sequence[str]) -> dict[str, Any]:
    """Each other column's value as a new record would save it (defaults, `now`)."""
    template = model()
    return {
        f.column: f.get_db_prep_save(f.pre_save(template, True), connection)
        for f in model._meta.concrete_fields
        if not f.primary_key and f.column not in varying
    }


def insert_rows(model: type[models.Model], varying: Sequence[str], rows: Iterable[Any]) -> int:
    """Insert rows of values for the `varying` columns (ready for the database); every
    other column takes what a new record would have. COPY on PostgreSQL, else executemany.
    """
    fixed = fixed_values(model, varying)
    columns = [*varying, *fixed]
    rest = tuple(fixed.values())
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw: Any = cursor.cursor
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, *rest))
                    count += 1
            return count
        marks = ", ".join(["%s"] * len(columns))
        insert = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - names from the model
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append((*row, *rest))
            if len(batch) == 2000:
                cursor.executemany(insert, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(insert, batch)
        return count + len(batch)


@contextmanager
def checked_after(*chosen: type[models.Model]) -> Iterator[None]:
    """On PostgreSQL, drop these tables' indexes, unique and foreign-key constraints while
    the body writes, and make them again after it: one index build and one check of every
    row each, instead of an index insert and a trigger per row. Inside the caller's
    transaction, so a failed build leaves them as they were."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [m._meta.db_table for m in chosen]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u')",
            [tables],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i "
            "WHERE indrelid = ANY(%s::regclass[]) AND NOT indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [tables],
        )
        indexes = cursor.fetchall()
        # Checks put off to the commit would stop the ALTERs: run them now, the rest as before.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, name, _ in constraints:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        for _, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in constraints:
            quoted = connection.ops.quote_name(name)
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quoted} {definition}")


class Made(NamedTuple):
    """An action written as a row: what the later levels need of it."""

    pk: int
    position: int
    partnership: int


def _bulk(model: type[models.Model], objects: list[Any]) -> list[Any]:
    return model._default_manager.bulk_create(objects, batch_size=2000)


# The tables written row by row as plain values (see checked_after and insert_rows).
COPIED = (Action, ActionOrganisation, ProgressUpdate, ActionIndicator, IndicatorValue)


class NationalBuilder:
    """Builds the partnerships level by level, each level in one bulk write."""

    def __init__(
        self, partnerships: int, seed: int = 17, report: Callable[[str], None] | None = None
    ):
        self.n = partnerships
        self.random = random.Random(seed)  # noqa: S311 - invented data, not secrets
        self.report = report
        self.password = ""
        self.started = time.perf_counter()

    def _done(self, step: str) -> None:
        """Say how long the step took (for the benchmark, benchmarks/bench_national.py)."""
        if self.report is not None:
            now = time.perf_counter()
            self.report(f"  {step}: {now - self.started:.1f} s")
            self.started = now

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
            self._done("partnerships, people, plans")
            with checked_after(*COPIED):
                actions = self._actions(priorities, people, organisations)
                updates = self._updates(actions)
                values = self._indicators(partnerships, actions)
                self._done("rows copied")
            self._done("indexes and constraints made again")
            self._users(partnerships, people)
            chosen = Action.objects.filter(priority__theme__plan__strategy__in=strategies)
            refresh_delivery_set(chosen)
            self._done("kept delivery worked out")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in COPIED:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        self._done("committed and analysed")
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

    def _actions(self, priorities: list[Priority], people: Any, orgs: Any) -> list[Made]:
        pick = self.random
        day = connection.ops.adapt_datefield_value
        partnership_of = dict(
            Priority.objects.filter(pk__in=[p.pk for p in priorities]).values_list(
                "pk", "theme__plan__strategy__partnership_id"
            )
        )

        def rows() -> Iterator[tuple[Any, ...]]:
            for priority in priorities:
                partnership_id = partnership_of[priority.pk]
                for a in range(ACTIONS):
                    due = TODAY + dt.timedelta(days=pick.randint(-200, 700))
                    yield (
                        priority.pk, f"{priority.ref}.{a + 1}", a,
                        f"{pick.choice(VERBS)} {pick.choice(THINGS)}",
                        f"{pick.choice(VERBS)} {pick.choice(THINGS)} with partners.",
                        people[partnership_id][a % 10].pk, due.strftime("%B %Y"),
                        day(due - dt.timedelta(days=365)), day(due), "month",
                    )  # fmt: skip

        columns = ["priority_id", "ref", "position", "title", "description", "lead_officer_id",
                   "due_text", "due_start", "due_end", "due_precision"]  # fmt: skip
        insert_rows(Action, columns, rows())
        made = [
            Made(pk, position, partnership_of[priority_id])
            for pk, priority_id, position in Action.objects.filter(priority__in=priorities)
            .order_by("pk")
            .values_list("pk", "priority_id", "position")
        ]
        insert_rows(ActionOrganisation, ["action_id", "organisation_id"], (
            (a.pk, orgs[a.partnership][a.position % 4].pk) for a in made
        ))  # fmt: skip
        return made

    def _updates(self, actions: list[Made]) -> int:
        pick = self.random
        day = connection.ops.adapt_datefield_value

        def rows() -> Iterator[tuple[Any, ...]]:
            for action in actions:
                for u in range(UPDATES):
                    on = TODAY - dt.timedelta(days=91 * (UPDATES - u) + pick.randint(0, 20))
                    rag = pick.choice(RAGS)
                    yield (
                        action.pk, day(on), rag, "Lead officer",
                        f"Quarter {u + 1}: {pick.choice(THINGS)} {rag.replace('_', ' ')}.",
                        min(100, 15 * (u + 1)) if u % 2 else None,
                    )  # fmt: skip

        columns = ["action_id", "date", "rag", "author_name", "text", "percent_complete"]
        return insert_rows(ProgressUpdate, columns, rows())

    def _indicators(self, partnerships: list[Partnership], actions: list[Made]) -> int:
        indicators = _bulk(Indicator, [
            Indicator(partnership=p, code=f"PHOF {k // 4 + 1}.{k % 4 + 1:02d}",
                      name=f"Indicator {k + 1} of {p.area}", unit="%", baseline=50.0, target=60.0)
            for p in partnerships
            for k in range(INDICATORS)
        ])  # fmt: skip
        by_partnership: dict[int, list[Indicator]] = {}
        for indicator in indicators:
            by_partnership.setdefault(indicator.partnership_id, []).append(indicator)
        insert_rows(ActionIndicator, ["action_id", "indicator_id"], (
            (a.pk, by_partnership[a.partnership][a.position].pk) for a in actions
        ))  # fmt: skip
        draw = self.random.random

        def rows() -> Iterator[tuple[Any, ...]]:
            for indicator in indicators:
                for year in range(PERIODS):
                    label = f"{2015 + year}/{16 + year}"
                    for area in range(AREAS):
                        value = 40 + draw() * 30
                        yield (
                            indicator.pk, f"E0600{area:04d}",
                            "England" if area == 0 else f"Area {area}", label, 2015 + year,
                            "Persons", "All ages", value, value - 2, value + 2,
                        )  # fmt: skip

        columns = ["indicator_id", "area_code", "area_name", "period_label", "period_sort",
                   "sex", "age", "value", "lower_ci95", "upper_ci95"]  # fmt: skip
        return insert_rows(IndicatorValue, columns, rows())

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
