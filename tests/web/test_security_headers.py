"""Content Security Policy with no inline script or style, Permissions-Policy, and
`Cache-Control: private` on signed-in pages (issue #12.12).

Every page the URL-by-role walk finds is opened as the administrator (who may open the
most) and its HTML parsed: no <script> without src, no <style>, no style= or on...=
attributes, which the policy would block.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.accounts.test_url_permissions import PAGES, _url
from tests.accounts.url_world import ADMIN, UrlWorld
from wellboard.reports.style_hashes import style_sources

GET_PAGES = [p for p in PAGES if p.guard is not None and "GET" in p.guard.methods]


class InlineFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style> element")
        if "style" in names:
            self.found.append(f"style= on <{tag}>")
        self.found += [f"{name}= on <{tag}>" for name in names if name.startswith("on")]


def inline_parts(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def test_the_finder_sees_what_the_policy_blocks() -> None:
    html = '<script>x()</script><p style="a" onclick="b"></p><style></style><script src="s">'
    assert inline_parts(html) == [
        "inline <script>",
        "style= on <p>",
        "onclick= on <p>",
        "<style> element",
    ]


@pytest.mark.django_db
def test_pages_send_the_policy_and_permissions_policy(client: Client) -> None:
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("view", GET_PAGES, ids=[page.name for page in GET_PAGES])
def test_every_page_has_no_inline_script_or_style(view: object, url_world: UrlWorld) -> None:
    client = Client()
    client.force_login(url_world.users[ADMIN])
    response = client.get(_url(view, url_world))  # type: ignore[arg-type]
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return
    if "attachment" in response.get("Content-Disposition", ""):
        return  # a downloaded file, not a page of the site
    policy = response["Content-Security-Policy"]
    found = inline_parts(response.content.decode())
    if view.name == "reports:download":  # type: ignore[attr-defined]
        # The standalone report keeps its stylesheet inside: allowed by its hash only.
        [source] = style_sources(response.content)
        assert source in policy and "unsafe-inline" not in policy
        found.remove("<style> element")
    assert found == []
    assert "private" in response["Cache-Control"]
