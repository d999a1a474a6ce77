"""Export -> load -> export loses nothing and is byte-for-byte stable."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wellboard.core.exchange import canonical, dumps
from wellboard.demo.services import demo_document
from wellboard.exchange.export import export_strategy
from wellboard.exchange.load import load_strategy
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db


def test_small_plan_round_trips_field_for_field(small_plan: dict[str, Any]) -> None:
    strategy = load_strategy(small_plan)
    assert dumps(export_strategy(strategy)) == canonical(small_plan)


def test_demo_plan_round_trips_field_for_field() -> None:
    document = demo_document()
    first = export_strategy(load_strategy(document))
    assert first == json.loads(canonical(document))


def test_export_of_a_reloaded_export_is_byte_for_byte_identical() -> None:
    first = dumps(export_strategy(load_strategy(demo_document())))
    second_strategy = load_strategy(json.loads(first))
    assert dumps(export_strategy(second_strategy)) == first


def test_loading_over_a_strategy_updates_its_plans_in_place(small_plan: dict[str, Any]) -> None:
    strategy = load_strategy(small_plan)
    kept = Action.objects.get(ref="1.1.1")
    small_plan["themes"] = small_plan["themes"][:1]
    small_plan["themes"][0]["priorities"][0]["actions"][0]["title"] = "A revised action"
    small_plan["plans"] = []
    small_plan["themes"][0]["priorities"][0]["sub_plan"] = ""
    again = load_strategy(small_plan, strategy=strategy)
    assert again.pk == strategy.pk
    assert Strategy.objects.count() == 1
    kept.refresh_from_db()
    assert kept.title == "A revised action"
    # The action no longer in the document stays until archiving is asked for.
    assert Action.objects.count() == 2


def test_shared_references_are_reused_not_duplicated(small_plan: dict[str, Any]) -> None:
    first = load_strategy(small_plan)
    small_plan["title"] = "A second strategy"
    second = load_strategy(small_plan)
    assert first.partnership_id == second.partnership_id
    assert first.partnership.organisations.filter(acronym="BVC").count() == 1
    assert first.partnership.indicators.filter(code="ASCOF 1D").count() == 1


def test_names_a_document_does_not_declare_are_created(small_plan: dict[str, Any]) -> None:
    action = small_plan["themes"][0]["priorities"][0]["actions"][0]
    action["leads"].append("NEWORG")
    action["lead_officer"] = "Sam Okafor"
    action["indicator_codes"].append("NHSOF 2.1")
    exported = export_strategy(load_strategy(small_plan))
    organisations = {o["name"]: o["acronym"] for o in exported["partnership"]["organisations"]}
    assert organisations["NEWORG"] == "NEWORG"
    assert "Sam Okafor" in [m["name"] for m in exported["partnership"]["members"]]
    assert "NHSOF 2.1" in [i["code"] for i in exported["indicators"]]


def test_a_role_type_the_partnership_lacks_becomes_one_of_its_own(
    small_plan: dict[str, Any],
) -> None:
    """A plan written with drive / sponsor / observe loads, and exports the same words."""
    action = small_plan["themes"][0]["priorities"][0]["actions"][0]
    action["role_type"] = "sponsor"
    strategy = load_strategy(small_plan)
    loaded = Action.objects.in_strategy(strategy).get(ref=action["ref"])
    assert loaded.role_type is not None
    assert (loaded.role_type.key, loaded.role_type.name) == ("sponsor", "Sponsor")
    assert loaded.role_type.partnership_id == strategy.partnership_id
    assert dumps(export_strategy(strategy)) == canonical(small_plan)
