"""The SMTP fixture receives what Django's SMTP backend sends, over a real socket."""

from __future__ import annotations

import smtplib

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail

from tests.smtp import SmtpServer


def test_a_message_sent_by_django_arrives_parsed(smtp_server: SmtpServer) -> None:
    assert mail.get_connection().__class__.__module__ == "django.core.mail.backends.smtp"
    send_mail("Papers due", "Your update is due on Friday.", "hwb@example.org", ["ada@example.org"])
    [message] = smtp_server.messages
    assert message["Subject"] == "Papers due"
    assert message["To"] == "ada@example.org"
    assert smtp_server.text(message).strip() == "Your update is due on Friday."
    assert smtp_server.deliveries[0].recipients == ["ada@example.org"]


def test_text_and_html_parts_and_recipients(smtp_server: SmtpServer) -> None:
    email = EmailMultiAlternatives(
        "Round open", "Plain words", "hwb@example.org", ["a@example.org"], bcc=["b@example.org"]
    )
    email.attach_alternative("<p>Plain words</p>", "text/html")
    email.send()
    assert smtp_server.to("b@example.org") == smtp_server.messages
    assert smtp_server.text(smtp_server.messages[0]).strip() == "Plain words"
    html = smtp_server.html(smtp_server.messages[0])
    assert html is not None
    assert html.strip() == "<p>Plain words</p>"


def test_fail_next_refuses_then_accepts(smtp_server: SmtpServer) -> None:
    smtp_server.fail_next(1)
    with pytest.raises(smtplib.SMTPDataError):
        send_mail("First", "x", "hwb@example.org", ["a@example.org"])
    send_mail("Second", "x", "hwb@example.org", ["a@example.org"])
    assert [m["Subject"] for m in smtp_server.messages] == ["Second"]


def test_each_test_starts_with_an_empty_mailbox(smtp_server: SmtpServer) -> None:
    assert smtp_server.messages == []
