"""The web import: who may use it, preview, column mapping, confirm, sheet updates."""

from __future__ import annotations

import io
import re
from typing import Any, cast

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, PartnershipFactory, StrategyFactory, UserFactory
from tests.imports.conftest import DECIDIM_CSV, ODD_HEADER_CSV, PLAN_CSV
from wellboard.accounts.models import Membership
from wellboard.core.spreadsheet_roundtrip import HEADERS
from wellboard.imports import runs, services
from wellboard.imports.models import ColumnMapping, ImportRun
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action, ProgressUpdate, Strategy
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


def _partnership() -> Partnership:
    return cast(Partnership, PartnershipFactory())


def _new_strategy(**fields: Any) -> Strategy:
    return cast(Strategy, StrategyFactory(**fields))


UPLOAD = reverse("imports:upload")


def _client(role: str = Membership.Role.ADMINISTRATOR, partnership: Any = None) -> Client:
    membership = MembershipFactory(role=role, partnership=partnership or PartnershipFactory())
    client = Client()
    client.force_login(cast(Membership, membership).user)
    client.partnership = membership.partnership  # type: ignore[attr-defined]
    return client


def _upload(client: Client, name: str, content: str | bytes, target: str = "new") -> Any:
    data = content.encode() if isinstance(content, str) else content
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data), "target": target})


def _text(response: Any) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_anonymous_users_are_sent_to_sign_in() -> None:
    response = Client().get(UPLOAD)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", [Membership.Role.LEAD_OFFICER, Membership.Role.BOARD_MEMBER])
def test_only_administrators_may_import(role: str) -> None:
    client = _client(role)
    assert client.get(UPLOAD).status_code == 403
    assert _upload(client, "plan.csv", PLAN_CSV).status_code == 403
    assert ImportRun.objects.count() == 0


def test_a_signed_in_user_of_no_partnership_is_refused() -> None:
    client = Client()
    client.force_login(cast(User, UserFactory()))
    assert client.get(UPLOAD).status_code == 403


def test_upload_preview_confirm_creates_the_strategy() -> None:
    client = _client()
    response = _upload(client, "tarnside-plan.csv", PLAN_CSV)
    assert response.status_code == 302
    run = ImportRun.objects.get()
    preview = client.get(response["Location"])
    page = _text(preview)
    assert preview.status_code == 200
    assert "2 themes, 2 priorities, 3 actions" in page
    assert "Run family cooking clubs in every hub" in page
    assert "“Mar-26” by 31 Mar 2026" in page  # the wording and what was understood
    assert "ASCOF 1D, ASCOF 3D" in page
    assert Strategy.objects.count() == 0  # nothing saved before the confirm

    confirmed = client.post(reverse("imports:confirm", args=[run.pk]))
    strategy = Strategy.objects.get()
    assert confirmed.status_code == 302 and confirmed["Location"] == strategy.get_absolute_url()
    assert strategy.partnership == client.partnership  # type: ignore[attr-defined]
    run.refresh_from_db()
    assert (run.status, run.result_strategy, run.source) == ("applied", strategy, None)
    assert Action.objects.count() == 3
    # A second confirm (a double click) saves nothing more.
    client.post(reverse("imports:confirm", args=[run.pk]))
    assert Strategy.objects.count() == 1


def test_a_bad_file_is_a_form_error_naming_the_reason() -> None:
    client = _client()
    response = _upload(client, "plan.docx", "Priority\tAction\n")
    assert response.status_code == 400
    assert "plan.docx: this is not a Word document (.docx) (not a zip file)" in _text(response)
    assert Strategy.objects.count() == 0
    empty = _upload(client, "plan.csv", b"")
    assert empty.status_code == 400
    assert Strategy.objects.count() == 0


def test_the_upload_cap_is_enforced_before_parsing(settings: Any, monkeypatch: Any) -> None:
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    called: list[Any] = []
    monkeypatch.setattr(services, "read_file", lambda *a, **k: called.append(a))
    client = _client()
    response = _upload(client, "plan.csv", PLAN_CSV)
    assert response.status_code == 400
    assert "plan.csv: the file is" in _text(response) and "MB limit" in _text(response)
    assert called == [] and ImportRun.objects.count() == 0


def test_another_partnerships_strategy_answers_404() -> None:
    client = _client()
    foreign = _new_strategy()
    assert _upload(client, "plan.csv", PLAN_CSV, target=str(foreign.pk)).status_code == 404
    assert ImportRun.objects.count() == 0
    sheet = reverse("imports:export_sheet", args=[foreign.pk])
    assert client.get(sheet).status_code == 404


