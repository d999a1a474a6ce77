"""Nothing is published before a moderator reads it; responses only with consent and with
names and contact details out; personal data erased on request."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.consultations.helpers import consultation_setting, full_answers
from wellboard.consultations.models import EqualityAnswers, ParagraphComment, Response
from wellboard.consultations.services import moderate
from wellboard.core.redaction import EMAIL, NAME, PHONE

pytestmark = pytest.mark.django_db


def _respond(setting: object, **changes: str) -> Response:
    consultation = setting.consultation  # type: ignore[attr-defined]
    data = full_answers(setting, **changes)  # type: ignore[arg-type]
    Client().post(reverse("consultations:respond", args=[consultation.pk]), data)
    return Response.objects.order_by("-pk").first()  # type: ignore[return-value]


def test_the_queue_holds_pending_comments_and_responses_whose_writers_consented() -> None:
    setting = consultation_setting()
    consenting = _respond(setting)
    refusing = _respond(setting, consent_publish="")
    comment = ParagraphComment.objects.create(
        consultation=setting.consultation, paragraph_key="summary-1", text="Clearer, please."
    )
    page = setting.admin_client().get(
        reverse("consultations:queue", args=[setting.consultation.pk])
    )
    text = page.content.decode()
    assert reverse("consultations:moderate_response", args=[consenting.pk]) in text
    assert reverse("consultations:moderate_response", args=[refusing.pk]) not in text
    assert reverse("consultations:moderate_comment", args=[comment.pk]) in text


def test_a_response_is_offered_for_publication_without_names_or_contact_details() -> None:
    setting = consultation_setting()
    question = setting.consultation.questions.first()
    assert question is not None
    comment = "I'm Priya, call 07700 900123 or priya@example.org. More play areas."
    response = _respond(setting, **{f"comment_{question.pk}": comment})
    client = setting.admin_client()
    url = reverse("consultations:moderate_response", args=[response.pk])
    page = client.get(url).content.decode()
    assert f"I&#39;m {NAME}, call {PHONE} or {EMAIL}. More play areas." in page
    overview = reverse("consultations:overview", args=[setting.consultation.pk])
    assert "More play areas" not in Client().get(overview).content.decode()
    client.post(url, {"decision": "publish", "text": f"I'm {NAME}. More play areas.", "version": 1})
    response.refresh_from_db()
    assert response.moderation == "published" and response.moderated_by == setting.admin
    public = Client().get(overview).content.decode()
    assert "More play areas." in public and "Priya" not in public and "07700" not in public


def test_a_rejected_response_is_not_shown_and_publishing_needs_text() -> None:
    setting = consultation_setting()
    response = _respond(setting)
    client = setting.admin_client()
    url = reverse("consultations:moderate_response", args=[response.pk])
    page = client.post(url, {"decision": "publish", "text": " ", "version": 1})
    assert page.status_code == 400 and "Enter the text to publish" in page.content.decode()
    client.post(url, {"decision": "reject", "text": "", "version": 1})
    response.refresh_from_db()
    assert response.moderation == "rejected"
    assert not Response.objects.published().exists()


def test_a_response_without_consent_cannot_be_published() -> None:
    setting = consultation_setting()
    response = _respond(setting, consent_publish="")
    url = reverse("consultations:moderate_response", args=[response.pk])
    client = setting.admin_client()
    assert client.post(url, {"decision": "publish", "text": "Hello"}).status_code == 302
    response.refresh_from_db()
    assert response.moderation == "pending"
    with pytest.raises(ValueError, match="did not agree"):
        moderate(response, True, "Hello", setting.admin)


def test_a_published_paragraph_comment_appears_beside_its_paragraph() -> None:
    setting = consultation_setting()
    key = "theme-1"
    comment = ParagraphComment.objects.create(
        consultation=setting.consultation, paragraph_key=key, text="Mention dads. Sam 07700 900123"
    )
    client = setting.admin_client()
    url = reverse("consultations:moderate_comment", args=[comment.pk])
    assert f"Mention dads. Sam {PHONE}" in client.get(url).content.decode()
    client.post(url, {"decision": "publish", "text": "Mention dads.", "version": 1})
    draft = Client().get(reverse("consultations:draft", args=[setting.consultation.pk]))
    section = draft.content.decode().split(f'id="{key}"')[1].split("</section>")[0]
    assert "Mention dads." in section and "07700" not in section


def test_erasing_on_request_keeps_the_answers_without_who_gave_them() -> None:
    setting = consultation_setting()
    response = _respond(setting)
    client = setting.admin_client()
    listing = reverse("consultations:responses", args=[setting.consultation.pk])
    assert "priya@example.org" in client.get(listing).content.decode()
    answer = client.post(reverse("consultations:erase", args=[response.pk]))
    assert answer["Location"] == listing
    response.refresh_from_db()
    assert (response.name, response.email, response.erasure_reason) == ("", "", "request")
    assert not EqualityAnswers.objects.exists()
    assert response.answers.count() == 4
    page = client.get(listing).content.decode()
    assert "priya@example.org" not in page and "Erased" in page


def test_the_responses_page_shows_fifty_a_page_and_finds_one_by_name_email_or_number() -> None:
    setting = consultation_setting()
    made = Response.objects.bulk_create(
        Response(
            consultation=setting.consultation,
            name=f"Respondent {n:02d}",
            email=f"person{n:02d}@example.org",
        )
        for n in range(53)
    )
    client = setting.admin_client()
    listing = reverse("consultations:responses", args=[setting.consultation.pk])
    first = client.get(listing).content.decode()
    assert "53 responses · showing 1 to 50" in first and first.count("@example.org") == 50
    assert 'href="?page=2"' in first
    second = client.get(listing, {"page": 2}).content.decode()
    assert second.count("@example.org") == 3 and "showing 51 to 53" in second
    by_email = client.get(listing, {"q": "PERSON07@"}).content.decode()
    assert "1 response matching" in by_email and "Respondent 07" in by_email
    assert "Respondent 08" not in by_email
    by_number = client.get(listing, {"q": str(made[9].pk)}).content.decode()
    assert by_number.count("@example.org") == 1 and "Respondent 09" in by_number
    none = client.get(listing, {"q": "<b>nobody</b>"}).content.decode()
    assert "No response matches that." in none and "<b>nobody</b>" not in none


def test_the_public_page_shows_the_newest_fifty_published_responses() -> None:
    setting = consultation_setting()
    Response.objects.bulk_create(
        Response(
            consultation=setting.consultation,
            consent_publish=True,
            moderation="published",
            published_text=f"Published view number {n:02d}.",
        )
        for n in range(52)
    )
    overview = reverse("consultations:overview", args=[setting.consultation.pk])
    page = Client().get(overview).content.decode()
    assert "the newest 50 of 52" in page
    assert page.count("Published view number") == 50


def test_decisions_stay_reachable_and_can_be_changed() -> None:
    setting = consultation_setting()
    consenting = _respond(setting)
    refusing = _respond(setting, consent_publish="")
    comment = ParagraphComment.objects.create(
        consultation=setting.consultation, paragraph_key="summary-1", text="Clear."
    )
    client = setting.admin_client()
    moderate(comment, True, "Clear.", setting.admin)
    moderate(consenting, True, "Yes.", setting.admin)
    queue = client.get(reverse("consultations:queue", args=[setting.consultation.pk]))
    assert reverse("consultations:moderate_comment", args=[comment.pk]) in queue.content.decode()
    listing = client.get(reverse("consultations:responses", args=[setting.consultation.pk]))
    text = listing.content.decode()
    assert reverse("consultations:moderate_response", args=[consenting.pk]) in text
    assert reverse("consultations:moderate_response", args=[refusing.pk]) not in text
    assert "not for publication" in text
    client.post(
        reverse("consultations:moderate_comment", args=[comment.pk]),
        {"decision": "reject", "text": "", "version": 1},
    )
    comment.refresh_from_db()
    assert (comment.moderation, comment.published_text) == ("rejected", "")


def _version_on_page(html: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found is not None, "the moderation form carries no version"
    return found.group(1)


def test_a_second_moderator_working_from_an_older_page_is_refused() -> None:
    """Two moderators open the same response; the first publishes. The second, deciding
    from the page drawn before that, gets a form error and the published text stays."""
    setting = consultation_setting()
    response = _respond(setting)
    first, second = setting.admin_client(), setting.admin_client()
    url = reverse("consultations:moderate_response", args=[response.pk])
    seen = _version_on_page(second.get(url).content.decode())
    assert _version_on_page(first.get(url).content.decode()) == seen
    published = {"decision": "publish", "text": "More play areas.", "version": seen}
    assert first.post(url, published).status_code == 302
    late = second.post(url, {"decision": "reject", "text": "", "version": seen})
    assert late.status_code == 400
    assert "Someone else saved this response" in late.content.decode()
    response.refresh_from_db()
    assert (response.moderation, response.published_text) == ("published", "More play areas.")
    assert response.version == int(seen) + 1
    # Having read the decision as it is now, the second moderator may replace it.
    again = second.post(url, {"decision": "reject", "text": "", "version": response.version})
    assert again.status_code == 302
    response.refresh_from_db()
    assert response.moderation == "rejected"


def test_a_comment_decided_since_the_page_was_drawn_is_not_written_over() -> None:
    setting = consultation_setting()
    comment = ParagraphComment.objects.create(
        consultation=setting.consultation, paragraph_key="summary-1", text="Clearer, please."
    )
    client = setting.admin_client()
    url = reverse("consultations:moderate_comment", args=[comment.pk])
    seen = _version_on_page(client.get(url).content.decode())
    other = setting.admin_client()
    assert other.post(url, {"decision": "reject", "text": "", "version": seen}).status_code == 302
    late = client.post(url, {"decision": "publish", "text": "Clearer, please.", "version": seen})
    assert late.status_code == 400 and "Someone else saved this comment" in late.content.decode()
    comment.refresh_from_db()
    assert (comment.moderation, comment.published_text) == ("rejected", "")


def test_erasure_refuses_a_moderation_page_drawn_before_it() -> None:
    """A moderator's page still shows the respondent's name in the text; once their data is
    erased, publishing from that page is refused, so the name does not come back."""
    setting = consultation_setting()
    response = _respond(setting)
    client = setting.admin_client()
    url = reverse("consultations:moderate_response", args=[response.pk])
    seen = _version_on_page(client.get(url).content.decode())
    client.post(reverse("consultations:erase", args=[response.pk]))
    late = client.post(url, {"decision": "publish", "text": "Priya Shah says yes", "version": seen})
    assert late.status_code == 400 and "Someone else saved this response" in late.content.decode()
    response.refresh_from_db()
    assert response.moderation == "pending" and "Priya" not in response.published_text
