"""The administrator's consultation pages cost a fixed number of queries however many
responses, comments and questions there are (issue #17): each is requested at two sizes of
one consultation and the counts must match, so a query per response, answer or question
(or per row drawn) shows at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.consultations.analysis_world import World, add_invented, consultation_world
from wellboard.consultations import analysis
from wellboard.consultations.models import ParagraphComment
from wellboard.consultations.you_said import add_row
from wellboard.strategy.versions import save_version

pytestmark = pytest.mark.django_db


def grow(world: World, responses: int, seed: int) -> None:
    """More responses, a paragraph comment, a "you said" row, and the themes kept again
    (so the page also checks that they still describe the comments)."""
    consultation = world.consultation
    add_invented(consultation, responses, seed=seed)
    ParagraphComment.objects.create(
        consultation=consultation, paragraph_key="intro", text=f"Comment {seed} on the intro."
    )
    version = save_version(consultation.strategy, world.admin, f"Revised {seed}")
    add_row(consultation, you_said=f"Said {seed}", we_did="Did it", strategy_version=version)
    analysis.refresh_themes(consultation, "tfidf")


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    return len(captured)


def counts(world: World, names: list[str]) -> dict[str, int]:
    client = Client()
    client.force_login(world.admin)
    return {name: queries(client, reverse(name, args=[world.consultation.pk])) for name in names}


PAGES = ["consultations:results", "consultations:responses", "consultations:queue"]


def test_results_and_responses_pages_cost_the_same_at_ten_and_sixty_responses() -> None:
    world: Any = consultation_world(0)
    grow(world, 10, seed=1)
    small = counts(world, PAGES)
    grow(world, 50, seed=2)
    large = counts(world, PAGES)
    assert world.consultation.responses.count() == 60
    assert large == small
    assert large["consultations:results"] <= 18, large
