"""The demo's consultations: a past one with at least 200 varied invented responses, its
themes and its "you said, we did" table tied to changed words; an open one taking
responses; shown on the results page to the demo's administrator."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from wellboard.consultations import analysis
from wellboard.consultations.models import Answer, Consultation
from wellboard.consultations.you_said import you_said_rows
from wellboard.demo.consultation import OPEN_TITLE, PAST_TITLE, add_consultations

pytestmark = pytest.mark.django_db


def test_past_consultation_has_varied_responses_themes_and_you_said(demo: Any) -> None:
    past = Consultation.objects.get(strategy=demo, title=PAST_TITLE)
    assert past.status == Consultation.Status.CLOSED
    assert past.responses.count() >= 200
    comments = Answer.objects.filter(response__consultation=past).exclude(comment="")
    sentences = [s for c in comments for s in re.split(r"(?<=\.) ", c.comment)]
    assert len(sentences) > 400 and len(set(sentences)) == len(sentences)
    assert past.responses.values("respondent_type").distinct().count() == 3

    kept = analysis.stored_themes(past)
    assert kept is not None and kept.current and len(kept.themes.themes) >= 3
    assert kept.themes.comments == comments.count()

    rows = you_said_rows(past)
    changed = [r for r in rows if r.change is not None and r.change.changed]
    assert len(changed) >= 3
    assert all(any(kind == "inserted" for kind, _ in r.change.new) for r in changed)  # type: ignore[union-attr]


def test_open_consultation_takes_responses_and_a_second_load_adds_nothing(demo: Any) -> None:
    opened = Consultation.objects.get(strategy=demo, title=OPEN_TITLE)
    assert opened.accepting_responses
    assert opened.questions.count() > 2
    before = Consultation.objects.count()
    add_consultations(demo)
    assert Consultation.objects.count() == before
    page = Client().get(reverse("consultations:respond", args=[opened.pk]))
    assert page.status_code == 200


def test_the_demo_administrator_sees_the_results(demo: Any) -> None:
    past = Consultation.objects.get(strategy=demo, title=PAST_TITLE)
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    html = client.get(reverse("consultations:results", args=[past.pk])).content.decode()
    for theme in analysis.stored_themes(past).themes.themes:  # type: ignore[union-attr]
        assert theme.label in html
    wheres = [r.where for r in you_said_rows(past) if r.where]
    assert wheres and all(where in html for where in wheres)
    assert "Vision, version" in html
