from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import PartnershipFactory
from wellboard.indicators.loaders import load_fingertips_csv
from wellboard.partnerships.models import Partnership

FIXTURES = Path(__file__).parent / "fixtures"
DOWNLOAD = FIXTURES / "fingertips_download.csv"
HOME, NEIGHBOUR, REGION, ENGLAND = "E10000099", "E10000098", "E12000008", "E92000001"


@pytest.fixture
def partnership() -> Partnership:
    return PartnershipFactory(name="Elmbridge Vale Health and Wellbeing Board", area="")


@pytest.fixture
def loaded(partnership: Partnership) -> Partnership:
    load_fingertips_csv(partnership=partnership, source=DOWNLOAD)
    return partnership
