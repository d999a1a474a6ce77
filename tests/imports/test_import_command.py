"""`wellboard import`: dry runs, saving in one transaction, and one-line errors."""

from __future__ import annotations

import json
import zipfile
from io import StringIO
from pathlib import Path
from typing import Any, cast

import pytest
from django.core.management import CommandError, call_command

from tests.factories import PartnershipFactory, StrategyFactory
from wellboard.imports.models import ImportRun
from wellboard.partnerships.models import Organisation, Partnership
from wellboard.strategy.models import Action, ProgressUpdate, Strategy

pytestmark = pytest.mark.django_db


def _partnership() -> Partnership:
    return cast(Partnership, PartnershipFactory())


def _new_strategy(**fields: Any) -> Strategy:
    return cast(Strategy, StrategyFactory(**fields))


def _run(*args: str) -> str:
    out = StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


def _counts() -> tuple[int, int, int, int, int]:
    return (
        Partnership.objects.count(),
        Organisation.objects.count(),
        Strategy.objects.count(),
        Action.objects.count(),
        ImportRun.objects.count(),
    )


def _fails(path: Path, *extra: str) -> str:
    before = _counts()
    with pytest.raises(CommandError) as caught:
        _run(str(path), *extra)
    assert caught.value.returncode == 2
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert _counts() == before
    return message


def test_dry_run_json_prints_the_canonical_document_and_writes_nothing(plan_csv: Path) -> None:
    _partnership()
    before = _counts()
    document = json.loads(_run(str(plan_csv), "--dry-run", "--json"))
    assert _counts() == before
    assert document["format"] == "wellboard-plan"
    assert [t["title"] for t in document["themes"]] == ["Starting well", "Ageing well"]
    cooking = document["themes"][0]["priorities"][0]["actions"][0]
    assert (cooking["due_text"], cooking["due_end"]) == ("Mar-26", "2026-03-31")
    assert document["themes"][1]["priorities"][0]["actions"][0]["indicator_codes"] == [
        "ASCOF 1D",
        "ASCOF 3D",
    ]
    # Canonical: every optional key present, as `wellboard export` writes it.
    assert "milestones" in cooking and "glossary" in document


def test_dry_run_needs_no_partnership_and_prints_a_summary(plan_csv: Path) -> None:
    out = _run(str(plan_csv), "--dry-run")
    assert out.splitlines()[0] == "2 themes, 2 priorities, 3 actions, 0 warnings"
    assert Partnership.objects.count() == 0


def test_import_saves_a_new_strategy_and_records_the_run(plan_csv: Path) -> None:
    partnership = _partnership()
    outcome = json.loads(_run(str(plan_csv), "--json"))
    strategy = Strategy.objects.get(pk=outcome["strategy_id"])
    assert strategy.partnership == partnership
    assert outcome["actions"] == 3 and outcome["warnings"] == []
    action = Action.objects.get(title="Run family cooking clubs in every hub")
    assert action.lead_labels() == ["TMBC"]
    assert action.updates.get().date_text == "October 2025"
    run = ImportRun.objects.get()
    assert (run.file_name, run.actions, run.status) == ("tarnside-plan.csv", 3, "applied")
    assert run.result_strategy == strategy and run.created_by is None


def test_import_over_a_strategy_replaces_its_plans_and_keeps_its_identity(
    plan_csv: Path,
) -> None:
    strategy = _new_strategy(title="Tarnside JHWS 2024-2027", status="in_delivery")
    out = _run(str(plan_csv), "--strategy", str(strategy.pk))
    assert f"strategy {strategy.pk}" in out
    strategy.refresh_from_db()
    assert (strategy.title, strategy.status) == ("Tarnside JHWS 2024-2027", "in_delivery")
    assert Action.objects.in_strategy(strategy).count() == 3
    assert Strategy.objects.count() == 1


