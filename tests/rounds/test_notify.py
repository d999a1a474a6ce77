"""The GOV.UK Notify backend against a local HTTP server that records what it is sent."""

from __future__ import annotations

import json
import smtplib
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from django.core.mail import EmailMultiAlternatives, get_connection

from wellboard.rounds.notify import REFERENCE_HEADER, NotifyEmailBackend

SERVICE_ID = str(uuid.uuid4())
SECRET = str(uuid.uuid4())
API_KEY = f"wellboard_test-{SERVICE_ID}-{SECRET}"
TEMPLATE = str(uuid.uuid4())


@dataclass
class Recorded:
    requests: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def notify_server() -> Iterator[tuple[str, Recorded]]:
    recorded = Recorded()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            recorded.requests.append(
                {"path": self.path, "auth": self.headers.get("Authorization", ""), "body": body}
            )
            refused = body["email_address"].endswith("@refused.invalid")
            status = 400 if refused else 201
            answer = (
                {"errors": [{"error": "ValidationError", "message": "Not a valid email address"}]}
                if refused
                else {"id": str(uuid.uuid4()), "reference": body.get("reference")}
            )
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", recorded
    finally:
        server.shutdown()
        server.server_close()


def message(to: str) -> EmailMultiAlternatives:
    sent = EmailMultiAlternatives(
        "Updates needed", "Hello Ada,\n\nPlease update.", to=[to], headers={REFERENCE_HEADER: "k1"}
    )
    sent.attach_alternative("<p>Hello</p>", "text/html")
    return sent


def backend(base_url: str) -> Any:
    return get_connection(
        "wellboard.rounds.notify.NotifyEmailBackend",
        api_key=API_KEY,
        template_id=TEMPLATE,
        base_url=base_url,
    )


def test_a_message_becomes_one_notify_request_with_a_signed_token(
    notify_server: tuple[str, Recorded],
) -> None:
    base_url, recorded = notify_server
    assert backend(base_url).send_messages([message("ada@example.org")]) == 1
    [request] = recorded.requests
    assert request["path"] == "/v2/notifications/email"
    assert request["body"] == {
        "email_address": "ada@example.org",
        "template_id": TEMPLATE,
        "personalisation": {"subject": "Updates needed", "body": "Hello Ada,\n\nPlease update."},
        "reference": "k1",
    }
    import jwt

    token = request["auth"].removeprefix("Bearer ")
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["iss"] == SERVICE_ID


def test_a_refused_address_is_an_smtp_refusal(notify_server: tuple[str, Recorded]) -> None:
    base_url, _ = notify_server
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        backend(base_url).send_messages([message("di@refused.invalid")])
    assert "di@refused.invalid" in refused.value.recipients


def test_notify_unreachable_is_an_error_to_retry() -> None:
    from notifications_python_client.errors import HTTPError

    with pytest.raises(HTTPError):
        backend("http://127.0.0.1:9").send_messages([message("ada@example.org")])


def test_the_backend_needs_its_key_and_template(settings: Any) -> None:
    from django.core.exceptions import ImproperlyConfigured

    settings.NOTIFY_API_KEY = settings.NOTIFY_TEMPLATE_ID = ""
    with pytest.raises(ImproperlyConfigured):
        NotifyEmailBackend()


@pytest.mark.django_db
def test_a_round_sends_through_notify_and_a_refusal_is_a_bounce(
    notify_server: tuple[str, Recorded], settings: Any
) -> None:
    from tests.rounds.round_world import OPENS, build_round_world
    from wellboard.rounds.delivery import send_due_now
    from wellboard.rounds.email_models import EmailRequest
    from wellboard.rounds.services import open_round

    base_url, recorded = notify_server
    settings.EMAIL_BACKEND = "wellboard.rounds.notify.NotifyEmailBackend"
    settings.NOTIFY_API_KEY, settings.NOTIFY_TEMPLATE_ID = API_KEY, TEMPLATE
    settings.NOTIFY_BASE_URL = base_url
    settings.WELLBOARD_BASE_URL = "https://wellboard.example.org"
    world = build_round_world()
    open_round(world.round, OPENS)
    send_due_now(OPENS)
    sent = {r["body"]["email_address"]: r["body"] for r in recorded.requests}
    assert set(sent) == {"ada@example.org", "bo@example.org", "di@refused.invalid"}
    ada = sent["ada@example.org"]
    assert "https://wellboard.example.org/rounds/respond/" in ada["personalisation"]["body"]
    assert ada["reference"].startswith(f"round:{world.round.pk}:ask:")
    states = dict(EmailRequest.objects.values_list("to", "state"))
    assert states == {
        "ada@example.org": "sent",
        "bo@example.org": "sent",
        "di@refused.invalid": "refused",
    }
