"""A prose strategy through the upload pages: the preview says what was found and what was not."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory
from wellboard.accounts.models import Membership
from wellboard.strategy.models import Priority, Strategy

pytestmark = pytest.mark.django_db


def test_the_preview_says_what_a_prose_strategy_gave(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Tarnside Health and Wellbeing Strategy", "Title")
    document.add_heading("Theme 1: Starting well", level=1)
    document.add_paragraph("Priority 1: Every child ready for school")
    document.add_paragraph("Priority 2: Fewer children living in poverty")
    path = tmp_path / "strategy.docx"
    document.save(str(path))
    membership = cast(Any, MembershipFactory(role=Membership.Role.ADMINISTRATOR))
    client = Client()
    client.force_login(membership.user)
    upload = SimpleUploadedFile("strategy.docx", path.read_bytes())
    response = client.post(reverse("imports:upload"), {"file": upload, "target": "new"})
    assert response.status_code == 302
    page = " ".join(
        re.sub(r"<[^>]+>", " ", client.get(response["Location"]).content.decode()).split()
    )
    assert "read as a prose strategy" in page
    assert "no lead organisations, lead officers, due dates or measures were found" in page
    assert "Every child ready for school" in page
    run_id = int(response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert client.post(reverse("imports:confirm", args=[run_id])).status_code == 302
    strategy = Strategy.objects.get()
    assert Priority.objects.in_strategy(strategy).count() == 2