def test_another_partnerships_run_answers_404() -> None:
    owner = _client()
    _upload(owner, "plan.csv", PLAN_CSV)
    run = ImportRun.objects.get()
    stranger = _client()
    assert stranger.get(reverse("imports:preview", args=[run.pk])).status_code == 404
    assert stranger.post(reverse("imports:confirm", args=[run.pk])).status_code == 404
    assert Strategy.objects.count() == 0


def test_unrecognised_columns_are_mapped_and_remembered() -> None:
    client = _client()
    _upload(client, "odd.csv", ODD_HEADER_CSV)
    run = ImportRun.objects.get()
    assert run.unmapped_headers == ["Carried out by"]
    page = _text(client.get(reverse("imports:preview", args=[run.pk])))
    assert "Columns that were not recognised" in page and "Carried out by" in page

    mapped = client.post(reverse("imports:mapping", args=[run.pk]), {"column_0": "lead"})
    assert mapped.status_code == 302
    partnership: Partnership = client.partnership  # type: ignore[attr-defined]
    assert ColumnMapping.objects.get(partnership=partnership).field == "lead"
    run.refresh_from_db()
    assert run.unmapped_headers == []
    assert run.document is not None
    cooking = run.document["themes"][0]["priorities"][0]["actions"][0]
    assert cooking["leads"] == ["TMBC"]

    # The next upload of the same shape is read with the remembered choice.
    _upload(client, "odd-again.csv", ODD_HEADER_CSV)
    again = ImportRun.objects.order_by("-id").first()
    assert again is not None and again.unmapped_headers == []


def test_a_mapping_with_no_choice_is_a_form_error() -> None:
    client = _client()
    _upload(client, "odd.csv", ODD_HEADER_CSV)
    run = ImportRun.objects.get()
    response = client.post(reverse("imports:mapping", args=[run.pk]), {"column_0": ""})
    assert response.status_code == 400
    assert "Choose what at least one column holds" in _text(response)
    assert ColumnMapping.objects.count() == 0


def test_a_decidim_export_previews_as_decidim_results() -> None:
    client = _client()
    _upload(client, "results.csv", DECIDIM_CSV)
    run = ImportRun.objects.get()
    assert run.kind == "decidim"
    page = _text(client.get(reverse("imports:preview", args=[run.pk])))
    assert "Decidim results" in page and "Map safe routes" in page
    assert "category/id" in page  # the ignored column is reported


def _strategy_for(client: Client) -> Strategy:
    _upload(client, "tarnside-plan.csv", PLAN_CSV)
    client.post(reverse("imports:confirm", args=[ImportRun.objects.get().pk]))
    return Strategy.objects.get()


def _sheet_run(client: Client, strategy: Strategy, title: str) -> ImportRun:
    """The strategy's plan sheet downloaded, action 1.1.2 retitled in it, uploaded to preview."""
    download = client.get(reverse("imports:export_sheet", args=[strategy.pk]))
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    book.worksheets[0].cell(row=3, column=HEADERS.index("Action") + 1).value = title
    out = io.BytesIO()
    book.save(out)
    _upload(client, "plan.xlsx", out.getvalue(), target=str(strategy.pk))
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None and run.status == ImportRun.Status.PARSED
    return run


def test_a_plan_sheet_updates_its_strategy_after_a_preview_of_changes() -> None:
    client = _client()
    strategy = _strategy_for(client)
    download = client.get(reverse("imports:export_sheet", args=[strategy.pk]))
    assert download.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    sheet = book.worksheets[0]
    sheet.cell(row=3, column=HEADERS.index("Latest update") + 1).value = "All schools measured"
    sheet.cell(row=3, column=HEADERS.index("Status") + 1).value = "Complete"
    sheet.delete_rows(4)
    out = io.BytesIO()
    book.save(out)

    response = _upload(client, "plan.xlsx", out.getvalue(), target=str(strategy.pk))
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None and run.kind == "sheet"
    page = _text(client.get(response["Location"]))
    assert "Updates " + strategy.title in page
    assert "new progress update" in page and "All schools measured" in page
    assert "Actions missing from the sheet" in page and "2.1.1" in page
    before = ProgressUpdate.objects.count()

    client.post(reverse("imports:confirm", args=[run.pk]))
    assert ProgressUpdate.objects.count() == before + 1
    measured = Action.objects.get(ref="1.1.2")
    newest = measured.updates.order_by("-id").first()
    assert newest is not None and (newest.text, newest.rag) == ("All schools measured", "complete")
    assert newest.author is not None
    assert Action.objects.filter(ref="2.1.1").exists()  # not deleted: the box was not ticked