def test_a_decidim_export_is_recognised_by_its_header(decidim_csv: Path) -> None:
    document = json.loads(_run(str(decidim_csv), "--dry-run", "--json"))
    (priority,) = document["themes"][0]["priorities"]
    assert priority["title"] == "Active travel to school"
    assert [a["percent_complete"] for a in priority["actions"]] == [100, 10]


def test_several_partnerships_need_one_named(plan_csv: Path) -> None:
    _partnership()
    other = _partnership()
    assert "--partnership" in _fails(plan_csv)
    _run(str(plan_csv), "--partnership", str(other.pk))
    assert Strategy.objects.get().partnership == other


def test_no_partnership_at_all_says_to_run_setup(plan_csv: Path) -> None:
    message = _fails(plan_csv)
    assert "no partnership exists" in message
    assert "wellboard setup" in message and "--new-partnership" in message


def test_new_partnership_is_created_with_the_plan(plan_csv: Path) -> None:
    _run(str(plan_csv), "--new-partnership", "Eastshire HWB")
    strategy = Strategy.objects.get()
    assert strategy.partnership.name == "Eastshire HWB"
    assert ImportRun.objects.get().partnership == strategy.partnership


def test_new_partnership_that_exists_or_clashes_is_refused(plan_csv: Path) -> None:
    existing = _partnership()
    assert "already exists" in _fails(plan_csv, "--new-partnership", existing.name.upper())
    message = _fails(plan_csv, "--new-partnership", "X", "--partnership", str(existing.pk))
    assert "cannot be given with" in message


