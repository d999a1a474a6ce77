"""The administrator's results pages: what they show, the downloads, grouping again in the
background, the "you said, we did" forms, and who may open them."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from tests.consultations.analysis_world import World, consultation_world
from tests.factories import MembershipFactory, UserFactory
from wellboard.accounts.models import Membership
from wellboard.consultations import analysis
from wellboard.consultations.models import YouSaidWeDid
from wellboard.consultations.you_said import you_said_rows
from wellboard.strategy.versions import save_version
from wellboard.tasks.models import BackgroundTask

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return consultation_world(30)


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str, *args: Any) -> str:
    return reverse(f"consultations:{name}", args=args)


def test_results_show_counts_agreement_types_and_kept_themes(world: World) -> None:
    consultation = world.consultation
    analysis.refresh_themes(consultation, "tfidf")
    page = client_for(world.admin).get(url("results", consultation.pk))
    assert page.status_code == 200
    html = page.content.decode()
    numbers = analysis.counts(consultation)
    counted = re.search(r">\s*Responses\s*</th>\s*<td[^>]*>\s*(\d+)\s*</td>", html)
    assert counted is not None and int(counted.group(1)) == numbers.responses == 30
    assert 'id="agreement"' in html and "<svg" in html
    for priority in world.priorities:
        assert priority.title in html
    kept = analysis.stored_themes(consultation)
    assert kept is not None
    for theme in kept.themes.themes:
        assert theme.label in html
    assert "Comments have come in or changed since" not in html


def test_downloads_summary_and_exports(world: World) -> None:
    client = client_for(world.admin)
    pk = world.consultation.pk
    word = client.get(url("summary", pk, "docx"))
    assert word.status_code == 200
    assert "attachment" in word["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
    assert world.consultation.title in text
    pdf = client.get(url("summary", pk, "pdf"))
    assert pdf.content.startswith(b"%PDF")
    csv_file = client.get(url("export", pk, "csv"))
    assert csv_file["Content-Type"].startswith("text/csv")
    assert csv_file.content.decode("utf-8-sig").count("\n") == 31
    xlsx = client.get(url("export", pk, "xlsx"))
    assert xlsx.content.startswith(b"PK")
    assert client.get(f"/consultations/{pk}/summary/html/").status_code == 404


def test_grouping_again_runs_as_a_background_task(world: World) -> None:
    answer = client_for(world.admin).post(url("refresh_themes", world.consultation.pk))
    job = BackgroundTask.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse(
        "tasks:status", args=[job.pk]
    )
    assert world.consultation.title in job.title


def test_you_said_rows_are_added_checked_and_refuse_stale_edits(world: World) -> None:
    consultation = world.consultation
    client = client_for(world.admin)
    refused = client.post(
        url("you_said", consultation.pk),
        {"you_said": "More help for carers.", "we_did": "Added breaks.", "section": "title"},
    )
    assert refused.status_code == 400
    assert "Choose the version that carries this change." in refused.content.decode()
    assert not YouSaidWeDid.objects.exists()

    revised = save_version(consultation.strategy, label="Revised")
    added = client.post(
        url("you_said", consultation.pk),
        {
            "you_said": "More help for carers.",
            "we_did": "Added breaks.",
            "strategy_version": revised.pk,
            "section": "title",
        },
    )
    assert added.status_code == 302
    row = YouSaidWeDid.objects.get()
    assert (row.section, row.strategy_version, row.position) == ("title", revised, 1)
    shown = client.get(url("you_said", consultation.pk)).content.decode()
    assert "More help for carers." in shown and "did not change" in shown

    form = {"you_said": "Carers need breaks.", "we_did": "Funded respite.", "version": 1}
    assert client.post(url("edit_you_said", row.pk), form).status_code == 302
    stale = client.post(url("edit_you_said", row.pk), {**form, "we_did": "Something else."})
    assert stale.status_code == 400
    row.refresh_from_db()
    assert row.we_did == "Funded respite."


def test_only_the_partnerships_administrators_see_results(world: World) -> None:
    pk = world.consultation.pk
    pages = [url("results", pk), url("summary", pk, "docx"), url("export", pk, "csv")]
    pages.append(url("you_said", pk))
    stranger: Any = UserFactory()
    MembershipFactory(user=stranger, role=Membership.Role.ADMINISTRATOR)
    for page in pages:
        assert client_for(world.admin).get(page).status_code == 200
        assert client_for(world.member).get(page).status_code == 403
        assert client_for(world.lead).get(page).status_code == 403
        assert client_for(stranger).get(page).status_code == 404
        assert Client().get(page).status_code == 302
    assert client_for(world.member).post(url("refresh_themes", pk)).status_code == 403


def test_the_results_page_lists_where_each_row_is_without_comparing_words(world: World) -> None:
    """The results page shows where a row is, not the words compared (the you-said page
    does): its rows are the full rows' without the comparison."""
    consultation = world.consultation
    revised = save_version(consultation.strategy, label="Revised")
    for section in ("title", "", "no-such-part"):
        YouSaidWeDid.objects.create(
            consultation=consultation, you_said=f"Said <{section}>", we_did="Did",
            strategy_version=revised, section=section, position=len(section),
        )  # fmt: skip
    full, light = you_said_rows(consultation), you_said_rows(consultation, changes=False)
    assert [(r.row.pk, r.where) for r in light] == [(r.row.pk, r.where) for r in full]
    assert any(r.change for r in full) and not any(r.change for r in light)
    page = client_for(world.admin).get(url("results", consultation.pk)).content.decode()
    for row in light:
        assert f"Said &lt;{row.row.section}&gt;" in page and row.where in page