def test_deleting_missing_actions_needs_the_box_ticked() -> None:
    client = _client()
    strategy = _strategy_for(client)
    download = client.get(reverse("imports:export_sheet", args=[strategy.pk]))
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    book.worksheets[0].delete_rows(4)
    out = io.BytesIO()
    book.save(out)
    _upload(client, "plan.xlsx", out.getvalue(), target=str(strategy.pk))
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None
    client.post(reverse("imports:confirm", args=[run.pk]), {"delete_missing": "on"})
    # Archived, never deleted (issue #12): it leaves the plan and keeps its records.
    assert not Action.objects.active().filter(ref="2.1.1").exists()
    assert Action.objects.active().count() == 2 and Action.objects.count() == 3


def test_decidim_csv_download() -> None:
    client = _client()
    strategy = _strategy_for(client)
    response = client.get(reverse("imports:export_decidim", args=[strategy.pk]))
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("id,parent/id,title/en")
    assert len(lines) == 1 + 2 + 3  # two priorities, three actions


def test_discard_keeps_nothing() -> None:
    client = _client()
    _upload(client, "plan.csv", PLAN_CSV)
    run = ImportRun.objects.get()
    client.post(reverse("imports:discard", args=[run.pk]))
    run.refresh_from_db()
    assert (run.status, run.source) == ("discarded", None)
    assert client.post(reverse("imports:confirm", args=[run.pk])).status_code == 302
    assert Strategy.objects.count() == 0


def test_large_uploads_are_read_by_a_worker(monkeypatch: Any) -> None:
    monkeypatch.setattr(runs, "BACKGROUND_BYTES", 10)
    client = _client()
    response = _upload(client, "plan.csv", PLAN_CSV)
    run = ImportRun.objects.get()
    assert run.status == "queued" and run.task_id is not None
    waiting = client.get(response["Location"])
    assert "Reading plan.csv" in _text(waiting)
    status = client.get(reverse("imports:status", args=[run.pk]))
    assert "HX-Refresh" not in status

    assert run_pending() == 1
    task = BackgroundTask.objects.select_related("task_result").get(pk=run.task_id)
    assert (task.get_status_display(), task.progress) == ("Done", 100)
    assert task.message == "Read 3 actions: check them and confirm the import."
    run.refresh_from_db()
    assert (run.status, run.actions) == ("parsed", 3)
    assert client.get(reverse("imports:status", args=[run.pk]))["HX-Refresh"] == "true"


def test_a_table_with_no_recognised_header_offers_its_first_row_for_mapping() -> None:
    client = _client()
    content = (
        "Work stream,Delivered through,Finish\n"
        "Open a falls clinic in every PCN,TPCT,Mar-26\n"
        "Train care home staff in falls prevention,TMBC,Sept 2026\n"
    )
    response = _upload(client, "falls.csv", content)
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.status == "failed" and "no recognisable plan table" in run.error
    assert run.unmapped_headers == ["Work stream", "Delivered through", "Finish"]
    page = _text(client.get(response["Location"]))
    assert "no recognisable plan table" in page and "Columns that were not recognised" in page

    client.post(
        reverse("imports:mapping", args=[run.pk]),
        {"column_0": "action", "column_1": "lead", "column_2": "due"},
    )
    run.refresh_from_db()
    assert run.status == "parsed" and run.actions == 2
    assert run.document is not None
    actions = [a for t in run.document["themes"] for p in t["priorities"] for a in p["actions"]]
    assert [(a["leads"], a["due_text"]) for a in actions] == [
        (["TPCT"], "Mar-26"),
        (["TMBC"], "Sept 2026"),
    ]


def test_decidim_import_layout_download() -> None:
    client = _client()
    strategy = _strategy_for(client)
    url = reverse("imports:export_decidim", args=[strategy.pk])
    response = client.get(f"{url}?layout=import")
    assert response.status_code == 200
    assert "-import.csv" in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("result_id,decidim_category_id,decidim_scope_id,parent_id")
    assert len(lines) == 1 + 2 + 3