def test_new_partnership_is_not_left_behind_by_a_failed_import(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip file")
    _fails(broken, "--new-partnership", "Eastshire HWB")
    assert not Partnership.objects.filter(name="Eastshire HWB").exists()


def test_unknown_strategy_and_partnership(plan_csv: Path) -> None:
    _partnership()
    assert "no strategy with id 999" in _fails(plan_csv, "--strategy", "999")
    assert "no partnership with id 999" in _fails(plan_csv, "--partnership", "999")


def test_a_strategy_of_another_partnership_is_refused(plan_csv: Path) -> None:
    strategy = _new_strategy()
    other = _partnership()
    message = _fails(plan_csv, "--strategy", str(strategy.pk), "--partnership", str(other.pk))
    assert "is not in partnership" in message


def test_bad_files_give_one_line_errors(tmp_path: Path) -> None:
    _partnership()
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    assert "the file is empty" in _fails(empty)

    text_as_docx = tmp_path / "plan.docx"
    text_as_docx.write_text("Priority\tAction\nA\tB\n")
    assert "not a zip file" in _fails(text_as_docx)

    corrupt = tmp_path / "corrupt.docx"
    with zipfile.ZipFile(corrupt, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><Default ContentType=")
        archive.writestr("word/document.xml", "<w:document>not closed")
    assert _fails(corrupt)

    no_header = tmp_path / "notes.csv"
    no_header.write_text("Minutes of the meeting,held in the town hall\nApologies,none\n")
    assert "no recognisable plan table" in _fails(no_header)

    assert "no such file" in _fails(tmp_path / "missing.csv")


def test_the_wellboard_command_prints_the_error_and_exits_2(tmp_path: Path) -> None:
    """Through the real entry point, as an officer would type it."""
    import subprocess
    import sys

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "wellboard.cli", "import", str(empty), "--dry-run"],
        capture_output=True,
        text=True,
        env={"DEBUG": "true", "PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:///:memory:"},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith(f"{empty}: the file is empty")
    assert len(done.stderr.strip().splitlines()) == 1


def test_sheet_round_trip_through_the_commands(plan_csv: Path, tmp_path: Path) -> None:
    import openpyxl

    from wellboard.core.spreadsheet_roundtrip import HEADERS

    _partnership()
    strategy_id = json.loads(_run(str(plan_csv), "--json"))["strategy_id"]
    sheet = tmp_path / "plan.xlsx"
    call_command("export_plan", str(strategy_id), "-o", str(sheet), stdout=StringIO())
    book = openpyxl.load_workbook(sheet)
    rows = book.worksheets[0]
    rows.cell(row=2, column=HEADERS.index("Due") + 1).value = "Sept 2026"
    rows.cell(row=2, column=HEADERS.index("Latest update") + 1).value = "Ten clubs open"
    rows.cell(row=2, column=HEADERS.index("Status") + 1).value = "Green"
    rows.cell(row=2, column=HEADERS.index("Percent complete") + 1).value = 60
    rows.delete_rows(4)
    book.save(sheet)
    old_update = ProgressUpdate.objects.get(action__title__startswith="Run family")

    preview = _run(str(sheet), "--strategy", str(strategy_id), "--dry-run")
    assert "1 changed, 0 new, 1 missing from the sheet" in preview
    assert "1.1.1: due: Mar-26 -> Sept 2026" in preview
    assert "missing: 2.1.1" in preview
    assert ProgressUpdate.objects.count() == 1

    _run(str(sheet), "--strategy", str(strategy_id))
    action = Action.objects.get(ref="1.1.1")
    assert (action.due_text, str(action.due_end)) == ("Sept 2026", "2026-09-30")
    assert action.percent_complete == 60
    newest = action.updates.order_by("-id").first()
    assert newest is not None and newest.pk != old_update.pk
    assert (newest.text, newest.rag, newest.percent_complete) == ("Ten clubs open", "green", 60)
    old_update.refresh_from_db()
    assert old_update.text == "six clubs open"
    # Missing from the sheet, but not deleted without --delete-missing.
    assert Action.objects.filter(ref="2.1.1").exists()
    _run(str(sheet), "--strategy", str(strategy_id), "--delete-missing")
    # Archived, never deleted (issue #12): it leaves the plan and keeps its records.
    assert not Action.objects.active().filter(ref="2.1.1").exists()
    assert Action.objects.filter(ref="2.1.1").get().is_archived


def test_decidim_export_command_round_trips(decidim_csv: Path, tmp_path: Path) -> None:
    _partnership()
    strategy_id = json.loads(_run(str(decidim_csv), "--json"))["strategy_id"]
    again = tmp_path / "again.csv"
    call_command(
        "export_plan", str(strategy_id), "--as", "decidim", "-o", str(again), stdout=StringIO()
    )
    first = json.loads(_run(str(decidim_csv), "--dry-run", "--json"))
    second = json.loads(_run(str(again), "--dry-run", "--json"))

    def shape(document: dict) -> list:
        return [
            (
                p["ref"],
                p["title"],
                [
                    (
                        a["ref"],
                        a["title"],
                        a["due_start"],
                        a["due_end"],
                        a["percent_complete"],
                        *tuple(u["rag"] for u in a["updates"]),
                    )
                    for a in p["actions"]
                ],
            )
            for p in document["themes"][0]["priorities"]
        ]

    assert shape(second) == shape(first)
    assert shape(first)[0][2][1][-1] == "amber"


def test_decidim_import_layout_command_round_trips(decidim_csv: Path, tmp_path: Path) -> None:
    _partnership()
    strategy_id = json.loads(_run(str(decidim_csv), "--json"))["strategy_id"]
    again = tmp_path / "import.csv"
    call_command(
        "export_plan", str(strategy_id), "--as", "decidim-import", "-o", str(again),
        stdout=StringIO(),
    )  # fmt: skip
    assert again.read_text(encoding="utf-8").startswith("result_id,")
    first = json.loads(_run(str(decidim_csv), "--dry-run", "--json"))
    second = json.loads(_run(str(again), "--dry-run", "--json"))

    def shape(document: dict[str, Any]) -> list[Any]:
        return [
            (p["title"], [(a["title"], a["due_end"], a["percent_complete"]) for a in p["actions"]])
            for t in document["themes"]
            for p in t["priorities"]
        ]

    assert shape(second) == shape(first)
