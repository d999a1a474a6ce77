"""Importing a plan again over its strategy keeps the delivery history (#12.1): the CLI's
`import --strategy` and the web import's preview and confirm step."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from pathlib import Path
from typing import Any, cast

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, PartnershipFactory
from tests.imports.conftest import PLAN_CSV
from wellboard.accounts.models import Membership
from wellboard.imports.models import ImportRun
from wellboard.strategy.models import (
    Action,
    ActionComment,
    ProgressUpdate,
    Strategy,
    UpdateReview,
)

pytestmark = pytest.mark.django_db

# The plan a year on: the cooking clubs action reworded, a new action, carers gone.
REVISED_CSV = (
    PLAN_CSV.replace("Mar-26", "Mar-27")
    .replace(
        "Ageing well,Carers are supported,Carers' assessments within 28 days,TMBC,"
        'Carers Tarnside,On going,Ageing Well Board,,"ASCOF 1D, 3.D"\n',
        "",
    )
    .rstrip("\n")
    + "\nStarting well,Fewer children overweight at school entry,"
    "Open a healthy eating helpline,TMBC,,2026/27,Starting Well Board,,\n"
)


def _history(strategy: Strategy) -> dict[str, set[int]]:
    user = User.objects.create_user(f"reviewer{User.objects.count()}")
    for action in Action.objects.in_strategy(strategy):
        update = ProgressUpdate.objects.create(
            action=action, date=dt.date(2025, 12, 1), text="On track.", rag="green"
        )
        UpdateReview.objects.create(update=update, decision="approved", reviewer=user)
        ActionComment.objects.create(action=action, author=user, text="Thank you.")
    return _ids()


def _ids() -> dict[str, set[int]]:
    return {
        "actions": set(Action.objects.values_list("pk", flat=True)),
        "updates": set(ProgressUpdate.objects.values_list("pk", flat=True)),
        "reviews": set(UpdateReview.objects.values_list("pk", flat=True)),
        "comments": set(ActionComment.objects.values_list("pk", flat=True)),
    }


def _all_kept(before: dict[str, set[int]]) -> None:
    after = _ids()
    for kind, ids in before.items():
        assert ids <= after[kind], f"{kind} lost"


def test_import_over_a_strategy_twice_keeps_every_update_review_and_comment(
    tmp_path: Path,
) -> None:
    partnership = PartnershipFactory()
    first = tmp_path / "plan.csv"
    first.write_text(PLAN_CSV)
    call_command("import", str(first), "--partnership", str(partnership.pk), stdout=StringIO())
    strategy = Strategy.objects.get()
    before = _history(strategy)
    clubs = Action.objects.get(title="Run family cooking clubs in every hub")

    revised = tmp_path / "revised.csv"
    revised.write_text(REVISED_CSV)
    out = StringIO()
    call_command("import", str(revised), "--strategy", str(strategy.pk), "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("1 actions added, 1 changed, 1 no longer in the file")
    assert "changed: 1.1.1: due: Mar-26 -> Mar-27" in lines
    assert "no longer in the file: 2.1.1 Carers' assessments within 28 days" in lines
    assert _ids() == before  # a dry run writes nothing

    call_command("import", str(revised), "--strategy", str(strategy.pk), stdout=StringIO())
    _all_kept(before)
    clubs.refresh_from_db()
    assert clubs.due_text == "Mar-27" and clubs.due_end == dt.date(2027, 3, 31)
    assert Action.objects.filter(title="Open a healthy eating helpline").count() == 1
    # Kept: archiving is only on request.
    assert Action.objects.filter(title="Carers' assessments within 28 days").exists()


def _admin_client() -> Client:
    membership = cast(Membership, MembershipFactory(role=Membership.Role.ADMINISTRATOR))
    client = Client()
    client.force_login(membership.user)
    return client


def _upload(client: Client, content: str, target: str) -> Any:
    data = {"file": SimpleUploadedFile("plan.csv", content.encode()), "target": target}
    return client.post(reverse("imports:upload"), data)


def _text(response: Any) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _state(page: Any) -> str:
    """The plan's state the preview page puts in its confirm form."""
    found = re.search(r'name="plan_state" value="([0-9a-f]+)"', page.content.decode())
    assert found is not None
    return found.group(1)


