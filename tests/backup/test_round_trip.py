"""Backup and restore of a whole partnership: a restore into an empty database reproduces
it exactly, table by table (issue #12.2)."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from tests.backup.conftest import table_counts
from tests.strategy.current_checks import assert_current
from wellboard.backup.collect import owned_models
from wellboard.backup.document import build_backup, read_backup
from wellboard.backup.fingerprint import fingerprint
from wellboard.history.models import ChangeRecord
from wellboard.indicators.catalogue import apply_catalogue, read_catalogue
from wellboard.indicators.models import CatalogueEntry
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action, ProgressUpdate, UpdateReview

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_types() -> Iterator[None]:
    """A flush gives content types new ids; the test's rollback brings the old ones back."""
    yield
    ContentType.objects.clear_cache()


def _empty_database() -> None:
    """As a freshly migrated installation: no rows but the national catalogue."""
    connection.check_constraints()  # PostgreSQL will not truncate with checks pending
    call_command("flush", "--no-input", verbosity=0)
    ContentType.objects.clear_cache()
    apply_catalogue(CatalogueEntry, read_catalogue())
    assert Partnership.objects.count() == 0 and User.objects.count() == 0


def test_every_table_of_the_rich_partnership_has_rows(rich_partnership: Partnership) -> None:
    # Otherwise the round trip below would prove nothing for the empty tables.
    empty = [label for label, n in table_counts(rich_partnership).items() if n == 0]
    assert empty == [], f"add rows of {empty} to tests/backup/conftest.py (or the demo)"


def test_restore_into_an_empty_database_reproduces_every_table(
    rich_partnership: Partnership, tmp_path: Path
) -> None:
    counts = table_counts(rich_partnership)
    before = fingerprint(build_backup(rich_partnership, with_passwords=True))
    history = ChangeRecord.objects.count()
    out = tmp_path / "vale.json.gz"
    args = ["--partnership", str(rich_partnership.pk), "--out", str(out), "--with-passwords"]
    call_command("backup", *args, stdout=StringIO())
    assert before["accounts.membership"]["rows"] == 4
    assert before["history.changerecord"]["rows"] > 0

    _empty_database()
    message = StringIO()
    call_command("restore", str(out), stdout=message)
    restored = Partnership.objects.get()
    assert message.getvalue().startswith(f"Restored {restored.name} as partnership {restored.pk}")
    assert table_counts(restored) == counts
    after = fingerprint(build_backup(restored, with_passwords=True))
    assert set(after) == set(before)
    for table, figures in before.items():
        assert after[table] == figures, table
    # Every history record came back: none belonged to the other partnership's rows.
    assert ChangeRecord.objects.count() <= history
    admin = User.objects.get(username="admin")
    assert admin.has_usable_password()


def test_the_backup_leaves_other_partnerships_out(rich_partnership: Partnership) -> None:
    document = build_backup(rich_partnership)
    tables = {t["model"]: t["rows"] for t in document["tables"]}
    assert len(tables["partnerships.partnership"]) == 1
    action_ids = {row["pk"] for row in tables["strategy.action"]}
    assert action_ids == set(
        Action.objects.in_partnership(rich_partnership).values_list("pk", flat=True)
    )
    assert action_ids != set(Action.objects.values_list("pk", flat=True))


def test_updates_keep_reviews_reasons_and_supersessions(
    rich_partnership: Partnership, tmp_path: Path
) -> None:
    out = tmp_path / "vale.json"
    call_command("backup", "--partnership", str(rich_partnership.pk), "--out", str(out))
    _empty_database()
    call_command("restore", str(out), stdout=StringIO())
    review = UpdateReview.objects.get(decision="returned")
    assert review.reason == "Say which wards." and review.reviewer is not None
    correction = ProgressUpdate.objects.get(supersedes=review.update)
    assert correction.override_reason == "The last ward signed up on Monday."
    assert correction.author == review.reviewer
    # Backups leave each action's kept delivery out; the restore works it out again.
    assert "current_rag" not in read_backup(out)["tables"][0]["rows"][0]["fields"]
    assert assert_current() == Action.objects.count() > 0


def test_without_passwords_users_come_back_unable_to_sign_in(
    rich_partnership: Partnership, tmp_path: Path
) -> None:
    out = tmp_path / "vale.json"
    call_command("backup", "--partnership", str(rich_partnership.pk), "--out", str(out))
    tables = {t["model"]: t["rows"] for t in read_backup(out)["tables"]}
    assert {row["fields"]["password"] for row in tables["auth.user"]} == {""}
    _empty_database()
    call_command("restore", str(out), stdout=StringIO())
    assert User.objects.count() == 4
    assert not any(user.has_usable_password() for user in User.objects.all())


def test_users_already_there_are_refused_unless_said_to_be_the_same_people(
    rich_partnership: Partnership, tmp_path: Path
) -> None:
    out = tmp_path / "vale.json"
    call_command("backup", "--partnership", str(rich_partnership.pk), "--out", str(out))
    _empty_database()
    existing = User.objects.create_user("admin", password="kept-password-1")
    with pytest.raises(CommandError) as caught:
        call_command("restore", str(out), stdout=StringIO())
    assert caught.value.returncode == 2
    assert "a user called 'admin' exists here already" in str(caught.value)
    assert Partnership.objects.count() == 0 and User.objects.count() == 1
    report = StringIO()
    call_command("restore", str(out), "--use-existing-users", stdout=report)
    assert "3 users created, 1 existing kept" in report.getvalue()
    existing.refresh_from_db()
    assert existing.check_password("kept-password-1")
    assert existing.memberships.count() == 1


def test_owned_models_put_parents_first() -> None:
    order = [m._meta.label for m in owned_models()]
    assert order.index("partnerships.Partnership") < order.index("strategy.Strategy")
    assert order.index("strategy.Priority") < order.index("strategy.Action")
    assert order.index("strategy.ProgressUpdate") < order.index("strategy.UpdateReview")
