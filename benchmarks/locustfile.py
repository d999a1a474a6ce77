"""The realistic mix `make bench-load` drives the served app with (benchmarks/bench_load.py).

Each simulated person is signed in as the administrator or the lead officer of one of the
national-scale partnerships (chosen at random, so requests spread over many of them) and
then reads and writes as a board's staff do: the overview most, then themes, priorities
and actions, the action list with filters and a search, their own actions, indicator
pages, the public page, REST API reads and, now and then, an update.
`constant_throughput` gives each simulated person a fixed rate, so the load is a fixed
arrival rate (BENCH_RATE requests a second over BENCH_USERS people) as long as responses
come back within a few seconds: an open model, not users waiting on each other. A static
file the size of the overview is fetched too, for the comparison bench_load.py prints.

The users are FastHttpUsers (geventhttpclient, kept-alive connections), not HttpUsers
(requests): locust shares the machine's cores with the server, and the requests library
spends several times the CPU per request, time taken from the server being measured.
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path
from typing import Any

import gevent
from locust import FastHttpUser, constant_throughput, task
from requests.cookies import create_cookie

WORLD: dict[str, Any] = json.loads(Path(os.environ["BENCH_WORLD"]).read_text(encoding="utf-8"))
RATE = float(os.environ.get("BENCH_RATE", "40"))
USERS = int(os.environ.get("BENCH_USERS", "80"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATUSES = ["green", "amber", "red", "overdue", "stale", "complete"]


class BoardStaff(FastHttpUser):
    wait_time = constant_throughput(RATE / USERS)
    # Fail rather than wait a minute: a request this slow has missed every target anyway.
    network_timeout = 30.0
    connection_timeout = 30.0

    def on_start(self) -> None:
        """Come signed in (bench_load.py made a session for each administrator and lead),
        at a random moment of the first period: every user is spawned in the same second,
        and constant_throughput keeps each one's phase, so without it all of them would ask
        at once, again every period (80 requests every 2 s, not 40 a second)."""
        self.p: dict[str, Any] = random.choice(WORLD["partnerships"])
        self.role = random.choice(["admin", "lead"])
        session = create_cookie(WORLD["session_cookie"], self.p[f"{self.role}_session"])
        self.client.cookiejar.set_cookie(session)
        gevent.sleep(random.uniform(0, USERS / RATE))

    @task(10)
    def overview(self) -> None:
        self.client.get(f"/strategies/{self.p['strategy']}/", name="overview")

    @task(6)
    def theme(self) -> None:
        self.client.get(f"/themes/{random.choice(self.p['themes'])}/", name="theme")

    @task(6)
    def priority(self) -> None:
        self.client.get(f"/priorities/{random.choice(self.p['priorities'])}/", name="priority")

    @task(10)
    def action(self) -> None:
        self.client.get(f"/actions/{random.choice(self.p['actions'])}/", name="action")

    @task(5)
    def action_list(self) -> None:
        status = random.choice(STATUSES)
        self.client.get(f"/actions/?strategy={self.p['strategy']}&status={status}",
                        name="list filtered")  # fmt: skip

    @task(2)
    def action_list_first_page(self) -> None:
        self.client.get("/actions/", name="list first page")

    @task(2)
    def search(self) -> None:
        self.client.get("/actions/?q=peer+support", name="list search")

    @task(3)
    def my_actions(self) -> None:
        self.client.get("/my/actions/", name="my actions")

    @task(3)
    def indicators(self) -> None:
        self.client.get(f"/indicators/{random.choice(self.p['indicators'])}/", name="indicator")

    @task(2)
    def indicator_list(self) -> None:
        self.client.get("/indicators/", name="indicator list")

    @task(2)
    def public(self) -> None:
        self.client.get(f"/public/strategies/{self.p['strategy']}/", name="public")

    @task(2)
    def public_theme(self) -> None:
        """The public strategy page links to a page per theme (the whole plan no longer)."""
        theme = random.choice(self.p["themes"])
        self.client.get(f"/public/themes/{theme}/", name="public theme")

    @task(3)
    def static_same_size(self) -> None:
        self.client.get(WORLD["static"], name="static (overview size)")

    @task(3)
    def api_actions(self) -> None:
        """The REST API's action list and one action, as an integration would read them."""
        self.client.get(f"/api/v1/actions/?strategy={self.p['strategy']}&status=amber",
                        name="api actions")  # fmt: skip
        self.client.get(f"/api/v1/actions/{random.choice(self.p['actions'])}/", name="api action")

    @task(1)
    def update(self) -> None:
        """A lead officer's update on one of their actions (an administrator's on any)."""
        action = random.choice(self.p["led"])
        form = self.client.get(f"/actions/{action}/update/", name="update form")
        token = CSRF.search(form.text)
        if token is None:
            return
        self.client.post(
            f"/actions/{action}/update/",
            data={"date": WORLD["today"], "rag": "green", "text": "Progress as planned.",
                  "percent_complete": "", "evidence_url": "", "override_reason": "Load test",
                  "csrfmiddlewaretoken": token.group(1)},
            headers={"Referer": f"{self.host}/actions/{action}/update/"},
            name="update submit",
        )  # fmt: skip
