"""Organisation names in plans matched to the partnership's organisations and acronyms."""

from __future__ import annotations

from typing import Any, cast

import pytest

from tests.factories import PartnershipFactory
from wellboard.exchange.references import References
from wellboard.partnerships.models import Organisation, Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership() -> Partnership:
    partnership = cast(Partnership, PartnershipFactory())
    Organisation.objects.create(partnership=partnership, name="County Council")
    Organisation.objects.create(
        partnership=partnership, name="Clinical Commissioning Group", acronym="CCG"
    )
    Organisation.objects.create(partnership=partnership, name="Adult Social Care & Health")
    return partnership


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("County Council", "County Council"),
        ("the county council", "County Council"),
        ("CCG", "Clinical Commissioning Group"),
        ("Clinical Commissioning Group (CCG)", "Clinical Commissioning Group"),
        ("Adult Social Care and Health", "Adult Social Care & Health"),
    ],
)
def test_a_plan_names_a_known_organisation(partnership: Partnership, label: str, name: str) -> None:
    refs = References(partnership)
    assert refs.organisation(label).name == name
    assert partnership.organisations.count() == 3


def test_an_unknown_organisation_is_added_with_its_acronym(partnership: Partnership) -> None:
    refs = References(partnership)
    carers: Any = refs.organisation("Carers Trust (CT)")
    assert (carers.name, carers.acronym) == ("Carers Trust", "CT")
    assert refs.organisation("CT") == carers
    assert refs.organisation("Public Health Team").name == "Public Health Team"
    assert partnership.organisations.count() == 5
