"""The round tests' mail: the shared real SMTP server (tests/smtp.py), refusing one
domain as a server refuses an address that bounces; and a port where nothing listens."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from tests.smtp import Delivery, SmtpServer

REFUSED_DOMAIN = "refused.invalid"


def text_of(delivery: Delivery) -> str:
    return SmtpServer.text(delivery.message).replace("\r\n", "\n")


def to(deliveries: list[Delivery]) -> list[str]:
    return sorted(address for mail in deliveries for address in mail.recipients)


@pytest.fixture
def mailbox(smtp_server: SmtpServer) -> SmtpServer:
    smtp_server.refuse(f"di@{REFUSED_DOMAIN}")
    return smtp_server


@pytest.fixture
def closed_port(settings: Any) -> int:
    """Point the SMTP backend at a port nothing listens on: every send fails."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_TIMEOUT = 2
    return port
