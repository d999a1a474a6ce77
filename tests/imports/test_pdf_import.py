"""PDF plans through `wellboard import` and the upload pages, on SQLite and PostgreSQL."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any, cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tests.core.parsing.fixtures.pdf_builders import table_html, write_pdf
from tests.factories import MembershipFactory, PartnershipFactory
from wellboard.accounts.models import Membership
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db
HEADER = ["Priority", "Action", "Lead", "By when"]


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    body = "<h1>Tarnside delivery plan</h1><h2>Theme 1: Starting well</h2>" + table_html(
        HEADER,
        [
            [
                "More babies breastfed",
                "Train peer supporters in every hub",
                "Public Health",
                "Mar-26",
            ],
            ["", "Publish a map of welcoming venues", "County Council", "Spring 2026"],
        ],
    )
    return write_pdf(tmp_path_factory.mktemp("pdf") / "tarnside.pdf", body)


def test_the_command_imports_a_pdf(plan_pdf: Path) -> None:
    partnership = cast(Any, PartnershipFactory())
    out = StringIO()
    call_command("import", str(plan_pdf), "--partnership", str(partnership.pk), stdout=out)
    strategy = Strategy.objects.get()
    assert strategy.title == "Tarnside delivery plan"
    actions = Action.objects.order_by("title")
    assert [(a.title, a.due_text) for a in actions] == [
        ("Publish a map of welcoming venues", "Spring 2026"),
        ("Train peer supporters in every hub", "Mar-26"),
    ]
    assert str(actions[0].due_end) == "2026-05-31"


def test_a_scanned_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    scan = write_pdf(tmp_path / "scan.pdf", "<div style='height:20cm;background:#999'></div>")
    with pytest.raises(CommandError) as caught:
        call_command("import", str(scan), "--dry-run", stdout=StringIO())
    assert caught.value.returncode == 2
    assert "no text layer" in str(caught.value) and "\n" not in str(caught.value)
    assert Strategy.objects.count() == 0


def test_the_upload_page_previews_a_pdf(plan_pdf: Path) -> None:
    membership = cast(Any, MembershipFactory(role=Membership.Role.ADMINISTRATOR))
    client = Client()
    client.force_login(membership.user)
    upload = SimpleUploadedFile("tarnside.pdf", plan_pdf.read_bytes())
    response = client.post(reverse("imports:upload"), {"file": upload, "target": "new"})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "Train peer supporters in every hub" in page
    assert "1 theme" in page and "2 actions" in page
    run_id = int(response["Location"].rstrip("/").rsplit("/", 1)[-1])
    confirmed = client.post(reverse("imports:confirm", args=[run_id]))
    assert confirmed.status_code == 302
    assert Action.objects.count() == 2
