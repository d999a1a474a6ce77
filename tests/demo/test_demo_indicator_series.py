"""The demo's outcome indicator carries its Fingertips series: persons, each sex, deciles."""

from __future__ import annotations

import pytest
from django.test import Client

from wellboard.demo.indicator_series import add_indicator_series
from wellboard.demo.services import load_demo
from wellboard.indicators.models import Indicator
from wellboard.indicators.series import available_series

pytestmark = pytest.mark.django_db


def test_the_demo_indicator_offers_its_series(client: Client) -> None:
    result = load_demo()
    indicator = Indicator.objects.get(partnership=result.strategy.partnership, code="PHOF 0.1i")
    labels = [key.label for key in available_series(indicator)]
    assert labels[0] == "Persons, All ages"
    assert "Female, All ages" in labels and len(labels) == 5
    assert add_indicator_series(result.strategy.partnership) == 0  # added once
    client.login(username="board1", password=result.password)
    page = client.get(f"/indicators/{indicator.pk}/").content.decode()
    assert "Showing: <strong>Persons, All ages</strong>" in page
    assert "Male, All ages</a>" in page
