"""A link field refuses anything but http, https and mailto whoever saves it (issue #12.7)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.factories import (
    ActionFactory,
    GoodPracticeFactory,
    MembershipFactory,
    OrganisationFactory,
    OtherStrategyFactory,
    PartnershipFactory,
)
from wellboard.partnerships.models import Organisation
from wellboard.practice.forms import GoodPracticeForm
from wellboard.strategy.forms import UpdateForm
from wellboard.strategy.models import ProgressUpdate

pytestmark = pytest.mark.django_db

EVIL = "javascript:alert(document.cookie)"


def test_models_refuse_a_javascript_link_on_save() -> None:
    with pytest.raises(ValidationError), transaction.atomic():
        OrganisationFactory(website=EVIL)
    with pytest.raises(ValidationError), transaction.atomic():
        OtherStrategyFactory(url=EVIL)
    with pytest.raises(ValidationError), transaction.atomic():
        GoodPracticeFactory(url=EVIL)
    action = ActionFactory()
    with pytest.raises(ValidationError), transaction.atomic():
        ProgressUpdate.objects.create(action=action, text="x", evidence_url=EVIL)
    with pytest.raises(ValidationError), transaction.atomic():
        ProgressUpdate.objects.bulk_create(
            [ProgressUpdate(action=action, text="x", evidence_url="data:text/html,x")]
        )
    assert not ProgressUpdate.objects.filter(action=action).exists()


def test_models_accept_https_and_mailto_and_full_clean_refuses() -> None:
    org = OrganisationFactory(website="mailto:info@brookvale.gov.uk")
    org.website = "https://brookvale.gov.uk"
    org.full_clean()
    org.save()
    org.website = "vbscript:msgbox(1)"
    with pytest.raises(ValidationError) as caught:
        org.full_clean()
    assert "website" in caught.value.message_dict


def test_forms_refuse_javascript_and_keep_mailto() -> None:
    form = UpdateForm(
        data={"date": "2026-01-10", "rag": "green", "text": "t", "evidence_url": EVIL}
    )
    assert not form.is_valid()
    assert "evidence_url" in form.errors
    form = UpdateForm(
        data={"date": "2026-01-10", "rag": "green", "text": "t", "evidence_url": "mailto:a@b.org"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["evidence_url"] == "mailto:a@b.org"
    partnership = PartnershipFactory()
    practice = GoodPracticeForm(data={"name": "A", "url": EVIL}, partnership=partnership)
    assert not practice.is_valid()
    assert "url" in practice.errors


def test_a_link_stored_before_the_check_is_not_drawn_as_a_link(client: Client) -> None:
    """Rows written before the field refused them (update() skips save) stay inert."""
    org = OrganisationFactory()
    Organisation.objects.filter(pk=org.pk).update(website=EVIL)
    member = MembershipFactory(partnership=org.partnership)
    client.force_login(member.user)
    for name in ("partnerships:organisation", "partnerships:organisations"):
        pk = org.pk if name.endswith("n") else org.partnership_id
        page = client.get(reverse(name, args=[pk])).content.decode()
        assert "javascript:" not in page
