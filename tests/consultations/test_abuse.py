"""Abuse protections: script payloads escaped everywhere, the honeypot, size limits on
every field, and the per-client rate limit with its 429 page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from tests.consultations.helpers import consultation_setting, full_answers
from wellboard.consultations.models import ClientHit, ParagraphComment, Question, Response
from wellboard.consultations.services import moderate

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert("


def _payload_everywhere(setting: Any) -> None:
    """A response and a paragraph comment with the payload in every text the public types,
    both published by a moderator (who left the payload in)."""
    data = full_answers(
        setting,
        respondent_type="organisation",
        organisation_name=f"Org {SCRIPT}"[:300],
        name=f"Name {SCRIPT}",
    )
    for key in list(data):
        if key.startswith("comment_"):
            data[key] = f"{key} {SCRIPT}"
    client = Client()
    assert (
        client.post(
            reverse("consultations:respond", args=[setting.consultation.pk]), data
        ).status_code
        == 302
    )
    key = "priority-1-1"
    url = reverse("consultations:comment", args=[setting.consultation.pk, key])
    assert (
        client.post(url, {"text": f"Comment {SCRIPT}", "consent_publish": "on"}).status_code == 302
    )
    response = Response.objects.get()
    comment = ParagraphComment.objects.get()
    # The payload is in the name too, so redaction would take it out of the comments: the
    # moderator publishes the comments as written instead.
    written = "\n\n".join(a.comment for a in response.answers.all())
    moderate(response, True, written, setting.admin)
    moderate(comment, True, comment.text, setting.admin)


def _check(page: Any) -> str:
    text: str = page.content.decode()
    assert page.status_code == 200
    assert "<script>alert" not in text and "<img src=x" not in text
    return text


def test_script_payloads_in_every_field_are_escaped_on_every_page_that_shows_them() -> None:
    setting = consultation_setting()
    Question.objects.filter(consultation=setting.consultation).update(hint=SCRIPT)
    _payload_everywhere(setting)
    pk = setting.consultation.pk
    response, comment = Response.objects.get(), ParagraphComment.objects.get()
    public, admin = Client(), setting.admin_client()
    shown = {
        "overview": _check(public.get(reverse("consultations:overview", args=[pk]))),
        "draft": _check(public.get(reverse("consultations:draft", args=[pk]))),
        "respond": _check(public.get(reverse("consultations:respond", args=[pk]))),
        "responses": _check(admin.get(reverse("consultations:responses", args=[pk]))),
        "moderate": _check(
            admin.get(reverse("consultations:moderate_response", args=[response.pk]))
        ),
        "comment": _check(admin.get(reverse("consultations:moderate_comment", args=[comment.pk]))),
    }
    for name, text in shown.items():
        assert ESCAPED in text, name
    assert shown["overview"].count(ESCAPED) >= 5  # organisation and each published answer
    assert "Name &lt;script&gt;" in shown["responses"]
    ParagraphComment.objects.update(moderation="pending")
    Response.objects.update(moderation="pending")
    queue = _check(admin.get(reverse("consultations:queue", args=[pk])))
    assert ESCAPED in queue


def test_a_refused_form_shows_the_payload_escaped() -> None:
    setting = consultation_setting()
    data = full_answers(setting, email=SCRIPT, name=SCRIPT)
    page = Client().post(reverse("consultations:respond", args=[setting.consultation.pk]), data)
    assert page.status_code == 400
    assert "<script>alert" not in page.content.decode() and ESCAPED in page.content.decode()
    assert not Response.objects.exists()


def test_a_filled_in_honeypot_is_thanked_and_thrown_away() -> None:
    setting = consultation_setting()
    client = Client()
    url = reverse("consultations:respond", args=[setting.consultation.pk])
    answer = client.post(url, full_answers(setting, website="http://spam.example"))
    assert answer.status_code == 302 and "thanks" in answer["Location"]
    key = "priority-1-1"
    comment_url = reverse("consultations:comment", args=[setting.consultation.pk, key])
    client.post(comment_url, {"text": "Buy now", "consent_publish": "on", "website": "x"})
    assert not Response.objects.exists() and not ParagraphComment.objects.exists()


@pytest.mark.parametrize(
    ("field", "limit"),
    [("comment", 4000), ("organisation_name", 300), ("name", 200), ("email", 254)],
)
def test_every_field_has_a_size_limit_with_a_form_error(field: str, limit: int) -> None:
    setting = consultation_setting()
    question = setting.consultation.questions.first()
    assert question is not None
    name = f"comment_{question.pk}" if field == "comment" else field
    too_long = "a" * (limit - 12) + "@example.org" + "a" if field == "email" else "a" * (limit + 1)
    data = full_answers(setting, respondent_type="organisation", organisation_name="Vale")
    data[name] = too_long
    page = Client().post(reverse("consultations:respond", args=[setting.consultation.pk]), data)
    assert page.status_code == 400 and "Ensure this value has at most" in page.content.decode()
    assert not Response.objects.exists()
    data[name] = too_long[:-1]
    if field != "email":  # an address of 254 characters is still not a valid address
        assert (
            Client()
            .post(reverse("consultations:respond", args=[setting.consultation.pk]), data)
            .status_code
            == 302
        )


def test_a_paragraph_comment_over_2000_characters_is_refused() -> None:
    setting = consultation_setting()
    url = reverse("consultations:comment", args=[setting.consultation.pk, "theme-1"])
    page = Client().post(url, {"text": "a" * 2001, "consent_publish": "on"})
    assert page.status_code == 400 and "at most 2000 characters" in page.content.decode()
    assert not ParagraphComment.objects.exists()


@override_settings(CONSULTATION_RESPONSES_PER_HOUR=2, CONSULTATION_COMMENTS_PER_HOUR=1)
def test_a_client_over_the_hourly_limit_is_told_to_wait_and_others_are_not() -> None:
    setting = consultation_setting()
    url = reverse("consultations:respond", args=[setting.consultation.pk])
    with time_machine.travel(dt.datetime(2027, 1, 10, 9, 20, tzinfo=dt.UTC), tick=False):
        setting.consultation.opens = dt.date(2027, 1, 1)
        setting.consultation.closes = dt.date(2027, 3, 1)
        setting.consultation.save()
        client = Client(REMOTE_ADDR="203.0.113.7")
        assert client.post(url, full_answers(setting)).status_code == 302
        assert client.post(url, {}).status_code == 400  # refused attempts count too
        refused = client.post(url, full_answers(setting))
        assert refused.status_code == 429
        assert refused["Retry-After"] == str(41 * 60)
        assert "Too many responses from your connection" in refused.content.decode()
        assert "Try again in 41 minutes" in refused.content.decode()
        assert (
            Client(REMOTE_ADDR="198.51.100.2").post(url, full_answers(setting)).status_code == 302
        )
        key = "theme-1"
        comment = reverse("consultations:comment", args=[setting.consultation.pk, key])
        assert client.post(comment, {"text": "One", "consent_publish": "on"}).status_code == 302
        assert client.post(comment, {"text": "Two", "consent_publish": "on"}).status_code == 429
    assert Response.objects.count() == 2 and ParagraphComment.objects.count() == 1
    assert "203.0.113.7" not in str(list(ClientHit.objects.values_list("client", flat=True)))
    with time_machine.travel(dt.datetime(2027, 1, 10, 10, 1, tzinfo=dt.UTC), tick=False):
        assert client.post(url, full_answers(setting)).status_code == 302


@override_settings(CONSULTATION_RESPONSES_PER_HOUR=1, CLIENT_ADDRESS_HEADER="HTTP_X_FORWARDED_FOR")
def test_behind_a_proxy_the_client_is_the_address_the_proxy_added() -> None:
    setting = consultation_setting()
    url = reverse("consultations:respond", args=[setting.consultation.pk])
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = Client(**proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert first.post(url, full_answers(setting)).status_code == 302
    # A forged first entry does not make a new client: the proxy's own entry is last.
    again = Client(**proxy, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7")
    assert again.post(url, full_answers(setting)).status_code == 429
    other = Client(**proxy, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.post(url, full_answers(setting)).status_code == 302
