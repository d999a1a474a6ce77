"""Every page a member uses often costs a fixed number of queries, however many actions,
updates, approvals, indicator links and consultation responses there are (issue #17).

The world is grown from 10 to 40 actions, each with three updates (one waiting for
approval), a milestone, organisation, board and indicator links, and the consultation from
2 to 6 questions and 5 to 20 responses: a page that reads history per action or runs a
query per row shows a different count at the larger size.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World, grow_plan
from tests.factories import (
    ConsultationFactory,
    IndicatorFactory,
    PriorityFactory,
    QuestionFactory,
    ResponseFactory,
)
from wellboard.consultations.models import Answer, Consultation, Question

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30


def pages(world: World, consultation: Consultation, indicator: Any) -> list[tuple[str, str]]:
    """(who, url): the lead officer's own pages, then the administrator's."""
    strategy, a = world.strategy, world.own_action
    partnership = strategy.partnership_id
    return [
        ("lead", "/"),
        ("lead", "/my/actions/"),
        ("lead", f"/actions/{a.pk}/"),
        ("lead", f"/actions/{a.pk}/update/"),
        ("admin", "/"),
        ("admin", "/approvals/"),
        ("admin", "/indicators/"),
        ("admin", f"/indicators/{indicator.pk}/"),
        ("admin", f"/reports/strategies/{strategy.pk}/"),
        ("admin", f"/consultations/{consultation.pk}/results/"),
        ("admin", f"/partnerships/{partnership}/organisations/"),
        ("admin", f"/organisations/{a.organisation_links.get().organisation_id}/"),
        ("admin", f"/actions/?strategy={strategy.pk}&status=red&q=Action"),
    ]


def ask_about(consultation: Consultation, total: int) -> None:
    """Agreement questions up to `total`, each about a priority of its own."""
    theme = consultation.strategy.main_plan.themes.get()
    for _ in range(total - consultation.questions.count()):
        priority = PriorityFactory(theme=theme)
        QuestionFactory(consultation=consultation, kind=Question.Kind.PRIORITY, priority=priority)


def add_responses(consultation: Consultation, total: int) -> None:
    question = consultation.questions.first()
    for i in range(total - consultation.responses.count()):
        response = ResponseFactory(consultation=consultation, moderation="approved")
        Answer.objects.create(
            response=response, question=question, scale=1 + i % 5, comment=f"Comment {i}"
        )


def query_counts(world: World, targets: list[tuple[str, str]]) -> dict[str, int]:
    clients = {"lead": Client(), "admin": Client()}
    users: dict[str, User] = {"lead": world.lead, "admin": world.admin}
    for who, client in clients.items():
        client.force_login(users[who])
    found = {}
    for who, url in targets:
        with CaptureQueriesContext(connection) as captured:
            response = clients[who].get(url)
        assert response.status_code == 200, (who, url, response.status_code)
        found[f"{who} {url}"] = len(captured)
    return found


def test_member_pages_cost_the_same_however_large_the_plan(world: World) -> None:
    partnership = world.strategy.partnership
    indicator = IndicatorFactory(partnership=partnership)
    consultation = ConsultationFactory(strategy=world.strategy)
    targets = pages(world, consultation, indicator)
    grow_plan(world, 10, indicator)
    ask_about(consultation, 2)
    add_responses(consultation, 5)
    small = query_counts(world, targets)
    grow_plan(world, 40, indicator)  # an N+1 query would show thirty times over
    ask_about(consultation, 6)
    add_responses(consultation, 20)
    large = query_counts(world, targets)
    assert large == small
    assert max(large.values()) <= MAX_QUERIES, large


def reads_of_updates(client: Client, url: str) -> list[str]:
    """The queries of a request that read the update table itself (not through a join)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    table = connection.ops.quote_name("strategy_progressupdate")
    return [q["sql"] for q in captured.captured_queries if f"FROM {table}" in q["sql"]]


def test_own_work_pages_read_the_kept_delivery_not_the_history(world: World) -> None:
    """ "My actions" and the dashboard read each action's kept status (no update rows at
    all); the action page reads only its own timeline."""
    grow_plan(world, 10)
    client = Client()
    client.force_login(world.lead)
    assert reads_of_updates(client, "/my/actions/") == []
    assert reads_of_updates(client, "/") == []
    (timeline,) = reads_of_updates(client, f"/actions/{world.own_action.pk}/")
    assert str(world.own_action.pk) in timeline
