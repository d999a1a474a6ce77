"""Fixtures every test directory may use."""

from tests.smtp import smtp_server, smtp_session_server

__all__ = ["smtp_server", "smtp_session_server"]
