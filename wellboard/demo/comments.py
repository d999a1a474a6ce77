"""A board member's question on an action, so the action page's comments and the
administrator's view of them are not empty in the demo: board1 asks about the weight
management service's waiting list. Added once, found again by its words."""

from __future__ import annotations

from django.contrib.auth.models import User

from wellboard.strategy import services
from wellboard.strategy.models import Action, ActionComment, Strategy

COMMENTS = [
    (
        "board1",
        "2.2.4",
        "How long is the wait for the new service now, and will the digital option be "
        "offered to people on the current waiting list first?",
    ),
]


def add_comments(strategy: Strategy) -> int:
    """Add the demo's comments not already there; how many were made."""
    actions = {a.ref: a for a in Action.objects.in_strategy(strategy).active()}
    made = 0
    for username, ref, text in COMMENTS:
        author = User.objects.filter(username=username).first()
        action = actions.get(ref)
        if author is None or action is None:
            continue
        if ActionComment.objects.filter(action=action, author=author, text=text).exists():
            continue
        services.add_comment(action=action, author=author, text=text, proposal=False)
        made += 1
    return made
