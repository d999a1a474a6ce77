"""Tokens: shown once, stored as a digest, one partnership's, revocable, and no more
powerful than their user's role; `wellboard api-token` makes and revokes them."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command

from tests.api.helpers import call, is_problem, token_for
from tests.delivery_world import World
from tests.factories import MembershipFactory
from wellboard.accounts.models import Membership
from wellboard.api import tokens
from wellboard.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_only_a_digest_of_the_token_is_stored(world: World) -> None:
    record, token = tokens.create_token(
        user=world.admin, partnership=world.strategy.partnership, name="Power BI", can_write=False
    )
    assert token.startswith(f"wb_{record.prefix}_") and len(token) > 50
    assert record.digest == hashlib.sha256(token.encode()).hexdigest()
    stored = ApiToken.objects.filter(pk=record.pk).values_list(flat=False).get()
    assert not any(token in str(value) for value in stored)
    assert tokens.find(token) == record
    assert tokens.find(token[:-1] + ("A" if token[-1] != "A" else "B")) is None


def test_a_revoked_token_or_a_deactivated_member_gets_401(world: World) -> None:
    partnership = world.strategy.partnership
    revoked, kept = token_for(world.admin, partnership), token_for(world.lead, partnership)
    assert call("GET", "/api/v1/actions/", revoked).status_code == 200
    record = tokens.find(revoked)
    assert record is not None and tokens.revoke(record, by=world.admin)
    assert is_problem(call("GET", "/api/v1/actions/", revoked), 401)
    Membership.objects.filter(user=world.lead).update(active=False)
    assert is_problem(call("GET", "/api/v1/actions/", kept), 401)


def test_a_token_reaches_only_its_own_partnership(world: World) -> None:
    """The stranger also belongs to the world's partnership; their token for their own
    partnership still finds nothing of it."""
    MembershipFactory(
        user=world.stranger,
        partnership=world.strategy.partnership,
        role=Membership.Role.ADMINISTRATOR,
    )
    foreign = world.foreign_action.priority.theme.plan.strategy.partnership
    token = token_for(world.stranger, foreign)
    assert call("GET", f"/api/v1/actions/{world.foreign_action.pk}/", token).status_code == 200
    assert is_problem(call("GET", f"/api/v1/actions/{world.own_action.pk}/", token), 404)
    listed = {row["id"] for row in call("GET", "/api/v1/actions/", token).json()["results"]}
    assert listed == {world.foreign_action.pk}


def test_a_token_is_made_only_for_a_member_of_its_partnership(world: World) -> None:
    foreign = world.foreign_action.priority.theme.plan.strategy.partnership
    with pytest.raises(Exception, match="not an active member"):
        tokens.create_token(user=world.admin, partnership=foreign, name="x", can_write=True)


def test_the_command_prints_a_working_token_once(world: World) -> None:
    out = io.StringIO()
    call_command("api_token", "create", "--user", world.lead.username, "--write", stdout=out)
    token = out.getvalue().strip()
    record = tokens.find(token)
    assert record is not None and record.can_write and record.user == world.lead
    assert call("GET", "/api/v1/actions/", token).status_code == 200
    out = io.StringIO()
    call_command("api_token", "revoke", record.prefix, stdout=out)
    assert is_problem(call("GET", "/api/v1/actions/", token), 401)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "--user", "nobody"], "no user called 'nobody'"),
        (["create", "--user", "lead", "--partnership", "x"], "give the partnership's id"),
        (["create", "--user", "lead", "--partnership", "999999"], "not an active member"),
        (["create", "--user", "lead", "--partnership", "9" * 25], "give the partnership's id"),
        (["create", "--user", "lead", "--partnership", "²"], "give the partnership's id"),
        (["create"], "required: --user"),
        ([], "required: action"),
        (["revoke", "nothing"], "no token with prefix"),
    ],
)
def test_the_command_refuses_bad_input_in_one_line_with_status_2(
    world: World, args: list[str], message: str
) -> None:
    with pytest.raises(CommandError, match=message) as refused:
        call_command("api_token", *args)
    assert refused.value.returncode == 2 and "\n" not in str(refused.value)


def test_a_subcommands_usage_error_on_the_command_line_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """argparse's own error for "api-token create" without --user (no database needed)."""
    from wellboard.cli import main

    with pytest.raises(SystemExit) as refused:
        main(["api-token", "create"])
    assert refused.value.code == 2
    error = capsys.readouterr().err.strip()
    assert error == "CommandError: the following arguments are required: --user"
