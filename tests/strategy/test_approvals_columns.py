"""/approvals/ reads only the columns it shows (strategy/views/approvals.py), and draws
the page the whole records drew: held here to the template rendered from the unnarrowed
querysets, for every kind of item, with a fixed number of queries however many wait."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World
from tests.factories import ActionFactory, UpdateFactory
from wellboard.strategy.approvals import pending_proposals, pending_reviews
from wellboard.strategy.forms import ProposalDecisionForm, ReviewForm
from wellboard.strategy.models import ActionComment, ProposedChange, UpdateReview

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def add_items(world: World, n: int) -> None:
    """Of each kind: an update with a suggested status overridden, and plain ones; a
    proposal by a named and an unnamed user; a change by a named user and by no one."""
    world.lead.first_name, world.lead.last_name = "Ada", "Lovelace"
    world.lead.save()
    for i in range(n):
        action = ActionFactory(
            priority=world.own_action.priority,
            title=f"Clinic <{i}> & co",
            lead_officer=world.own_action.lead_officer if i else None,
        )
        update = UpdateFactory(
            action=action, text=f"Words {i}", author_name="Ada Lead" if i else "", rag="amber",
            percent_complete=40 if i else None, override_reason="Delays" if i else "",
            suggested_rag="green" if i % 2 else "", date=None if i == 2 else UpdateFactory.date,
        )  # fmt: skip
        UpdateReview.objects.create(update=update)
        author = world.lead if i else world.stranger
        kind = ActionComment.Kind.PROPOSAL
        ActionComment.objects.create(action=action, author=author, kind=kind, text=f"Proposal {i}")
        ProposedChange.objects.create(
            action=action, proposed_by=world.lead if i else None,
            changes={"due_text": {"before": "2026", "after": f"202{7 + i}"}},
        )  # fmt: skip


def whole_records_page(world: World) -> str:
    """The page from `pending_reviews`, `pending_proposals` and `awaiting` as they are."""
    request = RequestFactory().get("/approvals/")
    request.user = world.admin
    context = {
        "updates": [
            (r, ReviewForm(prefix=f"u{r.update_id}")) for r in pending_reviews(world.admin)
        ],
        "proposals": [
            (p, ProposalDecisionForm(prefix=f"p{p.pk}")) for p in pending_proposals(world.admin)
        ],
        "changes": [
            (c, ProposalDecisionForm(prefix=f"c{c.pk}"))
            for c in ProposedChange.objects.awaiting(world.admin)
        ],
        "failed_form": None,
    }
    return render_to_string("strategy/approvals.jinja", context, request=request)


def page_and_queries(client: Client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/approvals/")
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_the_page_is_what_the_whole_records_drew_with_fixed_queries(world: World) -> None:
    client = Client()
    client.force_login(world.admin)
    counts = []
    for n in (1, 4):
        add_items(world, n)
        page, queries = page_and_queries(client)
        counts.append(queries)
        assert TOKEN.sub("", page) == TOKEN.sub("", whole_records_page(world))
    assert counts[0] == counts[1]
    for shown in ("Clinic &lt;3&gt; &amp; co", world.strategy.title, "Ada Lovelace", "Undated",
                  "lead officer: ", "40% complete", "Suggested on track", "<del>2026</del>",
                  "a former user", "Proposal 3"):  # fmt: skip
        assert shown in page, shown
