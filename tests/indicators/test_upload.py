"""The local data upload page: administrators load a CSV; everyone else is refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import IndicatorFactory, MembershipFactory, PartnershipFactory
from tests.indicators.conftest import FIXTURES
from tests.indicators.test_load_local import Z95, wilson
from wellboard.accounts.models import Membership
from wellboard.indicators.forms import MAX_UPLOAD_BYTES
from wellboard.indicators.models import Indicator, IndicatorValue
from wellboard.partnerships.models import Partnership

pytestmark = pytest.mark.django_db
ADMIN = Membership.Role.ADMINISTRATOR
BREASTFEEDING = (FIXTURES / "local_breastfeeding.csv").read_bytes()


@pytest.fixture
def indicator(partnership: Partnership) -> Indicator:
    return IndicatorFactory(partnership=partnership, code="Breastfeeding (local)", unit="%")


def login(client: Client, partnership: Partnership, role: str) -> None:
    client.force_login(MembershipFactory(partnership=partnership, role=role).user)


def post(client: Client, indicator: Indicator, data: bytes, **fields: str) -> object:
    upload = SimpleUploadedFile("breastfeeding.csv", data, content_type="text/csv")
    payload = {"method": "wilson", "multiplier": "", **fields, "file": upload}
    return client.post(f"/indicators/{indicator.pk}/upload/", payload)


def test_an_administrator_loads_values_with_computed_limits(
    client: Client, indicator: Indicator
) -> None:
    login(client, indicator.partnership, ADMIN)
    response = post(client, indicator, BREASTFEEDING, multiplier="100")
    assert response.status_code == 302
    assert response["Location"] == f"/indicators/{indicator.pk}/"
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 4
    north = indicator.values.get(area_code="EV-N", period_label="2022/23")
    lower, upper = wilson(412, 1003, Z95)
    assert north.value == pytest.approx(100 * 412 / 1003)
    assert (north.lower_ci95, north.upper_ci95) == (
        pytest.approx(100 * lower), pytest.approx(100 * upper),
    )  # fmt: skip
    assert north.lower_ci998 < north.lower_ci95 and north.upper_ci998 > north.upper_ci95
    page = client.get(response["Location"]).content.decode()
    assert "Loaded 4 values" in page


def test_a_bad_row_is_a_form_error_naming_it_and_nothing_is_stored(
    client: Client, indicator: Indicator
) -> None:
    login(client, indicator.partnership, ADMIN)
    bad = BREASTFEEDING + b"EV-E,Elmbridge Vale East,2023/24,many,40\n"
    response = post(client, indicator, bad)
    html = response.content.decode()
    assert response.status_code == 400
    assert "row 6" in html and "numerator" in html and "nhsuk-error-summary" in html
    assert not IndicatorValue.objects.filter(indicator=indicator).exists()


def test_a_failed_reload_leaves_earlier_values_unchanged(
    client: Client, indicator: Indicator
) -> None:
    login(client, indicator.partnership, ADMIN)
    assert post(client, indicator, BREASTFEEDING).status_code == 302
    before = sorted(IndicatorValue.objects.values_list("area_code", "period_label", "value"))
    changed = BREASTFEEDING.replace(b"412,1003", b"500,1003") + b"EV-E,East,2024,50,10\n"
    response = post(client, indicator, changed)
    assert response.status_code == 400
    assert "numerator is greater than denominator" in response.content.decode()
    after = sorted(IndicatorValue.objects.values_list("area_code", "period_label", "value"))
    assert after == before


def test_a_file_that_is_not_utf8_is_a_form_error(client: Client, indicator: Indicator) -> None:
    login(client, indicator.partnership, ADMIN)
    response = post(client, indicator, BREASTFEEDING.decode().encode("utf-16"))
    assert response.status_code == 400
    assert "not UTF-8 text" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_files_over_the_size_cap_are_refused(client: Client, indicator: Indicator) -> None:
    login(client, indicator.partnership, ADMIN)
    padding = b"EV-N,North,2022/23,1,2\n" * (MAX_UPLOAD_BYTES // 20)
    response = post(client, indicator, b"area,area_name,period,numerator,denominator\n" + padding)
    assert response.status_code == 400
    assert "over the 1 MB limit" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_the_form_suggests_the_method_the_unit_implies(
    client: Client, partnership: Partnership
) -> None:
    rate = IndicatorFactory(partnership=partnership, unit="per 100,000")
    login(client, partnership, ADMIN)
    html = client.get(f"/indicators/{rate.pk}/upload/").content.decode()
    assert 'value="byars" checked' in html
    assert 'value="100000"' in html


@pytest.mark.parametrize("role", [Membership.Role.LEAD_OFFICER, Membership.Role.BOARD_MEMBER])
def test_other_members_of_the_partnership_are_forbidden(
    client: Client, indicator: Indicator, role: str
) -> None:
    login(client, indicator.partnership, role)
    assert client.get(f"/indicators/{indicator.pk}/upload/").status_code == 403
    assert post(client, indicator, BREASTFEEDING).status_code == 403
    assert not IndicatorValue.objects.exists()


def test_another_partnerships_administrator_finds_no_such_page(
    client: Client, indicator: Indicator
) -> None:
    login(client, PartnershipFactory(), ADMIN)
    assert client.get(f"/indicators/{indicator.pk}/upload/").status_code == 404
    assert post(client, indicator, BREASTFEEDING).status_code == 404
    assert not IndicatorValue.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, indicator: Indicator) -> None:
    response = post(client, indicator, BREASTFEEDING)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not IndicatorValue.objects.exists()


def test_a_post_without_the_csrf_token_is_rejected(indicator: Indicator) -> None:
    client = Client(enforce_csrf_checks=True)
    login(client, indicator.partnership, ADMIN)
    page = client.get(f"/indicators/{indicator.pk}/upload/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    assert post(client, indicator, BREASTFEEDING).status_code == 403
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize("role", [r.value for r in Membership.Role])
def test_only_administrators_see_the_upload_link(
    client: Client, indicator: Indicator, role: str
) -> None:
    login(client, indicator.partnership, role)
    html = client.get(f"/indicators/{indicator.pk}/").content.decode()
    assert (f"/indicators/{indicator.pk}/upload/" in html) == (role == ADMIN)


def test_an_area_name_longer_than_the_field_is_a_form_error(
    client: Client, indicator: Indicator
) -> None:
    """Once a 500 (the database refused the value); now the row is named (issue #12.10)."""
    login(client, indicator.partnership, ADMIN)
    long_name = "Elmbridge Vale " + "North " * 40
    bad = BREASTFEEDING + f"EV-L,{long_name},2023/24,40,100\n".encode()
    response = post(client, indicator, bad)
    html = response.content.decode()
    assert response.status_code == 400
    assert "row 6: area_name is longer than 200 characters" in html
    assert not IndicatorValue.objects.filter(indicator=indicator).exists()