def test_web_reimport_previews_the_differences_and_keeps_the_history() -> None:
    client = _admin_client()
    _upload(client, PLAN_CSV, "new")
    client.post(reverse("imports:confirm", args=[ImportRun.objects.get().pk]))
    strategy = Strategy.objects.get()
    before = _history(strategy)

    response = _upload(client, REVISED_CSV, str(strategy.pk))
    preview = client.get(response["Location"])
    page = _text(preview)
    assert "Updates the plans of " + strategy.title + " in place" in page
    assert "1 actions added, 1 changed, 1 no longer in the file, 1 unchanged" in page
    assert "Open a healthy eating helpline" in page
    assert "Mar-26" in page and "Mar-27" in page
    assert "Actions no longer in the file" in page
    assert "Nothing is deleted" in page
    assert "Archive the actions that are no longer in the file" in page

    run = ImportRun.objects.order_by("-id").first()
    assert run is not None
    confirmed = client.post(
        reverse("imports:confirm", args=[run.pk]), {"plan_state": _state(preview)}
    )
    assert confirmed.status_code == 302 and confirmed["Location"] == strategy.get_absolute_url()
    _all_kept(before)
    assert before["actions"] <= _ids()["actions"]
    assert Action.objects.count() == 4


def test_a_plan_edited_after_the_preview_is_not_overwritten() -> None:
    client = _admin_client()
    _upload(client, PLAN_CSV, "new")
    client.post(reverse("imports:confirm", args=[ImportRun.objects.get().pk]))
    strategy = Strategy.objects.get()
    response = _upload(client, REVISED_CSV, str(strategy.pk))
    preview = client.get(response["Location"])
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None
    # Someone corrects the due date while the administrator reads the preview.
    clubs = Action.objects.get(title="Run family cooking clubs in every hub")
    clubs.due_text = "Jun-26"
    clubs.save()

    refused = client.post(
        reverse("imports:confirm", args=[run.pk]), {"plan_state": _state(preview)}, follow=True
    )
    assert "the plan was edited after this preview, so nothing was saved" in _text(refused)
    clubs.refresh_from_db()
    assert clubs.due_text == "Jun-26"
    assert not Action.objects.filter(title="Open a healthy eating helpline").exists()
    # The preview drawn again shows the edit; confirming it then applies the file.
    assert "Jun-26" in _text(refused)
    client.post(reverse("imports:confirm", args=[run.pk]), {"plan_state": _state(refused)})
    clubs.refresh_from_db()
    assert clubs.due_text == "Mar-27"


def test_web_reimport_archives_what_left_the_file_when_the_box_is_ticked() -> None:
    client = _admin_client()
    _upload(client, PLAN_CSV, "new")
    client.post(reverse("imports:confirm", args=[ImportRun.objects.get().pk]))
    strategy = Strategy.objects.get()
    before = _history(strategy)
    preview = client.get(_upload(client, REVISED_CSV, str(strategy.pk))["Location"])
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None
    data = {"archive_missing": "on", "plan_state": _state(preview)}
    client.post(reverse("imports:confirm", args=[run.pk]), data)
    _all_kept(before)
    carers = Action.objects.get(title="Carers' assessments within 28 days")
    assert carers.archived_at is not None and carers.archived_by is not None
    assert carers.updates.count() == 1 and carers.comments.count() == 1


def test_import_archive_missing_archives_and_a_second_run_reports_nothing_missing(
    tmp_path: Path,
) -> None:
    partnership = PartnershipFactory()
    first = tmp_path / "plan.csv"
    first.write_text(PLAN_CSV)
    call_command("import", str(first), "--partnership", str(partnership.pk), stdout=StringIO())
    strategy = Strategy.objects.get()
    before = _history(strategy)
    revised = tmp_path / "revised.csv"
    revised.write_text(REVISED_CSV)
    args = [str(revised), "--strategy", str(strategy.pk), "--archive-missing"]
    out = StringIO()
    call_command("import", *args, "--dry-run", stdout=out)
    assert "1 no longer in the file (to be archived)" in out.getvalue()
    call_command("import", *args, stdout=StringIO())
    _all_kept(before)
    assert Action.objects.filter(archived_at__isnull=False).count() == 1
    again = StringIO()
    call_command("import", *args, "--dry-run", stdout=again)
    assert again.getvalue().startswith("0 actions added, 0 changed, 0 no longer in the file")
