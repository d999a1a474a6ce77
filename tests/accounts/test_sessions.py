"""Sessions read by accounts/sessions.py are Django's database sessions, read the same way:
the same data and the same end of a session that is missing, expired, tampered with or
signed out, one statement each, and nothing kept between requests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.delivery_world import World
from wellboard.accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def made(data: dict[str, object], expires_in: dt.timedelta) -> str:
    store = db.SessionStore()
    store.update(data)
    store.set_expiry(int(expires_in.total_seconds()) if expires_in.total_seconds() > 0 else 1)
    store.create()
    if expires_in.total_seconds() <= 0:
        Session.objects.filter(session_key=store.session_key).update(
            expire_date=timezone.now() + expires_in
        )
    return str(store.session_key)


def test_every_kind_of_session_loads_as_djangos_store_loads_it() -> None:
    live = made({"a": 1, "name": "Ada <b>", "list": [1, "two"]}, dt.timedelta(hours=1))
    expired = made({"a": 2}, -dt.timedelta(seconds=5))
    tampered = made({"a": 3}, dt.timedelta(hours=1))
    Session.objects.filter(session_key=tampered).update(session_data="x" + "y" * 40)
    keys = [live, expired, tampered, "nosuchsessionkey00000000000000x", "short", None]
    for key in keys:
        ours, djangos = SessionStore(key), db.SessionStore(key)
        assert ours.load() == djangos.load(), key
        assert ours.session_key == djangos.session_key, key
    assert SessionStore(live).load()["list"] == [1, "two"]
    assert SessionStore(expired).load() == {}


def test_a_session_is_read_in_one_statement() -> None:
    key = made({"a": 1}, dt.timedelta(hours=1))
    SessionStore(key).load()
    with CaptureQueriesContext(connection) as captured:
        assert SessionStore(key).load()["a"] == 1
    assert len(captured) == 1


def test_the_site_uses_it() -> None:
    assert settings.SESSION_ENGINE == "wellboard.accounts.sessions"


def test_signed_out_sessions_end_and_each_session_is_its_own_users(world: World) -> None:
    lead, admin = Client(), Client()
    lead.force_login(world.lead)
    admin.force_login(world.admin)
    for client, name in ((lead, "lead"), (admin, "admin"), (lead, "lead")):
        assert f"Signed in as {name}" in client.get("/").content.decode()
    cookie = lead.cookies[settings.SESSION_COOKIE_NAME].value
    assert lead.post("/accounts/logout/").status_code == 200  # "You have signed out"
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = replay.get("/my/actions/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "Signed in as admin" in admin.get("/").content.decode()
