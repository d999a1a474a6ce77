import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

SCHEMA_PATH = Path(__file__).parents[3] / "wellboard" / "core" / "exchange" / "plan.schema.json"


@pytest.fixture(scope="session")
def assert_valid() -> Callable[[dict[str, Any]], None]:
    """Check a plan against the exchange-format JSON schema, listing every error."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)

    def check(plan: dict[str, Any]) -> None:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(plan)]
        assert not errors, "\n".join(errors)

    return check
