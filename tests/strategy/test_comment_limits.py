"""A comment over the limit is refused with the reason and the text kept (issue #12.9).

It used to say "Write a comment before sending it." and lose what was written.
"""

from __future__ import annotations

from html import unescape

import pytest
from django.test import Client

from tests.delivery_world import World
from wellboard.strategy.models import ActionComment

pytestmark = pytest.mark.django_db


def test_a_comment_of_4001_characters_keeps_the_text_and_says_why(
    client: Client, world: World
) -> None:
    client.force_login(world.board)
    text = "Carers said " + "x" * (4001 - len("Carers said "))
    response = client.post(f"/actions/{world.own_action.pk}/comment/", {"text": text})
    page = unescape(response.content.decode())
    assert response.status_code == 400
    assert "at most 4000 characters (it has 4001)" in page
    assert text in page  # back in the box, not lost
    assert "Write a comment before sending it" not in page
    assert not ActionComment.objects.filter(action=world.own_action).exists()


def test_an_empty_comment_is_asked_for(client: Client, world: World) -> None:
    client.force_login(world.board)
    response = client.post(f"/actions/{world.own_action.pk}/comment/", {"text": ""})
    assert response.status_code == 400
    assert "Write a comment before sending it" in unescape(response.content.decode())
