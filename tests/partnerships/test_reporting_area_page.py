"""The reporting area page: members see the partnership's area, administrators set it."""

from __future__ import annotations

import pytest

from tests.partnerships.conftest import ADMIN, BOARD, Two
from wellboard.indicators.models import ReportingArea

pytestmark = pytest.mark.django_db


def _url(two: Two) -> str:
    return f"/partnerships/{two.ours.pk}/reporting-area/"


def test_an_administrator_sets_the_area_from_the_partnership_menu(two: Two) -> None:
    client = two.client_for(ADMIN)
    overview = client.get(f"/partnerships/{two.ours.pk}/").content.decode()
    assert f'href="{_url(two)}"' in overview
    assert "No reporting area is set yet" in client.get(_url(two)).content.decode()
    response = client.post(
        _url(two),
        {
            "area_code": " e06000047 ",
            "area_name": "County Durham",
            "region_code": "E12000001",
            "region_name": "North East",
        },
    )
    assert response.status_code == 302
    area = ReportingArea.objects.get(partnership=two.ours)
    assert (area.area_code, area.region_code) == ("E06000047", "E12000001")
    page = client.get(_url(two)).content.decode()
    assert "County Durham (E06000047)" in page and "North East (E12000001)" in page


def test_a_code_that_is_not_an_area_is_refused_on_the_form(two: Two) -> None:
    client = two.client_for(ADMIN)
    response = client.post(_url(two), {"area_code": "E92000001", "region_code": "Cumbria"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "That is England" in page and "is not an area code" in page
    assert not ReportingArea.objects.exists()


def test_board_members_read_it_but_cannot_change_it(two: Two) -> None:
    ReportingArea.objects.create(partnership=two.ours, area_code="E06000047")
    client = two.client_for(BOARD)
    page = client.get(_url(two)).content.decode()
    assert "E06000047" in page and "Save the reporting area" not in page
    assert client.post(_url(two), {"area_code": "E06000001"}).status_code == 403
    assert ReportingArea.objects.get().area_code == "E06000047"
