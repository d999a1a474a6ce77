"""GOV.UK Notify as a Django email backend, for councils that send through Notify.

    EMAIL_BACKEND=wellboard.rounds.notify.NotifyEmailBackend
    NOTIFY_API_KEY=...  NOTIFY_TEMPLATE_ID=...

Notify sends from templates, so the service needs one email template whose subject is
`((subject))` and whose body is `((body))`; each message's subject and text part fill
them in. Needs `pip install wellboard[notify]` (notifications-python-client). A refused
address (Notify answers 400) is raised as an SMTPRecipientsRefused, so the rest of
Wellboard treats it like an SMTP server's refusal.
"""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk"
REFERENCE_HEADER = "X-Wellboard-Reference"


def notification_payload(message: EmailMessage, recipient: str, template_id: str) -> dict[str, Any]:
    """The arguments of one `send_email_notification` call for one recipient."""
    payload: dict[str, Any] = {
        "email_address": recipient,
        "template_id": template_id,
        "personalisation": {"subject": message.subject, "body": str(message.body)},
    }
    reference = (message.extra_headers or {}).get(REFERENCE_HEADER)
    if reference:
        payload["reference"] = str(reference)
    return payload


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently)
        self.api_key = kwargs.get("api_key") or getattr(settings, "NOTIFY_API_KEY", "")
        self.template_id: str = str(
            kwargs.get("template_id") or getattr(settings, "NOTIFY_TEMPLATE_ID", "")
        )
        self.base_url = kwargs.get("base_url") or getattr(
            settings, "NOTIFY_BASE_URL", DEFAULT_BASE_URL
        )
        if not self.api_key or not self.template_id:
            raise ImproperlyConfigured("Set NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID for Notify.")
        self._client: Any = None

    def open(self) -> bool:
        if self._client is not None:
            return False
        from notifications_python_client.notifications import NotificationsAPIClient

        self._client = NotificationsAPIClient(self.api_key, base_url=self.base_url)
        return True

    def close(self) -> None:
        self._client = None

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from notifications_python_client.errors import HTTPError

        if not email_messages:
            return 0
        opened = self.open()
        sent = 0
        try:
            for message in email_messages:
                for recipient in message.recipients():
                    payload = notification_payload(message, recipient, self.template_id)
                    try:
                        self._client.send_email_notification(**payload)
                    except HTTPError as error:
                        if self.fail_silently:
                            continue
                        if error.status_code == 400:
                            refusal = (400, str(error.message).encode())
                            raise smtplib.SMTPRecipientsRefused({recipient: refusal}) from error
                        raise
                sent += 1
        finally:
            if opened:
                self.close()
        return sent
