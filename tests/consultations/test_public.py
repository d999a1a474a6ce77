"""The public's side: no account, a response form while open, the draft with comments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.consultations.helpers import consultation_setting, full_answers
from wellboard.consultations.models import (
    Answer,
    ConsultationEvent,
    EqualityAnswers,
    ParagraphComment,
    Response,
)

pytestmark = pytest.mark.django_db


def _respond_url(setting: object) -> str:
    return reverse("consultations:respond", args=[setting.consultation.pk])  # type: ignore[attr-defined]


def test_the_form_asks_about_each_priority_and_keeps_equality_questions_apart() -> None:
    setting = consultation_setting()
    page = Client().get(_respond_url(setting))
    assert page.status_code == 200
    text = page.content.decode()
    for title in ("Healthy weight in childhood", "Mental health of young people"):
        assert f"How far do you agree that “{title}” should be a priority?" in text
    assert "Strongly disagree" in text and "Strongly agree" in text
    assert "Is anything missing from the strategy" in text
    assert "Equality monitoring (optional)" in text
    assert text.index("Equality monitoring") > text.index("Is anything missing")
    assert reverse("consultations:privacy", args=[setting.consultation.pk]) in text
    assert "<div hidden>" in text and 'name="website"' in text


def test_a_response_is_stored_with_its_answers_consents_and_equality_answers() -> None:
    setting = consultation_setting()
    answer = Client().post(_respond_url(setting), full_answers(setting))
    assert answer.status_code == 302
    assert answer["Location"] == reverse("consultations:thanks", args=[setting.consultation.pk])
    response = Response.objects.get()
    assert (response.name, response.email, response.respondent_type) == (
        "Priya Shah",
        "priya@example.org",
        "resident",
    )
    assert response.consent_privacy and response.consent_publish and response.consent_contact
    assert response.moderation == "pending"
    assert response.retain_until == setting.consultation.closes + dt.timedelta(days=365)
    assert Answer.objects.filter(response=response).count() == 4
    assert sorted(Answer.objects.exclude(scale=None).values_list("scale", flat=True)) == [4, 4]
    equality = EqualityAnswers.objects.get(response=response)
    assert (equality.age_band, equality.carer, equality.sex) == ("25_34", "yes", "")


def test_an_organisation_response_needs_the_organisations_name() -> None:
    setting = consultation_setting()
    data = full_answers(setting, respondent_type="organisation")
    page = Client().post(_respond_url(setting), data)
    assert page.status_code == 400
    assert "Enter the name of the organisation" in page.content.decode()
    assert not Response.objects.exists()
    data["organisation_name"] = "Vale Carers Centre"
    assert Client().post(_respond_url(setting), data).status_code == 302
    assert Response.objects.get().organisation_name == "Vale Carers Centre"


def test_without_agreeing_to_the_privacy_notice_nothing_is_stored() -> None:
    setting = consultation_setting()
    data = full_answers(setting)
    del data["consent_privacy"]
    page = Client().post(_respond_url(setting), data)
    assert page.status_code == 400
    assert "Confirm that you have read the privacy notice" in page.content.decode()
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_equality_questions_left_blank_store_nothing_and_an_empty_response_is_refused() -> None:
    setting = consultation_setting()
    data = full_answers(setting, **{"equality-age_band": "", "equality-carer": ""})
    assert Client().post(_respond_url(setting), data).status_code == 302
    assert not EqualityAnswers.objects.exists()
    empty = {k: v for k, v in data.items() if not k.startswith(("scale_", "comment_"))}
    page = Client().post(_respond_url(setting), empty)
    assert page.status_code == 400 and "Answer at least one question" in page.content.decode()
    assert Response.objects.count() == 1


@pytest.mark.parametrize("status", ["closed", "draft"])
def test_a_consultation_not_open_takes_nothing(status: str) -> None:
    setting = consultation_setting(status=status)
    client = Client()
    if status == "draft":  # not public yet: it does not exist for the public
        assert client.get(_respond_url(setting)).status_code == 404
        return
    page = client.get(_respond_url(setting))
    assert page.status_code == 200 and "is not taking responses" in page.content.decode()
    assert "closed on" in page.content.decode()
    client.post(_respond_url(setting), full_answers(setting))
    assert not Response.objects.exists()


def test_after_the_closing_date_the_form_says_so_even_while_still_marked_open() -> None:
    setting = consultation_setting()
    setting.consultation.closes = timezone.localdate() - dt.timedelta(days=1)
    setting.consultation.save()
    page = Client().get(_respond_url(setting))
    assert "is not taking responses" in page.content.decode()


def test_the_draft_shows_only_published_comments_beside_their_paragraph() -> None:
    setting = consultation_setting()
    consultation = setting.consultation
    key = "priority-1-1"
    client = Client()
    comment_url = reverse("consultations:comment", args=[consultation.pk, key])
    sent = client.post(comment_url, {"text": "Add school meals.", "consent_publish": "on"})
    assert sent.status_code == 302 and sent["Location"].endswith(f"#{key}")
    stored = ParagraphComment.objects.get()
    assert (stored.paragraph_key, stored.moderation) == (key, "pending")
    draft_url = reverse("consultations:draft", args=[consultation.pk])
    page = client.get(draft_url).content.decode()
    assert "We want everyone in the Vale to live well." in page
    assert "Healthy weight in childhood" in page and comment_url in page
    assert "Add school meals." not in page
    ParagraphComment.objects.filter(pk=stored.pk).update(
        moderation="published", published_text="Add school meals, please."
    )
    page = client.get(draft_url).content.decode()
    section = page[page.index(f'id="{key}"') :]
    assert "Add school meals, please." in section[: section.index("</section>")]


def test_a_comment_on_a_paragraph_that_does_not_exist_is_not_found() -> None:
    setting = consultation_setting()
    url = reverse("consultations:comment", args=[setting.consultation.pk, "priority-0"])
    assert Client().get(url).status_code == 404


def test_the_public_page_lists_events_and_the_home_page_links_while_open() -> None:
    setting = consultation_setting()
    ConsultationEvent.objects.create(
        consultation=setting.consultation,
        date=dt.date(2027, 2, 3),
        time="2pm to 4pm",
        place="Vale Town Library",
    )
    client = Client()
    overview = reverse("consultations:overview", args=[setting.consultation.pk])
    page = client.get(overview).content.decode()
    assert "3 February 2027" in page and "Vale Town Library" in page and "2pm to 4pm" in page
    assert overview in client.get("/").content.decode()
    home = client.get("/").content.decode()
    assert "Past consultations" not in home
    setting.consultation.status = "closed"
    setting.consultation.save()
    home = client.get("/").content.decode()
    assert 'id="consultations"' not in home
    assert home.index(overview) > home.index("Past consultations")  # still public, once closed
    assert client.get(overview).status_code == 200
