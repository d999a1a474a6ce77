"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, with Django's SMTP backend aimed at it.

    def test_invitation(smtp_server):
        send_invitation(...)
        [message] = smtp_server.messages          # email.message.EmailMessage
        assert message["To"] == "ada@example.org"
        assert "set your password" in smtp_server.text(message)

The server runs once per test session in its own thread; the `smtp_server` fixture empties
its mailbox and points EMAIL_BACKEND/EMAIL_HOST/EMAIL_PORT at it for one test, so mail goes
through Django's real SMTP backend, a real socket and a real SMTP conversation. Messages
are parsed with the standard email package. `fail_next` makes the server answer the next
messages with a temporary failure, for testing retries; `refuse` makes it refuse an
address at RCPT, as for an address that bounces.
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Delivery:
    """One message as the server received it: the envelope and the parsed message."""

    mail_from: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    """The aiosmtpd handler: keeps what it receives, or refuses it when told to."""

    deliveries: list[Delivery] = field(default_factory=list)
    failures_left: int = 0
    failure_reply: str = "451 4.3.0 Try again later"
    refused: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        with self.lock:
            if address.lower() in self.refused:
                return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            if self.failures_left:
                self.failures_left -= 1
                return self.failure_reply
            content = envelope.content
            raw = content if isinstance(content, bytes) else str(content).encode()
            message = email.message_from_bytes(raw, policy=email.policy.default)
            assert isinstance(message, EmailMessage)
            recipients = [str(r) for r in envelope.rcpt_tos]
            self.deliveries.append(Delivery(str(envelope.mail_from), recipients, message))
        return "250 Message accepted for delivery"


class SmtpServer:
    """What tests use: the server's address, what it received, and failure injection."""

    def __init__(self, mailbox: Mailbox, port: int) -> None:
        self.mailbox = mailbox
        self.host = HOST
        self.port = port

    @property
    def deliveries(self) -> list[Delivery]:
        with self.mailbox.lock:
            return list(self.mailbox.deliveries)

    @property
    def messages(self) -> list[EmailMessage]:
        """Received messages in arrival order, parsed by the email package."""
        return [d.message for d in self.deliveries]

    def to(self, address: str) -> list[EmailMessage]:
        """Messages whose envelope named this recipient."""
        return [d.message for d in self.deliveries if address in d.recipients]

    @staticmethod
    def text(message: EmailMessage) -> str:
        """The plain text part (or the whole body when there is only one part)."""
        part = message.get_body(preferencelist=("plain",))
        assert part is not None, "the message has no text part"
        return str(part.get_content())  # type: ignore[attr-defined]

    @staticmethod
    def html(message: EmailMessage) -> str | None:
        part = message.get_body(preferencelist=("html",))
        return None if part is None else str(part.get_content())  # type: ignore[attr-defined]

    def wait_for(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Wait until `count` messages have arrived (for mail sent by another process)."""
        deadline = time.monotonic() + timeout
        while len(self.deliveries) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages

    def fail_next(self, count: int = 1, reply: str = "451 4.3.0 Try again later") -> None:
        """Answer the next `count` messages with this SMTP error instead of accepting them."""
        with self.mailbox.lock:
            self.mailbox.failures_left = count
            self.mailbox.failure_reply = reply

    def refuse(self, *addresses: str) -> None:
        """Refuse these recipients at RCPT, as a server does for an address that bounces."""
        with self.mailbox.lock:
            self.mailbox.refused.update(a.lower() for a in addresses)

    def clear(self) -> None:
        with self.mailbox.lock:
            self.mailbox.deliveries.clear()
            self.mailbox.failures_left = 0
            self.mailbox.refused.clear()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def smtp_session_server() -> Iterator[SmtpServer]:
    """One aiosmtpd server for the test session, on a free port of 127.0.0.1."""
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname=HOST, port=port)
    controller.start()
    try:
        yield SmtpServer(mailbox, port)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server(smtp_session_server: SmtpServer, settings: Any) -> Iterator[SmtpServer]:
    """The session's SMTP server, emptied, with Django's SMTP backend sending to it."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp_session_server.host
    settings.EMAIL_PORT = smtp_session_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    smtp_session_server.clear()
    yield smtp_session_server
    smtp_session_server.clear()
