"""`wellboard api-token` reaches the api_token command through the product's own command line.

On its own in this module because Django's command runner closes every database connection
when it ends: on PostgreSQL that ends the transaction a module's shared world lives in, so any
test after it in the same module would find its connection closed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_wellboard_api_token_is_the_commands_name(capsys: pytest.CaptureFixture[str]) -> None:
    from wellboard.cli import main

    with pytest.raises(SystemExit) as refused:
        main(["api-token", "create", "--user", "nobody"])
    assert refused.value.code == 2
    assert capsys.readouterr().err.strip() == "CommandError: no user called 'nobody'"
