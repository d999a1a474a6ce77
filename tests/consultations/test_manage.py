"""The administrator opens a consultation on a strategy, edits it, opens and closes it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.consultations.helpers import consultation_setting
from tests.factories import MembershipFactory, UserFactory
from wellboard.accounts.models import Membership
from wellboard.consultations.models import Consultation, ConsultationEvent, Question

pytestmark = pytest.mark.django_db


def test_opening_a_consultation_asks_about_each_priority_for_90_days() -> None:
    setting = consultation_setting()
    strategy = setting.consultation.strategy
    client = setting.admin_client()
    url = reverse("consultations:create", args=[strategy.pk])
    form = client.get(url).content.decode()
    today = timezone.localdate()
    assert (today + dt.timedelta(days=90)).strftime("%Y-%m-%d") in form
    answer = client.post(url, {"title": "Refresh 2028", "opens": "2027-06-01", "closes": ""})
    made = Consultation.objects.get(title="Refresh 2028")
    assert answer["Location"] == reverse("consultations:manage", args=[made.pk])
    assert (made.closes, made.status) == (dt.date(2027, 8, 30), "draft")
    questions = list(made.questions.values_list("kind", "priority__title", "position"))
    assert questions[:2] == [
        ("priority", "Healthy weight in childhood", 1),
        ("priority", "Mental health of young people", 2),
    ]
    assert [q[0] for q in questions[2:]] == ["general", "general"]


def test_a_consultation_that_closes_before_it_opens_is_refused_with_a_form_error() -> None:
    setting = consultation_setting()
    url = reverse("consultations:create", args=[setting.consultation.strategy.pk])
    page = setting.admin_client().post(
        url, {"title": "Backwards", "opens": "2027-06-01", "closes": "2027-05-01"}
    )
    assert page.status_code == 400 and "cannot close before it opens" in page.content.decode()
    assert not Consultation.objects.filter(title="Backwards").exists()


def test_questions_and_events_are_edited_from_the_manage_page() -> None:
    setting = consultation_setting()
    consultation, client = setting.consultation, setting.admin_client()
    manage = client.get(reverse("consultations:manage", args=[consultation.pk])).content.decode()
    question = consultation.questions.first()
    assert question is not None
    edit_url = reverse("consultations:edit_question", args=[question.pk])
    assert edit_url in manage
    client.post(
        edit_url,
        {"text": "Should healthy weight come first?", "hint": "", "position": 1, "version": 1},
    )
    assert Question.objects.get(pk=question.pk).text == "Should healthy weight come first?"
    client.post(
        reverse("consultations:add_question", args=[consultation.pk]),
        {"text": "What would help you most?", "hint": "", "position": 9},
    )
    assert consultation.questions.last().text == "What would help you most?"  # type: ignore[union-attr]
    client.post(
        reverse("consultations:add_event", args=[consultation.pk]),
        {"date": "2027-02-03", "time": "6pm", "place": "Vale Hall", "description": "Drop in"},
    )
    event = ConsultationEvent.objects.get()
    client.post(
        reverse("consultations:edit_event", args=[event.pk]),
        {
            "date": "2027-02-04",
            "time": "6pm",
            "place": "Vale Hall",
            "description": "",
            "version": 1,
        },
    )
    event.refresh_from_db()
    assert (event.date, event.place) == (dt.date(2027, 2, 4), "Vale Hall")
    page = client.get(reverse("consultations:manage", args=[consultation.pk])).content.decode()
    assert "Vale Hall" in page and "What would help you most?" in page


def test_opening_and_closing_it() -> None:
    setting = consultation_setting(status="draft")
    consultation, client = setting.consultation, setting.admin_client()
    status_url = reverse("consultations:status", args=[consultation.pk])
    manage_url = reverse("consultations:manage", args=[consultation.pk])
    assert 'name="version" value="1"' in client.get(manage_url).content.decode()
    client.post(status_url, {"status": "open", "version": 1})
    consultation.refresh_from_db()
    assert consultation.status == "open" and consultation.accepting_responses
    client.post(status_url, {"status": "closed", "version": consultation.version})
    consultation.refresh_from_db()
    assert consultation.status == "closed" and consultation.closes == timezone.localdate()
    client.post(status_url, {"status": "nonsense", "version": consultation.version})
    consultation.refresh_from_db()
    assert (consultation.status, consultation.version) == ("closed", 3)


def test_opening_or_closing_from_a_page_drawn_before_another_change_is_refused() -> None:
    """Two administrators on the manage page: one closes, the other's older "Open" button
    must not reopen it behind their back (nor may a post with no version)."""
    setting = consultation_setting(status="open")
    consultation, client = setting.consultation, setting.admin_client()
    status_url = reverse("consultations:status", args=[consultation.pk])
    drawn_at = consultation.version
    client.post(status_url, {"status": "closed", "version": drawn_at})
    page = client.post(status_url, {"status": "open", "version": drawn_at}, follow=True)
    assert "Someone else changed this consultation" in page.content.decode()
    client.post(status_url, {"status": "open"})
    consultation.refresh_from_db()
    assert (consultation.status, consultation.version) == ("closed", drawn_at + 1)


def test_administrators_reach_it_from_the_menu_and_the_strategy_page_and_no_one_else() -> None:
    setting = consultation_setting()
    strategy = setting.consultation.strategy
    client = setting.admin_client()
    index = reverse("consultations:index")
    link = f'href="{index}"'  # the managing index, not a public consultation's page under it
    assert link in client.get("/").content.decode()
    assert link in client.get(strategy.get_absolute_url()).content.decode()
    page = client.get(index).content.decode()
    assert reverse("consultations:manage", args=[setting.consultation.pk]) in page
    assert reverse("consultations:create", args=[strategy.pk]) in page
    board: object = UserFactory()
    MembershipFactory(
        user=board, partnership=strategy.partnership, role=Membership.Role.BOARD_MEMBER
    )
    member = Client()
    member.force_login(board)  # type: ignore[arg-type]
    assert link not in member.get("/").content.decode()
    assert link not in member.get(strategy.get_absolute_url()).content.decode()
    assert member.get(index).status_code == 403


def test_editing_refuses_a_stale_form() -> None:
    setting = consultation_setting()
    consultation, client = setting.consultation, setting.admin_client()
    url = reverse("consultations:edit", args=[consultation.pk])
    data = {
        "title": "Have your say, Vale",
        "summary": "",
        "opens": consultation.opens.isoformat(),
        "closes": consultation.closes.isoformat(),
        "privacy_contact": "privacy@vale.example",
        "version": consultation.version,
    }
    assert client.post(url, data).status_code == 302
    consultation.refresh_from_db()
    assert (consultation.title, consultation.privacy_contact) == (
        "Have your say, Vale",
        "privacy@vale.example",
    )
    page = client.post(url, {**data, "title": "Someone else's edit"})  # the old version
    assert (
        page.status_code == 400 and "Someone else saved this consultation" in page.content.decode()
    )
    consultation.refresh_from_db()
    assert consultation.title == "Have your say, Vale"


def test_question_and_event_edits_refuse_a_stale_form() -> None:
    """Two administrators edit the same question (and event): the second, from the form drawn
    before the first saved, gets a form error and the first one's words stay."""
    setting = consultation_setting()
    consultation, client = setting.consultation, setting.admin_client()
    question = consultation.questions.first()
    assert question is not None
    url = reverse("consultations:edit_question", args=[question.pk])
    data = {"text": "First wording?", "hint": "", "position": 1, "version": question.version}
    assert client.post(url, data).status_code == 302
    late = client.post(url, {**data, "text": "Second wording?"})
    assert late.status_code == 400
    assert "Someone else saved this question" in late.content.decode()
    assert Question.objects.get(pk=question.pk).text == "First wording?"
    event = ConsultationEvent.objects.create(
        consultation=consultation, date=dt.date(2027, 2, 3), place="Vale Hall"
    )
    url = reverse("consultations:edit_event", args=[event.pk])
    data = {"date": "2027-02-04", "time": "", "place": "Town Hall", "description": "", "version": 1}
    assert client.post(url, data).status_code == 302
    late = client.post(url, {**data, "place": "Library"})
    assert late.status_code == 400 and "Someone else saved this event" in late.content.decode()
    event.refresh_from_db()
    assert event.place == "Town Hall"
