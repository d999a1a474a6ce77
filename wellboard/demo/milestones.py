"""The demo's milestones still to come, dated from the day the demo is loaded.

The demo plan's own milestones are all behind it by now (most reached, their dates fixed
in the document), so the overview's "Next milestones" and the update form's milestone
dates would be empty. These are the next steps of actions still running, due within the
coming four months, on actions the demo's lead officers lead and on others. Added once:
an action that already has a milestone of that title keeps it.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from wellboard.strategy.models import Action, Milestone, Strategy

# (action reference, milestone, days from the day the demo is loaded)
MILESTONES = [
    ("2.1.3", "First Talk Shed group meets in Harrowfold", 9),
    ("2.1.3", "Wenmarsh Talk Shed group meets", 23),
    ("1.2.3", "School nurses trained to hold the follow-up conversations", 30),
    ("3.3.2", "Carers register check completed in every GP practice", 45),
    ("2.2.2", "Blood pressure checks offered in 30 community pharmacies", 61),
    ("1.4.2", "0-25 pathway agreed by CAMHS and adult mental health services", 76),
    ("SH.2.1", "Alcohol care team fully recruited", 104),
]


def add_milestones(strategy: Strategy, today: dt.date | None = None) -> int:
    """Add the upcoming milestones the demo's actions lack; how many were made."""
    today = today or timezone.localdate()
    actions = {a.ref: a for a in Action.objects.in_strategy(strategy).active()}
    made = 0
    for ref, title, days in MILESTONES:
        action = actions.get(ref)
        if action is None or action.milestones.filter(title=title).exists():
            continue
        due = today + dt.timedelta(days=days)
        Milestone.objects.create(
            action=action,
            title=title,
            due_text=due.strftime("%-d %B %Y"),
            due_end=due,
            position=action.milestones.count(),
        )
        made += 1
    return made
